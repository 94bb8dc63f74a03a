// "Nice" value-axis ticks for charts (docs/visual-rules.md): steps of 1, 2, 2.5 or 5 × 10^n.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace boardbrief::layout {

// Turns a tick or data value into its label; supplied by the caller, who knows the language
// and the unit. Layout never formats numbers itself.
using TickFormatter = std::function<std::string(double)>;

// One unit per axis (docs/visual-rules.md, "Charts"): formats `value` for an axis whose largest
// tick is `axis_max` and whose step is `step`, so "0, 50 k, 100 k" and a data label "145 k" on
// the same chart share a unit and need no ".0"; `step` is 0 for a data label.
using AxisFormatter = std::function<std::string(double value, double axis_max, double step)>;

// `axis` when set, bound to `ticks` (tick labels: with the step; data labels: step 0), else `plain`.
TickFormatter tick_formatter(const TickFormatter& plain, const AxisFormatter& axis, double axis_max, double step);

// Evenly spaced axis values. Invariant: values.size() >= 2, ascending, values[i+1] - values[i]
// == step (up to rounding).
struct Ticks {
  std::vector<double> values;
  double step = 1;

  double lo() const { return values.front(); }
  double hi() const { return values.back(); }
  bool includes_zero() const { return lo() <= 0 && hi() >= 0; }
};

// The smallest nice step (1, 2, 2.5, 5 × 10^n) that is >= `raw`. REQUIRES: raw > 0.
double nice_step_at_least(double raw);

// Ticks for columns and bars: always include zero and cover [min(lo, 0), max(hi, 0)].
// Uses the most ticks that fit in [3, max_ticks]; with max_ticks < 3, 3 are used anyway
// (a tick at zero and two above it). All-zero or empty data gives 0..1 (with `min_step`,
// exactly the two ticks 0 and 1).
// REQUIRES: lo <= hi (swap otherwise).
// `min_step` > 0: no step below it (counts of messages tick in whole numbers, so a 0..2 axis
// is 0, 1, 2 and never shows "1" twice after rounding).
Ticks column_ticks(double lo, double hi, int max_ticks = 6, double min_step = 0);

// Ticks for lines over data in [lo, hi]. With `allow_zoom`, the axis may start above zero,
// but only when every value lies strictly above the lowest gridline, which is then a
// plain gridline, not a zero line; otherwise the result equals column_ticks(lo, hi).
// Flat data (lo == hi) is never zoomed.
Ticks line_ticks(double lo, double hi, int max_ticks = 6, bool allow_zoom = true);

}  // namespace boardbrief::layout
