// Period-over-period comparisons: worked examples F, G and H of docs/findings-examples.md, then
// the gates of rates and levels.
#include "analysis/compare.h"

#include <doctest/doctest.h>

#include "analysis/printed.h"

#include <cmath>

using namespace boardbrief::analysis;
using boardbrief::analysis::testing::printed;
using doctest::Approx;

namespace {
// Example G: unanswered share (%) Sep 2024 .. Sep 2025; October 2025 is 57/150 = 38 %.
const Series kShareHistory{40, 35, 31, 29, 33, 27, 25, 30, 28, 24, 26, 22, 26};
// Example H: Instagram impressions (thousands) Oct 2024 .. Oct 2025.
const Series kImpressions{390, 425, 398, 440, 452, 447, 431, 460, 455, 470, 466, 480, 394};
}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("unanswered share 26 % to 38 % passes the two-proportion test") {
    const RateChange c = compare_rates({52, 200}, {57, 150});
    CHECK(c.previous_pct == Approx(26.0));
    CHECK(c.current_pct == Approx(38.0));
    CHECK(c.diff_pp == Approx(12.0));
    CHECK(c.displayed_diff_pp == 12.0);
    CHECK(c.z.value() == printed(2.399132, 6));
    CHECK(c.p.value() == printed(0.016434, 6));
    CHECK(c.ratio.value() == printed(1.4615, 4));
    CHECK(c.gate == ChangeGate::Report);
    CHECK(c.magnitude == printed(2.399132, 6));  // no history: |z|
  }

  TEST_CASE("two-proportion test: Wilson 95 % intervals") {
    const Interval oct = wilson_interval({57, 150});
    CHECK(oct.lower == printed(0.30624, 5));
    CHECK(oct.upper == printed(0.45976, 5));
    const Interval sep = wilson_interval({52, 200});
    CHECK(sep.lower == printed(0.20414, 5));
    CHECK(sep.upper == printed(0.32491, 5));
  }

  TEST_CASE("counter-test: 1/3 against 2/4 is too few to compare") {
    const RateChange c = compare_rates({1, 3}, {2, 4});
    CHECK(c.gate == ChangeGate::InsufficientData);
    CHECK(c.z.has_value());  // a z exists, but the sample-size gate comes first
  }

  TEST_CASE("a significant but immaterial rate change is suppressed") {
    // 2 pp on 5000 messages each: p < 0.05 but |Δ| < 3 pp.
    const RateChange c = compare_rates({1000, 5000}, {1100, 5000});
    CHECK(c.p.value() < 0.05);
    CHECK(c.gate == ChangeGate::Suppress);
  }

  TEST_CASE("robust z of the pp change against twelve historical changes") {
    const RateChange c = compare_rates({52, 200}, {57, 150}, kShareHistory);
    CHECK(c.robust_z.value() == printed(3.777148, 6));
    CHECK(c.magnitude == printed(3.777148, 6));
  }

  TEST_CASE("displayed pp difference is the difference of the displayed percentages") {
    // 25.6 % -> 26 %, 37.5 % -> 38 %: 12 points although the exact change is 11.9.
    const RateChange c = compare_rates({256, 1000}, {375, 1000});
    CHECK(c.diff_pp == Approx(11.9));
    CHECK(c.displayed_diff_pp == 12.0);
    CHECK(displayed_pct(1.45) == 1.5);
    CHECK(displayed_pct(-1.45) == -1.5);
    CHECK(displayed_pct(9.96) == 10.0);
    CHECK(displayed_pct(12.5) == 13.0);
  }

  TEST_CASE("a 17.9 % fall in impressions is unusual") {
    const auto c = compare_level(kImpressions, LevelKind::Exposure);
    REQUIRE(c);
    CHECK(c->relative_pct.value() == printed(-17.9167, 4));
    CHECK(c->history_changes == 11);
    CHECK(c->robust_z.value() == printed(-3.978778, 6));
    CHECK(c->unusual);
    CHECK(c->gate == ChangeGate::Report);
    CHECK(c->relative_shown);  // 480 >= 100
    CHECK_FALSE(c->multiplier.has_value());
  }

  TEST_CASE("with fewer than six historical changes only a 25 % change is reported") {
    const auto small = compare_level(Series{100, 104, 101, 120}, LevelKind::Exposure);
    CHECK(small->relative_pct.value() == printed(18.811881, 6));
    CHECK_FALSE(small->robust_z.has_value());
    CHECK(small->gate == ChangeGate::Suppress);
    const auto large = compare_level(Series{100, 104, 101, 130}, LevelKind::Exposure);
    CHECK(large->gate == ChangeGate::Report);
    CHECK_FALSE(large->unusual);
  }

  TEST_CASE("the robust-z gate: ordinary, appendix, immaterial and unusual changes") {
    Series alternating{100, 110, 100, 110, 100, 110, 100, 110};
    alternating.push_back(121);  // +10 %, exactly what this history does
    CHECK(compare_level(alternating, LevelKind::Exposure)->robust_z.value() == Approx(0.0));
    CHECK(compare_level(alternating, LevelKind::Exposure)->gate == ChangeGate::Suppress);
    const auto with_last = [](double last) {
      return compare_level(Series{100, 101, 100, 102, 100, 101, 100, 101, last}, LevelKind::Exposure).value();
    };
    CHECK(with_last(106).robust_z.value() == printed(2.626700, 5));
    CHECK(with_last(106).gate == ChangeGate::Appendix);
    CHECK(with_last(108).robust_z.value() == printed(3.906368, 5));
    CHECK(with_last(108).gate == ChangeGate::Appendix);  // |z| >= 3 but only +6.9 %
    CHECK_FALSE(with_last(108).unusual);
    CHECK(with_last(115).gate == ChangeGate::Report);
    CHECK(with_last(115).unusual);
    CHECK(with_last(103).gate == ChangeGate::Suppress);
  }

  TEST_CASE("below the baseline floor the change is phrased in absolute numbers") {
    const auto c = compare_level(Series{4, 11}, LevelKind::EventCount);
    CHECK(c->absolute == 7);
    CHECK_FALSE(c->relative_shown);
    const auto posts = compare_level(Series{10, 12}, LevelKind::PostCount);
    CHECK(posts->relative_shown);
    CHECK(baseline_floor(LevelKind::Exposure) == 100);
  }

  TEST_CASE("a fourfold rise is a multiplier and a start from zero has no percentage") {
    const auto c = compare_level(Series{50, 210}, LevelKind::EventCount);
    CHECK(c->multiplier.value() == Approx(4.2));
    const auto zero = compare_level(Series{0, 12}, LevelKind::EventCount);
    CHECK_FALSE(zero->relative_pct.has_value());
    CHECK(zero->gate == ChangeGate::InsufficientData);
    CHECK_FALSE(compare_level(Series{5, std::nullopt}, LevelKind::EventCount).has_value());
  }
}
