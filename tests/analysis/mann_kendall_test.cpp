// Mann–Kendall S, variance, Z and p on worked examples A–D of docs/findings-examples.md.
#include "analysis/mann_kendall.h"

#include <doctest/doctest.h>

#include "analysis/printed.h"

using namespace boardbrief::analysis;
using boardbrief::analysis::testing::printed;
using doctest::Approx;

namespace {
const Series kExampleA{12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};
const Series kExampleB{120.0, 118.5, 119.2, 115.0, 113.8, 114.1, 110.2, 108.9, 110.2, 105.3, 104.0, 101.7};
}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("Mann-Kendall reproduces a published hand calculation with one tie pair") {
    const MannKendall mk = mann_kendall(kExampleA);
    CHECK(mk.n == 14);
    CHECK(mk.s == 54);
    CHECK(mk.has_ties);
    CHECK(mk.var_s == printed(332.666667, 6));
    CHECK(mk.z == printed(2.905837, 6));
    CHECK(mk.p == printed(0.0036627, 7));
    CHECK(mk.p / 2 == printed(0.0018314, 7));
    CHECK(mk.tau == printed(0.593407, 6));
    CHECK_FALSE(mk.exact_p.has_value());
  }

  TEST_CASE("Mann-Kendall: a decline with a tie, and Yue-Wang leaves the variance unchanged") {
    const MannKendall mk = mann_kendall(kExampleB);
    CHECK(mk.s == -59);
    CHECK(mk.var_s == printed(211.666667, 6));
    CHECK(mk.z == printed(-3.986592, 6));
    CHECK(mk.p == printed(6.7029e-05, 8));
    CHECK(mk.tau == printed(-0.893939, 6));
    const auto yw = yue_wang_lag1(kExampleB);
    REQUIRE(yw);
    CHECK(yw->rho1 == printed(-0.32959, 5));
    CHECK(yw->factor == 1.0);  // clamped: 1 + 2(11/12)(−0.33) < 1
    CHECK(yw->var_s == printed(211.666667, 6));
    CHECK(yw->p == printed(6.7029e-05, 8));
    const auto raw = yue_wang_lag1(kExampleB, false);
    CHECK(raw->factor == Approx(1 + 2 * (11.0 / 12) * -0.32958968).epsilon(1e-7));
  }

  TEST_CASE("the exact p of a short series is 12/720, below the normal p") {
    const MannKendall mk = mann_kendall(Series{10, 12, 11, 14, 15, 17});
    CHECK(mk.s == 13);
    CHECK(mk.var_s == printed(28.333333, 6));
    CHECK(mk.z == printed(2.254407, 6));
    CHECK(mk.p == printed(0.0241705, 7));
    REQUIRE(mk.exact_p);
    CHECK(*mk.exact_p == Approx(12.0 / 720).epsilon(1e-15));
  }

  TEST_CASE("the smallest exact p of a monotone series rules out n <= 4") {
    CHECK(exact_mann_kendall_p(4, 6) == printed(0.0833, 4));
    CHECK(exact_mann_kendall_p(5, 10) == printed(0.0167, 4));
    CHECK(exact_mann_kendall_p(6, 15) == printed(0.00278, 5));
    CHECK(exact_mann_kendall_p(7, 21) == printed(0.000397, 6));
    CHECK(exact_mann_kendall_p(6, 0) == 1.0);
  }

  TEST_CASE("ties switch off the exact distribution") {
    CHECK_FALSE(mann_kendall(Series{1, 2, 2, 3, 4, 5}).exact_p.has_value());
  }

  TEST_CASE("missing periods are skipped by S") {
    const MannKendall mk = mann_kendall(Series{1, std::nullopt, 2, 3});
    CHECK(mk.n == 3);
    CHECK(mk.s == 3);
  }

  TEST_CASE("too few points give no evidence") {
    const MannKendall mk = mann_kendall(Series{5.0});
    CHECK(mk.s == 0);
    CHECK(mk.p == 1.0);
    CHECK_FALSE(yue_wang_lag1(Series{1, 2}).has_value());
  }

  TEST_CASE("seasonal Kendall finds the weekly trend that plain MK misses") {
    const Series d{100, 95, 90, 92, 88, 60, 55, 104, 97, 95, 96, 90, 62, 58, 107, 101, 96, 99, 95, 66, 57};
    const SeasonalKendall sk = seasonal_kendall(d, 7);
    CHECK(sk.s == 19);
    CHECK(sk.var_s == printed(25.666667, 6));
    CHECK(sk.z == printed(3.552939, 6));
    CHECK(sk.p == printed(0.00038095, 8));
    CHECK(sk.slope.value() == Approx(3.0));
    const MannKendall plain = mann_kendall(d);
    CHECK(plain.s == -15);
    CHECK(plain.var_s == Approx(1091));
    CHECK(plain.z == printed(-0.423853, 6));
    CHECK(plain.p == printed(0.671673, 6));
  }
}
