// Outlook (docs/decisions.md): where a metric whose trend passed its test is heading, as a
// range from the Sen slope's confidence interval. Pure arithmetic; the caller decides that a
// trend passed and that the metric has a target.
#pragma once

#include <optional>

#include "analysis/stats.h"

namespace boardbrief::analysis {

struct Projection {
  double level = 0;      // the Sen line at the last period (robust, not the last value alone)
  double slope = 0;      // per period
  double slope_low = 0;  // the slope's confidence interval
  double slope_high = 0;
  int horizon = 0;  // periods ahead
  double low = 0;   // level + slope_low·horizon, clamped to [floor, ceiling]
  double high = 0;
  double central = 0;  // level + slope·horizon, clamped
};

// Projects the last `window` values of `series` `horizon` periods ahead. nullopt with fewer than
// 3 observed values in the window or horizon < 1. `floor`/`ceiling` bound what the metric can
// take (a share stays within 0–1).
std::optional<Projection> project(const Series& series, int window, int horizon, double floor, double ceiling);

}  // namespace boardbrief::analysis
