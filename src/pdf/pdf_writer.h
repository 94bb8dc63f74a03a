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
  std::string author;   // the organisation
  std::string subject;
  std::string keywords;
  std::string creator;  // "boardbrief 0.1.0"
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

  double width(layout::FontFace face, double size_pt, std::string_view text) const override;
  double ascent(layout::FontFace face, double size_pt) const override;

  // Draws the pages and returns the complete PDF. Same inputs give the same bytes.
  // May be called once per writer. Throws OutputError on a libharu failure.
  std::vector<unsigned char> render(const std::vector<layout::PageDrawing>& pages,
                                    const DocumentInfo& info,
                                    const std::vector<Bookmark>& bookmarks = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace boardbrief::pdf
