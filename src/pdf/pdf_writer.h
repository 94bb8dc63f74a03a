// The PDF backend: the only code that includes hpdf.h. Loads the bundled TrueType fonts,
// measures text for layout, replays laid-out pages into libharu and returns the PDF bytes.
#pragma once

#include <date/date.h>

#include <memory>
#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::pdf {

struct FontFiles {
  std::string regular;  // path to Lato-Regular.ttf
  std::string bold;
  std::string italic;
};

struct DocumentInfo {
  std::string title;
  std::string author;  // the organisation
  std::string subject;
  std::string keywords;
  std::string creator;        // "boardbrief 0.1.0"
  date::sys_seconds created;  // from --as-of, never the clock; written as UTC
};

// A bookmark to the top of page `page_index` (0-based).
struct Bookmark {
  std::string title;
  int page_index = 0;
};

class PdfWriter : public layout::TextMeasurer {
 public:
  // Loads and embeds the three fonts. Throws DataError naming the file when a font is missing,
  // unreadable or not a TrueType (glyf) font.
  explicit PdfWriter(const FontFiles& fonts);
  ~PdfWriter() override;
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Characters the font lacks, code points above U+FFFF (libharu is UCS-2 only) and malformed
  // UTF-8 are measured, and later drawn, as '?', so measurement and drawing always agree.
  // Measuring puts the glyphs into the embedded subset. Throws OutputError on a libharu failure.
  double width(layout::FontFace face, double size_pt, std::string_view text) const override;
  double ascent(layout::FontFace face, double size_pt) const override;

  // Draws the pages and returns the complete PDF. Same inputs (including the width() calls
  // made before) give the same bytes. Each page gets the drawing's width and height (A4 by
  // default); metadata strings are UTF-8. May be called once per writer (std::logic_error
  // otherwise); a bookmark to a page that does not exist is std::out_of_range.
  // Throws OutputError on a libharu failure.
  std::vector<unsigned char> render(const std::vector<layout::PageDrawing>& pages, const DocumentInfo& info,
                                    const std::vector<Bookmark>& bookmarks = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace boardbrief::pdf
