#include "analysis/stats.h"

#include <doctest/doctest.h>

#include "analysis/printed.h"

#include <cmath>

using namespace boardbrief::analysis;
using boardbrief::analysis::testing::printed;

TEST_SUITE("analysis") {
  TEST_CASE("median averages the two middle values of an even count") {
    CHECK(median({3, 1, 2}) == 2);
    CHECK(median({4, 1, 3, 2}) == doctest::Approx(2.5));
    CHECK(median({7}) == 7);
  }

  TEST_CASE("observed points keep the true time index across gaps") {
    const Series s{1.0, std::nullopt, 3.0};
    const auto pts = observed_points(s);
    REQUIRE(pts.size() == 2);
    CHECK(pts[1].t == 2);
    CHECK(pts[1].x == 3.0);
  }

  TEST_CASE("two-sided p of z = 1.96 is 5 percent") {
    CHECK(two_sided_p(kZ975) == doctest::Approx(0.05).epsilon(1e-9));
    CHECK(two_sided_p(-kZ975) == doctest::Approx(0.05).epsilon(1e-9));
    CHECK(two_sided_p(0) == 1.0);
  }

  TEST_CASE("robust z uses the MAD and falls back to the mean deviation when MAD is 0") {
    // Example G: historical pp changes, current change +12.
    const std::vector<double> hist{-5, -4, -2, 4, -6, -2, 5, -2, -4, 2, -4, 4};
    CHECK(robust_z(hist, 12).value() == printed(3.777148, 6));
    // MAD = 0: median 0, mean |x| = 2/5, scale 1.253314·0.4.
    CHECK(robust_z({0, 0, 0, 1, 1}, 2).value() == doctest::Approx(2 / (1.253314 * 0.4)));
    CHECK_FALSE(robust_z({3, 3, 3}, 4).has_value());
    CHECK_FALSE(robust_z({}, 4).has_value());
  }
}
