// Trend findings over fixed trailing windows (docs/findings-method.md): Mann-Kendall with Bonferroni over
// the windows tested, direction agreement, materiality and the wording tier. Returns numbers
// and enums only; the phrasing stage turns them into sentences.
#pragma once

#include <optional>
#include <vector>

#include "analysis/sen_slope.h"
#include "analysis/stats.h"

namespace boardbrief::analysis {

enum class TrendDirection { Up, Down };
enum class TrendAdverb { Steadily, Overall };                            // |tau| >= steady_tau -> Steadily
enum class TrendSignificance { Significant, StatisticallySignificant };  // p <= strong_p -> Statistically

// Thresholds of the trend test (docs/findings-method.md §1).
struct TrendRules {
  double alpha = 0.05;       // family-wise level, split over the windows tested
  double strong_p = 0.01;    // "statistically significant" at or below
  double steady_tau = 0.6;   // "steadily" at or above |tau|
  double min_rel_pct = 0.5;  // level metrics: |relative slope| in % per period
  double min_pp = 0.5;       // rates: |slope| in percentage points per period
  int min_points_floor = 6;  // no trend claim from fewer observed points, whatever min_points says
  int yue_wang_min_n = 10;   // autocorrelation correction from this many points
};

// A significant, material trend in one window ending at the last period of the series.
struct TrendFinding {
  int window = 0;  // periods in the window (6, 12, 24, ...)
  int n = 0;       // observed points in the window
  int windows_tested = 0;
  double alpha = 0;  // Bonferroni-adjusted level the p-value was compared with
  long s = 0;
  double z = 0;                            // after the Yue-Wang correction when applied (the ranking magnitude)
  double p = 0;                            // exact, Yue-Wang-corrected or plain normal, as used for the decision
  bool exact = false;                      // p from the exact null distribution
  bool autocorrelation_corrected = false;  // Yue-Wang applied
  double tau = 0;
  SenSlope slope;                      // absolute, per period (pp per period for rates)
  std::optional<double> relative_pct;  // % per period; level metrics with all values > 0
  TrendDirection direction = TrendDirection::Up;
  TrendAdverb adverb = TrendAdverb::Overall;
  TrendSignificance significance = TrendSignificance::Significant;
};

// Tests each window W in `windows` that fits in the series (series.size() >= W) and holds at
// least max(min_points, rules.min_points_floor) observed points; the windows are the last W
// entries of `series`, which must end at the latest complete period. A window passes when
// p <= alpha/(windows tested) (with 1e−12 slack), sign(S) = sign(Sen slope) != 0, and the
// slope is material: for rates (values in percent) |b| >= min_pp; for level metrics
// |relative slope| >= min_rel_pct, or, when a value is <= 0, |b| >= min_rel_pct % of the
// median |x|. p is exact for n <= 10 without ties, else normal with the clamped Yue-Wang
// correction for n >= yue_wang_min_n. Returns the longest passing window, or nullopt.
std::optional<TrendFinding> test_trend_windows(const Series& series, const std::vector<int>& windows = {6, 12, 24},
                                               int min_points = 6, bool is_rate = false, const TrendRules& rules = {});

// The trend test's p-value for the report's family of tests (docs/findings-method.md): the
// smallest window p times the number of windows tested (Bonferroni inside one subject, capped
// at 1), over the same windows and with the same exact/Yue-Wang rules as test_trend_windows.
// A window passes test_trend_windows at alpha exactly when this p is <= alpha. nullopt when
// no window holds enough observed points.
std::optional<double> trend_family_p(const Series& series, const std::vector<int>& windows = {6, 12, 24},
                                     int min_points = 6, const TrendRules& rules = {});

}  // namespace boardbrief::analysis
