#include "layout/ticks.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace boardbrief::layout {

namespace {

constexpr double kMantissas[] = {1, 2, 2.5, 5};

// Ticks from `first` in `count` intervals of `step`, with values rounded to the step's
// precision so that 0.1 * 3 prints as 0.3.
Ticks make_ticks(double first, double step, int count) {
  Ticks t;
  t.step = step;
  const double snap = step / 1000;
  for (int i = 0; i <= count; ++i) {
    double v = first + i * step;
    v = std::round(v / snap) * snap;
    if (std::abs(v) < snap) v = 0;  // no "-0"
    t.values.push_back(v);
  }
  return t;
}

// The first nice step, from the smallest upwards, whose ticks covering [lo, hi] number at
// most max_ticks; `lowest` decides where the first tick lies for a candidate step.
template <typename Lowest>
Ticks fit(double lo, double hi, int max_ticks, Lowest lowest, double min_step = 0) {
  max_ticks = std::max(max_ticks, 3);
  // Start one decade below the step that would need max_ticks intervals.
  double step = nice_step_at_least((hi - lo) / max_ticks / 10);
  if (min_step > 0) step = std::max(step, nice_step_at_least(min_step));
  for (int guard = 0; guard < 64; ++guard) {
    const double first = lowest(step);
    const int intervals = std::max(2, static_cast<int>(std::ceil((hi - first) / step - 1e-9)));
    if (intervals + 1 <= max_ticks) return make_ticks(first, step, intervals);
    step = nice_step_at_least(step * 1.0001);
  }
  return make_ticks(lo, hi - lo, 1);  // unreachable for finite input
}

}  // namespace

double nice_step_at_least(double raw) {
  const double decade = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : kMantissas) {
    if (m * decade >= raw * (1 - 1e-12)) return m * decade;
  }
  return 10 * decade;
}

Ticks column_ticks(double lo, double hi, int max_ticks, double min_step) {
  if (lo > hi) std::swap(lo, hi);
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (lo == hi) hi = 1;  // nothing to show: a 0..1 axis rather than a degenerate one
  // All-zero counts: just 0 and one whole step, never 0, 0.2, ... printed as "0, 0, 1, 1".
  if (lo == 0 && hi == 1 && min_step > 0) return make_ticks(0, std::max(1.0, nice_step_at_least(min_step)), 1);
  return fit(
      lo, hi, max_ticks, [lo](double step) { return std::floor(lo / step + 1e-9) * step; }, min_step);
}

Ticks line_ticks(double lo, double hi, int max_ticks, bool allow_zoom) {
  if (lo > hi) std::swap(lo, hi);
  const Ticks from_zero = column_ticks(lo, hi, max_ticks);
  if (!allow_zoom || lo <= 0 || lo == hi) return from_zero;
  // The lowest gridline sits strictly below the smallest value, so no value lies on or
  // under it.
  const Ticks zoomed = fit(lo, hi, max_ticks, [lo](double step) {
    double first = std::floor(lo / step) * step;
    if (first >= lo - step * 1e-9) first -= step;
    return first;
  });
  // Zooming only helps when it removes the zero line; otherwise keep the honest axis.
  return zoomed.lo() > 0 ? zoomed : from_zero;
}

TickFormatter tick_formatter(const TickFormatter& plain, const AxisFormatter& axis, double axis_max, double step) {
  if (!axis) return plain;
  return [axis, axis_max, step](double v) { return axis(v, axis_max, step); };
}

}  // namespace boardbrief::layout
