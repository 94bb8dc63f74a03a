// The trend test over the 6/12/24-period windows: worked examples B and C of
// docs/findings-examples.md, then rules and false-trend rates on noise.
#include "analysis/trend.h"

#include <doctest/doctest.h>

#include "analysis/printed.h"

#include <cmath>
#include <cstdint>

using namespace boardbrief::analysis;
using boardbrief::analysis::testing::printed;
using doctest::Approx;

namespace {

// splitmix64 + Box-Muller: a fixed generator, so the noise test is identical on every
// platform (std::normal_distribution is implementation-defined).
class NoiseSource {
 public:
  explicit NoiseSource(std::uint64_t seed) : state_(seed) {}
  double uniform() {  // (0, 1)
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return (static_cast<double>(z >> 11) + 0.5) / 9007199254740992.0;
  }
  double normal() {
    const double u1 = uniform(), u2 = uniform();
    return std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  std::uint64_t state_;
};

}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("a steady, statistically significant 12-month decline") {
    const Series b{120.0, 118.5, 119.2, 115.0, 113.8, 114.1, 110.2, 108.9, 110.2, 105.3, 104.0, 101.7};
    const auto t = test_trend_windows(b);
    REQUIRE(t);
    CHECK(t->window == 12);
    CHECK(t->windows_tested == 2);  // 6 and 12; 24 does not fit
    CHECK(t->alpha == Approx(0.025));
    CHECK(t->direction == TrendDirection::Down);
    CHECK(t->adverb == TrendAdverb::Steadily);
    CHECK(t->significance == TrendSignificance::StatisticallySignificant);
    CHECK(t->autocorrelation_corrected);
    CHECK(t->z == printed(-3.986592, 6));
    CHECK(t->p == printed(6.7029e-05, 8));
    CHECK(t->slope.slope == printed(-1.633333, 6));
    CHECK(t->relative_pct.value() == printed(-1.4517, 4));
  }

  TEST_CASE("only the 6-month window exists and its exact p passes at 5 percent") {
    const auto t = test_trend_windows(Series{10, 12, 11, 14, 15, 17});
    REQUIRE(t);
    CHECK(t->window == 6);
    CHECK(t->exact);
    CHECK(t->p == Approx(12.0 / 720));
    CHECK(t->alpha == 0.05);
    CHECK(t->significance == TrendSignificance::Significant);
    CHECK(t->adverb == TrendAdverb::Steadily);
    CHECK(t->slope.slope == printed(1.333333, 6));
  }

  TEST_CASE("an exact p of 12/720 passes 0.05/3 when three windows are tested") {
    // The 12- and 24-month windows are noise (p 0.19 and 0.49): tested, not significant.
    const Series s{20, 3, 19, 4, 18, 5, 21, 2, 17, 6, 16, 7, 22, 1, 23, 8, 9, 13, 10, 12, 11, 14, 15, 17};
    const auto t = test_trend_windows(s);
    REQUIRE(t);
    CHECK(t->windows_tested == 3);
    CHECK(t->window == 6);
    CHECK(t->alpha == Approx(0.05 / 3));
    CHECK(t->p == Approx(12.0 / 720));
  }

  TEST_CASE("five or fewer points are never a trend") {
    CHECK_FALSE(test_trend_windows(Series{1, 2, 3, 4, 5}, {5}, 1).has_value());
    CHECK_FALSE(test_trend_windows(Series{1, 2, std::nullopt, 4, 5, 6}, {6}, 1).has_value());
    CHECK_FALSE(test_trend_windows(Series{1, 2, 3, 4}).has_value());
    // The same shape with a sixth point is significant, so the rule, not the data, decides.
    CHECK(test_trend_windows(Series{1, 2, 3, 4, 5, 6}, {6}, 1).has_value());
  }

  TEST_CASE("a trend below the materiality threshold is not reported") {
    // +0.1 %/month on a level metric: monotone, so p is tiny, but immaterial.
    Series level;
    for (int i = 0; i < 12; ++i) level.push_back(1000.0 * std::pow(1.001, i));
    CHECK_FALSE(test_trend_windows(level).has_value());
    // The same +0.4 pp/month on a rate is immaterial; +0.6 pp/month is reported.
    Series slow, fast;
    for (int i = 0; i < 12; ++i) {
      slow.push_back(30 + 0.4 * i);
      fast.push_back(30 + 0.6 * i);
    }
    CHECK_FALSE(test_trend_windows(slow, {6, 12, 24}, 6, true).has_value());
    const auto t = test_trend_windows(fast, {6, 12, 24}, 6, true);
    REQUIRE(t);
    CHECK(t->slope.slope == Approx(0.6));
    CHECK_FALSE(t->relative_pct.has_value());
  }

  TEST_CASE("a zero Sen slope is not reported even when S is significant") {
    // Many ties: S > 0 but the median pairwise slope is 0.
    const Series s{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
    TrendRules no_materiality;
    no_materiality.min_pp = 0;  // isolate the direction rule
    CHECK_FALSE(test_trend_windows(s, {24}, 6, true, no_materiality).has_value());
  }

  TEST_CASE("random noise gives false trends at or below the nominal 5 percent") {
    NoiseSource noise(20251014);
    int false_trends = 0;
    constexpr int kSeries = 1000;
    for (int k = 0; k < kSeries; ++k) {
      Series s;
      for (int i = 0; i < 24; ++i) s.push_back(100 + 10 * noise.normal());
      if (test_trend_windows(s)) ++false_trends;
    }
    MESSAGE("false trends: " << false_trends << " of " << kSeries);
    CHECK(false_trends <= kSeries * 5 / 100);
    CHECK(false_trends > 0);  // the test is not trivially blind
  }

  TEST_CASE("random noise in the report's 13-period window: false trends at or below 5 percent") {
    // The shape the engine sees for a monthly report: 13 periods, windows of 6 and 12 tested.
    NoiseSource noise(20261014);
    int false_trends = 0;
    constexpr int kSeries = 1000;
    for (int k = 0; k < kSeries; ++k) {
      Series s;
      for (int i = 0; i < 13; ++i) s.push_back(1000 + 100 * noise.normal());
      if (test_trend_windows(s)) ++false_trends;
    }
    MESSAGE("false trends (13 periods): " << false_trends << " of " << kSeries);
    CHECK(false_trends <= kSeries * 5 / 100);
    CHECK(false_trends > 0);
  }

  TEST_CASE("autocorrelated noise (AR(1), rho = 0.3): Yue-Wang lowers the false-trend rate") {
    // Positive serial correlation inflates plain MK above the nominal level. The clamped
    // Yue-Wang correction (windows with n >= 10) must not make it worse and should help; the
    // rates are printed for the report (the 6-period window has no correction,
    // docs/findings-method.md §1).
    auto rate = [](const TrendRules& rules) {
      NoiseSource noise(7);
      int false_trends = 0;
      for (int k = 0; k < 1000; ++k) {
        Series s;
        double e = noise.normal();
        for (int i = 0; i < 24; ++i) {
          e = 0.3 * e + std::sqrt(1 - 0.09) * noise.normal();
          s.push_back(100 + 10 * e);
        }
        if (test_trend_windows(s, {6, 12, 24}, 6, false, rules)) ++false_trends;
      }
      return false_trends;
    };
    TrendRules plain;
    plain.yue_wang_min_n = 1000;  // never corrected
    const int corrected = rate({}), uncorrected = rate(plain);
    MESSAGE("false trends, AR(1) rho 0.3, 24 periods: " << corrected << " of 1000 with Yue-Wang, " << uncorrected
                                                        << " without");
    CHECK(corrected < uncorrected);
  }
}
