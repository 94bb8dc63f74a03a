#include "analysis/sen_slope.h"

#include <algorithm>
#include <cmath>

#include "analysis/mann_kendall.h"

namespace boardbrief::analysis {

std::vector<double> pairwise_slopes(const Series& series) {
  const std::vector<TimedValue> pts = observed_points(series);
  std::vector<double> d;
  d.reserve(pts.size() * (pts.size() > 0 ? pts.size() - 1 : 0) / 2);
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    for (std::size_t j = i + 1; j < pts.size(); ++j) {
      d.push_back((pts[j].x - pts[i].x) / static_cast<double>(pts[j].t - pts[i].t));
    }
  }
  return d;
}

std::optional<SenSlope> sen_slope(const Series& series, double z) {
  std::vector<double> d = pairwise_slopes(series);
  if (d.empty()) return std::nullopt;
  // The interval needs order statistics at two ranks besides the median: one sort is simplest.
  std::sort(d.begin(), d.end());
  const int n_pairs = static_cast<int>(d.size());
  const double c = z * std::sqrt(mann_kendall(series).var_s);
  const auto rank = [n_pairs](double r) {
    // std::nearbyint rounds half to even under the default rounding mode, as R's round().
    return std::clamp(static_cast<int>(std::nearbyint(r)), 1, n_pairs);
  };
  SenSlope r;
  r.pairs = n_pairs;
  r.slope = median(d);
  r.lower_rank = rank((n_pairs - c) / 2);
  r.upper_rank = rank((n_pairs + c) / 2 + 1);
  r.lower = d[r.lower_rank - 1];
  r.upper = d[r.upper_rank - 1];
  return r;
}

std::optional<double> relative_slope_pct(const Series& series) {
  Series logs;
  logs.reserve(series.size());
  for (const auto& v : series) {
    if (v && *v <= 0) return std::nullopt;
    logs.push_back(v ? std::optional<double>(std::log(*v)) : std::nullopt);
  }
  const std::vector<double> d = pairwise_slopes(logs);
  if (d.empty()) return std::nullopt;
  return 100.0 * (std::exp(median(d)) - 1.0);
}

}  // namespace boardbrief::analysis
