#include "analysis/stats.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace boardbrief::analysis {

std::vector<TimedValue> observed_points(const Series& series) {
  std::vector<TimedValue> points;
  points.reserve(series.size());
  for (std::size_t t = 0; t < series.size(); ++t) {
    if (series[t]) points.push_back({static_cast<int>(t), *series[t]});
  }
  return points;
}

std::vector<double> observed_values(const Series& series) {
  std::vector<double> values;
  values.reserve(series.size());
  for (const auto& v : series) {
    if (v) values.push_back(*v);
  }
  return values;
}

double median(std::vector<double> values) {
  assert(!values.empty());
  const std::size_t half = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + half, values.end());
  const double upper = values[half];
  if (values.size() % 2 == 1) return upper;
  // After nth_element every element before `half` is <= upper; the lower middle is their max.
  const double lower = *std::max_element(values.begin(), values.begin() + half);
  return 0.5 * (lower + upper);
}

double median_abs_deviation(const std::vector<double>& values, double center) {
  std::vector<double> dev;
  dev.reserve(values.size());
  for (double v : values) dev.push_back(std::fabs(v - center));
  return median(std::move(dev));
}

double two_sided_p(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

std::optional<double> robust_z(const std::vector<double>& history, double value) {
  if (history.empty()) return std::nullopt;
  const double center = median(history);
  double scale = kMadToSigma * median_abs_deviation(history, center);
  if (scale == 0.0) {
    double sum = 0.0;
    for (double v : history) sum += std::fabs(v - center);
    scale = kMeanAbsToSigma * sum / static_cast<double>(history.size());
  }
  if (scale == 0.0) return std::nullopt;
  return (value - center) / scale;
}

}  // namespace boardbrief::analysis
