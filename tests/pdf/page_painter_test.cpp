// What the drawn page looks like: poppler rasterises page 2 of the sample at 72 dpi (1 px =
// 1 pt, no anti-aliasing, PPM output) and we probe pixels at the layout's top-left coordinates.
#include "pdf/page_painter.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "sample_document.h"
#include "support/test_db.h"

namespace boardbrief::pdf {

namespace {

struct Raster {
  int width = 0, height = 0;
  std::string rgb;
  layout::Color at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
    return {static_cast<std::uint8_t>(rgb[i]), static_cast<std::uint8_t>(rgb[i + 1]),
            static_cast<std::uint8_t>(rgb[i + 2])};
  }
};

Raster rasterise_page(const std::string& pdf, int page, const std::string& root) {
  const auto r = testing::run("pdftoppm -r 72 -aa no -aaVector no -f " + std::to_string(page) + " -l " +
                              std::to_string(page) + " -singlefile '" + pdf + "' '" + root + "'");
  REQUIRE(r.exit_code == 0);
  std::ifstream in(root + ".ppm", std::ios::binary);
  std::string magic;
  int max = 0;
  Raster raster;
  in >> magic >> raster.width >> raster.height >> max;
  in.get();  // the single whitespace after the header
  REQUIRE(magic == "P6");
  REQUIRE(max == 255);
  std::stringstream data;
  data << in.rdbuf();
  raster.rgb = data.str();
  REQUIRE(raster.rgb.size() == static_cast<std::size_t>(raster.width) * raster.height * 3);
  return raster;
}

const layout::Color kWhite{255, 255, 255};

}  // namespace

TEST_SUITE("pdf") {
  TEST_CASE("primitives land where layout put them, with y flipped and clips applied") {
    const std::string pdf = sample::write_pdf("pdf-raster");
    const Raster page = rasterise_page(pdf, 2, pdf + "-page2");
    CHECK(page.width == 596);  // poppler rounds 595.276 up
    CHECK(page.height == 842);

    // Red square (100,100)-(200,200) clipped to (100,100)-(150,150).
    CHECK(page.at(110, 110) == layout::Color{255, 0, 0});
    CHECK(page.at(140, 140) == layout::Color{255, 0, 0});
    CHECK(page.at(175, 175) == kWhite);
    CHECK(page.at(125, 175) == kWhite);
    CHECK(page.at(175, 125) == kWhite);

    // Blue disc of radius 20 around (300,150); outside it, white.
    CHECK(page.at(300, 150) == layout::Color{0, 0, 255});
    CHECK(page.at(310, 160) == layout::Color{0, 0, 255});
    CHECK(page.at(300, 120) == kWhite);
    CHECK(page.at(300, 180) == kWhite);

    // Dashed green line at y = 300: 6 on, 3 off, so about two thirds of it is drawn.
    int green = 0, gaps = 0;
    for (int x = 101; x < 499; ++x) {
      const layout::Color c = page.at(x, 300);
      if (c == layout::Color{0, 160, 0}) ++green;
      if (c == kWhite) ++gaps;
    }
    CHECK(green + gaps == 398);
    CHECK(green > 240);
    CHECK(gaps > 110);
    CHECK(page.at(300, 290) == kWhite);

    // A stroked, unfilled rectangle (56,600) 200 x 30.
    CHECK(page.at(150, 615) == kWhite);
    CHECK(page.at(150, 600) == layout::Color{127, 127, 127});
  }

  TEST_CASE("page size comes from the drawing") {
    std::vector<layout::PageDrawing> pages(1);
    pages[0].width_pt = 300;
    pages[0].height_pt = 200;
    pages[0].canvas.draw(layout::Rect{0, 0, 10, 10, true, {0, 0, 0}, false, {}, 0.5});
    PdfWriter writer(sample::lato());
    const auto bytes = writer.render(pages, sample::info());
    const std::string pdf = (testing::scratch_dir("pdf-size") / "small.pdf").string();
    std::ofstream(pdf, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    const Raster page = rasterise_page(pdf, 1, pdf + "-page1");
    CHECK(page.width == 300);
    CHECK(page.height == 200);
    CHECK(page.at(5, 5) == layout::Color{0, 0, 0});  // top-left corner
    CHECK(page.at(5, 195) == kWhite);
  }
}

}  // namespace boardbrief::pdf
