#include "analysis/outlook.h"

#include <algorithm>
#include <vector>

#include "analysis/sen_slope.h"

namespace boardbrief::analysis {

std::optional<Projection> project(const Series& series, int window, int horizon, double floor, double ceiling) {
  if (horizon < 1 || window < 3 || series.empty()) return std::nullopt;
  const std::size_t w = std::min(series.size(), static_cast<std::size_t>(window));
  const Series tail(series.end() - static_cast<std::ptrdiff_t>(w), series.end());
  auto sen = sen_slope(tail);
  if (!sen) return std::nullopt;
  // Sen's intercept: the median of x_i − b·t_i, so the line's level at the last period does not
  // hang on the last value alone.
  std::vector<double> offsets;
  for (std::size_t i = 0; i < tail.size(); ++i)
    if (tail[i]) offsets.push_back(*tail[i] - sen->slope * static_cast<double>(i));
  if (offsets.size() < 3) return std::nullopt;
  std::sort(offsets.begin(), offsets.end());
  const std::size_t m = offsets.size() / 2;
  const double intercept = offsets.size() % 2 ? offsets[m] : (offsets[m - 1] + offsets[m]) / 2;
  Projection p;
  p.level = intercept + sen->slope * static_cast<double>(tail.size() - 1);
  p.slope = sen->slope;
  p.slope_low = sen->lower;
  p.slope_high = sen->upper;
  p.horizon = horizon;
  auto clamp = [&](double v) { return std::clamp(v, floor, ceiling); };
  p.low = clamp(p.level + p.slope_low * horizon);
  p.high = clamp(p.level + p.slope_high * horizon);
  p.central = clamp(p.level + p.slope * horizon);
  return p;
}

}  // namespace boardbrief::analysis
