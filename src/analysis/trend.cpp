#include "analysis/trend.h"

#include <algorithm>
#include <cmath>

#include "analysis/mann_kendall.h"

namespace boardbrief::analysis {
namespace {

// 12/720 equals 0.05/3 exactly in real arithmetic; floating point must not decide that tie.
constexpr double kAlphaSlack = 1e-12;

bool is_material(const Series& window, const SenSlope& slope, const std::optional<double>& relative_pct, bool is_rate,
                 const TrendRules& rules) {
  if (is_rate) return std::fabs(slope.slope) >= rules.min_pp;
  if (relative_pct) return std::fabs(*relative_pct) >= rules.min_rel_pct;
  // Level metric with a value <= 0: no log slope, so measure against the typical level.
  std::vector<double> abs_values;
  for (double v : observed_values(window)) abs_values.push_back(std::fabs(v));
  const double level = median(std::move(abs_values));
  return level > 0 && 100.0 * std::fabs(slope.slope) / level >= rules.min_rel_pct;
}

std::vector<Series> windows_to_test(const Series& series, const std::vector<int>& windows, int needed) {
  std::vector<Series> tested;
  for (int w : windows) {
    if (w <= 0 || static_cast<std::size_t>(w) > series.size()) continue;
    Series window(series.end() - w, series.end());
    if (static_cast<int>(observed_values(window).size()) >= needed) tested.push_back(window);
  }
  return tested;
}

// The window's p as the decision uses it: exact for small n without ties, else normal with
// the clamped Yue-Wang correction from yue_wang_min_n points.
double window_p(const Series& window, const MannKendall& mk, const TrendRules& rules) {
  if (mk.exact_p) return *mk.exact_p;
  if (mk.n >= rules.yue_wang_min_n)
    if (const auto yw = yue_wang_lag1(window)) return yw->p;
  return mk.p;
}

}  // namespace

std::optional<double> trend_family_p(const Series& series, const std::vector<int>& windows, int min_points,
                                     const TrendRules& rules) {
  const auto tested = windows_to_test(series, windows, std::max(min_points, rules.min_points_floor));
  if (tested.empty()) return std::nullopt;
  double best = 1.0;
  for (const Series& w : tested) best = std::min(best, window_p(w, mann_kendall(w), rules));
  return std::min(1.0, best * static_cast<double>(tested.size()));
}

std::optional<TrendFinding> test_trend_windows(const Series& series, const std::vector<int>& windows, int min_points,
                                               bool is_rate, const TrendRules& rules) {
  const auto tested = windows_to_test(series, windows, std::max(min_points, rules.min_points_floor));
  if (tested.empty()) return std::nullopt;
  // Bonferroni over the windows actually tested; the best window is never searched for.
  const double alpha = rules.alpha / static_cast<double>(tested.size());

  std::optional<TrendFinding> best;
  for (const Series& window : tested) {
    const MannKendall mk = mann_kendall(window);
    TrendFinding f;
    f.window = static_cast<int>(window.size());
    f.n = mk.n;
    f.windows_tested = static_cast<int>(tested.size());
    f.alpha = alpha;
    f.s = mk.s;
    f.z = mk.z;
    f.p = mk.p;
    f.tau = mk.tau;
    if (mk.exact_p) {
      f.p = *mk.exact_p;
      f.exact = true;
    } else if (mk.n >= rules.yue_wang_min_n) {
      if (const auto yw = yue_wang_lag1(window)) {
        f.z = yw->z;
        f.p = yw->p;
        f.autocorrelation_corrected = true;
      }
    }
    // (window_p gives the same p; the statistics are kept here for the audit trail.)
    if (f.p > alpha + kAlphaSlack) continue;
    const auto slope = sen_slope(window);
    // Direction must agree; a zero slope (common with many ties) is no trend to report.
    if (!slope || slope->slope == 0 || (slope->slope > 0) != (mk.s > 0)) continue;
    f.slope = *slope;
    if (!is_rate) f.relative_pct = relative_slope_pct(window);
    if (!is_material(window, f.slope, f.relative_pct, is_rate, rules)) continue;
    f.direction = mk.s > 0 ? TrendDirection::Up : TrendDirection::Down;
    f.adverb = std::fabs(mk.tau) >= rules.steady_tau ? TrendAdverb::Steadily : TrendAdverb::Overall;
    f.significance =
        f.p <= rules.strong_p ? TrendSignificance::StatisticallySignificant : TrendSignificance::Significant;
    if (!best || f.window > best->window) best = f;
  }
  return best;
}

}  // namespace boardbrief::analysis
