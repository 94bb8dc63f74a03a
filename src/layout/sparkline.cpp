#include "layout/sparkline.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "layout/markers.h"
#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kPadding = 0.08;  // of the span, on each side
constexpr double kLineWidth = 0.9;
constexpr double kIsolatedRadius = 0.7;
constexpr double kFirstRadius = 1.3;
constexpr double kLastRadius = 2.1;
constexpr double kRingRadius = 2.0;

double minimum_span(ValueKind kind, double mean) {
  switch (kind) {
    case ValueKind::Share: return 0.10;
    case ValueKind::Score: return 20;
    case ValueKind::Count: break;
  }
  // A flat series of zeros has no mean to scale by; any positive span centres it.
  const double span = 0.2 * std::abs(mean);
  return span > 0 ? span : 1.0;
}

}  // namespace

std::optional<ValueRange> sparkline_range(const SparklineSpec& spec) {
  double lo = 0, hi = 0, sum = 0;
  std::size_t n = 0;
  for (const auto& v : spec.values) {
    if (!v) continue;
    lo = n == 0 ? *v : std::min(lo, *v);
    hi = n == 0 ? *v : std::max(hi, *v);
    sum += *v;
    ++n;
  }
  if (n == 0) return std::nullopt;
  if (spec.target) {
    lo = std::min(lo, *spec.target);
    hi = std::max(hi, *spec.target);
  }
  const double pad = (hi - lo) * kPadding;
  lo -= pad;
  hi += pad;
  const double min_span = minimum_span(spec.kind, sum / static_cast<double>(n));
  if (hi - lo < min_span) {
    const double mid = (lo + hi) / 2;
    lo = mid - min_span / 2;
    hi = mid + min_span / 2;
  }
  return ValueRange{lo, hi};
}

void draw_sparkline(Canvas& canvas, Point top_left, const SparklineSpec& spec, double width_pt, double height_pt) {
  const std::optional<ValueRange> range = sparkline_range(spec);
  if (!range) return;
  const std::size_t n = spec.values.size();
  const double left = top_left.x + kSparklineInset;
  const double inner_w = width_pt - 2 * kSparklineInset;
  const double top = top_left.y + kSparklineInset;
  const double inner_h = height_pt - 2 * kSparklineInset;
  auto x_of = [&](std::size_t i) {
    return n < 2 ? left + inner_w / 2 : left + inner_w * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  auto y_of = [&](double v) { return top + inner_h * (range->high - v) / (range->high - range->low); };

  if (spec.target) {
    Path t;
    const double y = y_of(*spec.target);
    t.points = {{top_left.x, y}, {top_left.x + width_pt, y}};
    t.stroke_color = style::kInk60;
    t.line_width_pt = 0.5;
    t.dash = {1, 1};  // a 1.2/1.2 target dash; libharu dashes are whole points
    canvas.draw(t);
  }

  // One path per run of consecutive present values; a run of one is a dot.
  for (std::size_t i = 0; i < n;) {
    if (!spec.values[i]) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < n && spec.values[end]) ++end;
    if (end - i == 1) {
      canvas.draw(Circle{{x_of(i), y_of(*spec.values[i])}, kIsolatedRadius, true, style::kInk60, false, {}, 0.5});
    } else {
      Path line;
      for (std::size_t k = i; k < end; ++k) line.points.push_back({x_of(k), y_of(*spec.values[k])});
      line.stroke_color = style::kInk60;
      line.line_width_pt = kLineWidth;
      line.round_joins = true;
      canvas.draw(line);
    }
    i = end;
  }

  if (n >= 2 && spec.values.front()) {
    canvas.draw(Circle{{x_of(0), y_of(*spec.values.front())}, kFirstRadius, true, style::kInk40, false, {}, 0.5});
  }
  if (spec.values.back()) {
    const Point last{x_of(n - 1), y_of(*spec.values.back())};
    if (spec.provisional) {
      draw_hollow_circle(canvas, last, kRingRadius, style::kAccent, kLineWidth);
    } else {
      canvas.draw(Circle{last, kLastRadius, true, style::kAccent, false, {}, 0.5});
    }
  }
}

}  // namespace boardbrief::layout
