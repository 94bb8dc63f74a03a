// The words of a rendered PDF with their boxes, as `pdftotext -bbox` prints them: what the
// tests that check positions on a page (margins, fill, label clearance) read.
#pragma once

#include <string>
#include <vector>

namespace boardbrief::testing {

struct PdfWord {
  int page = 0;                           // 1-based
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, y down from the top of the page
  std::string text;
};

// Parses the XHTML `pdftotext -bbox` writes (one <word> element a line, pages in order).
std::vector<PdfWord> pdf_words(const std::string& bbox);

}  // namespace boardbrief::testing
