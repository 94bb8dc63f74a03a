// hex() lives in layout/canvas.cpp but is owned by the pdf backend's author; its test sits here.
#include <doctest/doctest.h>

#include "layout/canvas.h"

namespace boardbrief::layout {

TEST_SUITE("pdf") {
  TEST_CASE("hex colours parse in either case") {
    CHECK(hex("#1F4E79") == Color{0x1F, 0x4E, 0x79});
    CHECK(hex("#1f4e79") == Color{0x1F, 0x4E, 0x79});
    CHECK(hex("#000000") == Color{0, 0, 0});
    CHECK(hex("#FFFFFF") == Color{255, 255, 255});
  }
}

}  // namespace boardbrief::layout
