// The KPI tile's sparkline (docs/visual-rules.md): 13 periods, oldest left, no axes, labels or fill.
// Everything, including the end dots, is drawn inside the box.
#pragma once

#include <optional>
#include <vector>

#include "layout/canvas.h"

namespace boardbrief::layout {

// What the values measure; decides the minimum span of the scale.
enum class ValueKind {
  Count,  // counts, amounts, durations: span >= 20 % of the series mean
  Share,  // fractions 0..1: span >= 0.10 (10 pp)
  Score,  // e.g. net sentiment -100..100: span >= 20 points
};

struct SparklineSpec {
  std::vector<std::optional<double>> values;  // oldest first; nullopt = no data for the period
  ValueKind kind = ValueKind::Count;
  std::optional<double> target;  // drawn as a dashed line and included in the scale
  bool provisional = false;      // the last value is not final: hollow ring instead of a dot
};

inline constexpr double kSparklineWidth = 60;
inline constexpr double kSparklineHeight = 22;
// Distance kept between the box edges and the line, so the end dots fit inside the box.
inline constexpr double kSparklineInset = 2.6;

struct ValueRange {
  double low = 0, high = 1;
};

// Scale: min–max of the present values and the target, padded by 8 % of the span on each
// side, then widened symmetrically to the kind's minimum span. nullopt when no value is present.
std::optional<ValueRange> sparkline_range(const SparklineSpec& spec);

// Draws the sparkline into the box whose top-left corner is `top_left`: target (dashed 0.5 pt
// ink60), line pieces (0.9 pt ink60, round joins; a missing value breaks the line), isolated
// points (0.7 pt dots), the first point (ink40, r 1.3) and the last point (accent, r 2.1, or
// a hollow accent ring r 2.0 when provisional). Draws nothing when no value is present.
void draw_sparkline(Canvas& canvas, Point top_left, const SparklineSpec& spec, double width_pt = kSparklineWidth,
                    double height_pt = kSparklineHeight);

}  // namespace boardbrief::layout
