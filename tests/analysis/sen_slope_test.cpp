// Sen slope, its interval and the relative slope on worked examples A and B of
// docs/findings-examples.md.
#include "analysis/sen_slope.h"

#include <doctest/doctest.h>

#include "analysis/printed.h"

#include <cmath>

using namespace boardbrief::analysis;
using boardbrief::analysis::testing::printed;
using doctest::Approx;

TEST_SUITE("analysis") {
  TEST_CASE("Sen slope and its interval from ranks 28 and 64 of 91") {
    const auto s =
        sen_slope(Series{12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7});
    REQUIRE(s);
    CHECK(s->pairs == 91);
    CHECK(s->slope == printed(0.566667, 6));
    CHECK(s->lower_rank == 28);
    CHECK(s->upper_rank == 64);
    CHECK(s->lower == printed(0.325, 6));
    CHECK(s->upper == printed(0.866667, 6));
  }

  TEST_CASE("slope, interval and relative slope of a positive level metric") {
    const Series b{120.0, 118.5, 119.2, 115.0, 113.8, 114.1, 110.2, 108.9, 110.2, 105.3, 104.0, 101.7};
    const auto s = sen_slope(b);
    REQUIRE(s);
    CHECK(s->slope == printed(-1.633333, 6));
    CHECK(s->lower_rank == 19);
    CHECK(s->upper_rank == 48);
    CHECK(s->lower == printed(-1.8, 6));
    CHECK(s->upper == printed(-1.525, 6));
    CHECK(relative_slope_pct(b).value() == printed(-1.4517, 4));
    CHECK(100 * std::log1p(relative_slope_pct(b).value() / 100) == printed(100 * -0.0146233, 4));
  }

  TEST_CASE("a gap does not shrink the slope") {
    // 0, 2, _, 6: slope 2 per period on the true time index (1.5 if the gap were closed).
    const auto s = sen_slope(Series{0.0, 2.0, std::nullopt, 6.0});
    CHECK(s->slope == Approx(2.0));
  }

  TEST_CASE("relative slope is unavailable when a value is not positive") {
    CHECK_FALSE(relative_slope_pct(Series{0.0, 1.0, 2.0}).has_value());
    CHECK_FALSE(relative_slope_pct(Series{5.0}).has_value());
    CHECK_FALSE(sen_slope(Series{5.0, std::nullopt}).has_value());
  }
}
