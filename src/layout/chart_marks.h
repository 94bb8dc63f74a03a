// Data marks shared by the charts: dots, hollow points, provisional hatching and lines that
// break at missing values (docs/visual-rules.md).
#pragma once

#include <optional>
#include <vector>

#include "layout/canvas.h"

namespace boardbrief::layout {

inline constexpr double kHatchSpacing = 2.5;  // perpendicular distance between hatch lines
inline constexpr double kHatchWidth = 0.5;
inline constexpr double kOutlineWidth = 0.75;

Circle dot(Point center, double radius_pt, Color fill);
// A hollow point: white inside, stroked ring (provisional values).
Circle ring(Point center, double radius_pt, Color stroke, double line_width_pt);

// An outlined rectangle filled with 45° hatch lines in `color`: ClipBegin, the lines,
// ClipEnd, then the outline (so the outline is not clipped to half its width).
void draw_hatched_rect(Canvas& canvas, double x, double y, double w, double h, Color color);

// One Path per run of consecutive present points, so missing values break the line; a
// run of a single point yields no Path (callers draw it as a dot).
std::vector<Path> broken_line(const std::vector<std::optional<Point>>& points, Color color, double line_width_pt);

}  // namespace boardbrief::layout
