// A hand-built two-page document that exercises every primitive, shared by the pdf tests.
// Header-only because the test build compiles only *_test.cpp files from tests/.
#pragma once

#include <date/date.h>

#include <string>
#include <vector>

#include "base/atomic_file.h"
#include "layout/canvas.h"
#include "pdf/pdf_writer.h"
#include "support/test_db.h"

namespace boardbrief::pdf::sample {

inline constexpr const char* kDanish = "Nørre Ålbæk Energi A/S – æøå ÆØÅ “citat” −4 € · ≤";

inline FontFiles lato() {
  const auto fonts = testing::source_dir() / "fonts";
  return {(fonts / "Lato-Regular.ttf").string(), (fonts / "Lato-Bold.ttf").string(),
          (fonts / "Lato-Italic.ttf").string()};
}

inline DocumentInfo info() {
  using namespace date;
  DocumentInfo i;
  i.title = "Ledelsesrapport – 3. kvartal æøå";
  i.author = "Nørre Ålbæk Energi A/S";
  i.subject = "Nøgletal “KPI” og €-omsætning";
  i.keywords = "ledelse, økonomi";
  i.creator = "boardbrief 0.1.0";
  i.created =
      sys_days{2026_y / October / 1} + std::chrono::hours{8} + std::chrono::minutes{30} + std::chrono::seconds{5};
  return i;
}

inline std::vector<Bookmark> bookmarks() { return {{"Overblik – nøgletal", 0}, {"Økonomi & €", 1}}; }

// Page 2 is drawn at known places so a rendering can be probed pixel by pixel:
// a red square clipped to its top-left quarter at (100,100), a blue disc at (300,150), a
// dashed green line at y = 300 from x = 100 to 500.
inline std::vector<layout::PageDrawing> pages() {
  using namespace layout;
  std::vector<PageDrawing> pages(2);
  Canvas& p1 = pages[0].canvas;
  p1.draw(TextRun{{56, 80}, "KPI NØGLETAL", FontFace::Bold, 8, hex("#1F4E79"), 1.2});
  p1.draw(TextRun{{56, 110}, "Fed overskrift ÆØÅ", FontFace::Bold, 18, hex("#1F4E79")});
  p1.draw(TextRun{{56, 140}, kDanish, FontFace::Regular, 11, hex("#222222")});
  p1.draw(TextRun{{56, 160}, "Kursiv note – æøå", FontFace::Italic, 9, hex("#555555")});
  p1.draw(TextRun{{56, 180}, "Flot kvartal 😀 tak", FontFace::Regular, 11, hex("#222222")});
  Path chart;
  chart.points = {{56, 400}, {150, 350.123}, {250, 380}, {350, 300}};
  chart.stroke_color = hex("#2E75B6");
  chart.line_width_pt = 1.5;
  chart.round_joins = true;
  p1.draw(chart);
  Path area;
  area.points = {{56, 500}, {150, 450}, {250, 480}, {250, 520}, {56, 520}};
  area.closed = true;
  area.fill = true;
  area.fill_color = hex("#DDEBF7");
  area.stroke = false;
  p1.draw(area);

  Canvas& p2 = pages[1].canvas;
  p2.draw(ClipBegin{100, 100, 50, 50});
  p2.draw(Rect{100, 100, 100, 100, true, hex("#FF0000"), false, {}, 0.5});
  p2.draw(ClipEnd{});
  p2.draw(Circle{{300, 150}, 20, true, hex("#0000FF"), true, hex("#000000"), 0.5});
  Path dashed;
  dashed.points = {{100, 300}, {500, 300}};
  dashed.stroke_color = hex("#00A000");
  dashed.line_width_pt = 4;
  dashed.dash = {6, 3};
  p2.draw(dashed);
  p2.draw(Rect{56, 600, 200, 30, false, {}, true, hex("#7F7F7F"), 0.75});
  p2.draw(TextRun{{56, 700}, "Side 2 – afsluttende", FontFace::Regular, 10, hex("#000000")});
  return pages;
}

inline std::vector<unsigned char> render() {
  PdfWriter writer(lato());
  return writer.render(pages(), info(), bookmarks());
}

// Renders the sample into a fresh scratch directory named `name`; returns the file's path.
inline std::string write_pdf(const std::string& name) {
  const auto bytes = render();
  const std::string path = (testing::scratch_dir(name) / "briefing.pdf").string();
  write_file_atomically(path, {reinterpret_cast<const char*>(bytes.data()), bytes.size()});
  return path;
}

}  // namespace boardbrief::pdf::sample
