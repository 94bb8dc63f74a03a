// mark_target (docs/decisions.md): the reference line and the periods on the wrong side of it.
#include <doctest/doctest.h>

#include "document/decisions.h"

namespace bd = boardbrief::document;

TEST_SUITE("document") {
  TEST_CASE("mark_target: at most marks the periods above, at least those below; missing periods never") {
    bd::LineChartSpec spec;
    bd::LineSeries s;
    s.values = {1.0, 2.5, std::nullopt, 2.0, 3.0};
    bd::mark_target(spec, s, 2.0, true, "target ≤ 2 h");
    CHECK(spec.reference == 2.0);
    CHECK(spec.reference_label == "target ≤ 2 h");
    CHECK(s.missed == std::vector<std::size_t>{1, 4});
    bd::LineSeries t;
    t.values = {0.3, 0.5, std::nullopt, 0.39};
    bd::mark_target(spec, t, 0.4, false, "target ≥ 40%");
    CHECK(t.missed == std::vector<std::size_t>{0, 3});
  }
}
