#include "layout/ticks.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using boardbrief::layout::column_ticks;
using boardbrief::layout::line_ticks;
using boardbrief::layout::nice_step_at_least;

namespace {

void check_values(const std::vector<double>& got, const std::vector<double>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) CHECK(got[i] == doctest::Approx(want[i]));
}

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("nice steps are 1, 2, 2.5 and 5 times a power of ten") {
    CHECK(nice_step_at_least(0.9) == doctest::Approx(1));
    CHECK(nice_step_at_least(1.1) == doctest::Approx(2));
    CHECK(nice_step_at_least(2.1) == doctest::Approx(2.5));
    CHECK(nice_step_at_least(3) == doctest::Approx(5));
    CHECK(nice_step_at_least(700) == doctest::Approx(1000));
    CHECK(nice_step_at_least(0.04) == doctest::Approx(0.05));
  }

  TEST_CASE("column ticks for 4812 run from 0 to 5000 in thousands") {
    check_values(column_ticks(0, 4812).values, {0, 1000, 2000, 3000, 4000, 5000});
  }

  TEST_CASE("column ticks for a share of 0.38 run from 0 to 0.4 in tenths") {
    check_values(column_ticks(0, 0.38).values, {0, 0.1, 0.2, 0.3, 0.4});
    check_values(column_ticks(0, 0.38, 3).values, {0, 0.2, 0.4});
  }

  TEST_CASE("column ticks always start at zero even for data far above it") {
    const auto t = column_ticks(900, 1000);
    CHECK(t.lo() == 0);
    CHECK(t.hi() >= 1000);
  }

  TEST_CASE("all-zero data gives a small positive axis, not a degenerate one") {
    const auto t = column_ticks(0, 0);
    CHECK(t.lo() == 0);
    CHECK(t.hi() == doctest::Approx(1));
    CHECK(t.values.size() >= 3);
  }

  TEST_CASE("negative data gets ticks below zero and keeps zero as a tick") {
    const auto t = column_ticks(-23, 12);
    CHECK(t.lo() <= -23);
    CHECK(t.hi() >= 12);
    CHECK(t.includes_zero());
    bool has_zero = false;
    for (double v : t.values) has_zero = has_zero || v == 0;
    CHECK(has_zero);
    CHECK(t.values.size() <= 6);
    const auto neg = column_ticks(-0.4, -0.1);
    CHECK(neg.hi() == 0);
    CHECK(neg.lo() <= -0.4);
  }

  TEST_CASE("flat data is never zoomed") {
    const auto t = line_ticks(5, 5);
    CHECK(t.lo() == 0);
    CHECK(t.hi() >= 5);
  }

  TEST_CASE("every tick count lies between 3 and 6") {
    for (double hi : {0.01, 0.38, 1.0, 7.0, 13.0, 99.0, 101.0, 4812.0, 26.7, 512.0, 1e7}) {
      const auto t = column_ticks(0, hi);
      CHECK(t.values.size() >= 3);
      CHECK(t.values.size() <= 6);
      CHECK(t.hi() >= hi);
    }
  }

  TEST_CASE("line ticks zoom only with every value above the lowest gridline") {
    const auto t = line_ticks(82, 97);
    CHECK(t.lo() > 0);
    CHECK(t.lo() < 82);
    CHECK(t.hi() >= 97);
    // A value exactly on a would-be gridline moves the axis one step lower.
    const auto on = line_ticks(80, 97);
    CHECK(on.lo() < 80);
    // Data close to zero keeps the zero line.
    CHECK(line_ticks(2, 30).lo() == 0);
    CHECK(line_ticks(82, 97, 6, false).lo() == 0);
  }

  TEST_CASE("line ticks for 26.7 hours run 0, 10, 20, 30") {
    check_values(line_ticks(1.6, 26.7).values, {0, 10, 20, 30});
  }

}  // TEST_SUITE

TEST_SUITE("layout") {
  TEST_CASE("an all-zero count series ticks exactly 0 and 1, whole numbers") {
    const auto t = column_ticks(0, 0, 6, 1);
    REQUIRE(t.values.size() == 2);
    CHECK(t.values[0] == 0);
    CHECK(t.values[1] == 1);
    // A count series with a maximum of 1 or 2 still ticks in whole numbers.
    for (double hi : {1.0, 2.0, 3.0}) {
      for (double v : column_ticks(0, hi, 6, 1).values) CHECK(v == std::round(v));
    }
  }

}  // TEST_SUITE
