#include "analysis/mann_kendall.h"

#include <doctest/doctest.h>

using namespace boardbrief::analysis;
using doctest::Approx;

namespace {
const Series kExampleA{12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9,
                       11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};
const Series kExampleB{120.0, 118.5, 119.2, 115.0, 113.8, 114.1,
                       110.2, 108.9, 110.2, 105.3, 104.0, 101.7};
}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("example A reproduces the published hand calculation with one tie pair") {
    const MannKendall mk = mann_kendall(kExampleA);
    CHECK(mk.n == 14);
    CHECK(mk.s == 54);
    CHECK(mk.has_ties);
    CHECK(mk.var_s == Approx(332.666667).epsilon(5e-7));
    CHECK(mk.z == Approx(2.905837).epsilon(5e-7));
    CHECK(mk.p == Approx(0.0036627).epsilon(5e-8));
    CHECK(mk.p / 2 == Approx(0.0018314).epsilon(5e-8));
    CHECK(mk.tau == Approx(0.593407).epsilon(5e-7));
    CHECK_FALSE(mk.exact_p.has_value());
  }

  TEST_CASE("example B declines with a tie and Yue-Wang leaves the variance unchanged") {
    const MannKendall mk = mann_kendall(kExampleB);
    CHECK(mk.s == -59);
    CHECK(mk.var_s == Approx(211.666667).epsilon(5e-7));
    CHECK(mk.z == Approx(-3.986592).epsilon(5e-7));
    CHECK(mk.p == Approx(6.7029e-05).epsilon(5e-9));
    CHECK(mk.tau == Approx(-0.893939).epsilon(5e-7));
    const auto yw = yue_wang_lag1(kExampleB);
    REQUIRE(yw);
    CHECK(yw->rho1 == Approx(-0.32959).epsilon(5e-6));
    CHECK(yw->factor == 1.0);  // clamped: 1 + 2(11/12)(−0.33) < 1
    CHECK(yw->var_s == Approx(211.666667).epsilon(5e-7));
    CHECK(yw->p == Approx(6.7029e-05).epsilon(5e-9));
    const auto raw = yue_wang_lag1(kExampleB, false);
    CHECK(raw->factor == Approx(1 + 2 * (11.0 / 12) * -0.32958968).epsilon(1e-7));
  }

  TEST_CASE("example C: the exact p of a short series is 12/720, below the normal p") {
    const MannKendall mk = mann_kendall(Series{10, 12, 11, 14, 15, 17});
    CHECK(mk.s == 13);
    CHECK(mk.var_s == Approx(28.333333).epsilon(5e-7));
    CHECK(mk.z == Approx(2.254407).epsilon(5e-7));
    CHECK(mk.p == Approx(0.0241705).epsilon(5e-8));
    REQUIRE(mk.exact_p);
    CHECK(*mk.exact_p == Approx(12.0 / 720).epsilon(1e-15));
  }

  TEST_CASE("the smallest exact p of a monotone series rules out n <= 4") {
    CHECK(exact_mann_kendall_p(4, 6) == Approx(0.0833).epsilon(5e-5));
    CHECK(exact_mann_kendall_p(5, 10) == Approx(0.0167).epsilon(5e-5));
    CHECK(exact_mann_kendall_p(6, 15) == Approx(0.00278).epsilon(5e-6));
    CHECK(exact_mann_kendall_p(7, 21) == Approx(0.000397).epsilon(5e-7));
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

  TEST_CASE("example D: seasonal Kendall finds the weekly trend that plain MK misses") {
    const Series d{100, 95, 90, 92, 88, 60, 55, 104, 97, 95, 96, 90, 62, 58,
                   107, 101, 96, 99, 95, 66, 57};
    const SeasonalKendall sk = seasonal_kendall(d, 7);
    CHECK(sk.s == 19);
    CHECK(sk.var_s == Approx(25.666667).epsilon(5e-7));
    CHECK(sk.z == Approx(3.552939).epsilon(5e-7));
    CHECK(sk.p == Approx(0.00038095).epsilon(5e-9));
    CHECK(sk.slope.value() == Approx(3.0));
    const MannKendall plain = mann_kendall(d);
    CHECK(plain.s == -15);
    CHECK(plain.var_s == Approx(1091));
    CHECK(plain.z == Approx(-0.423853).epsilon(5e-7));
    CHECK(plain.p == Approx(0.671673).epsilon(5e-7));
  }
}
