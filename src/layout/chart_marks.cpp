#include "layout/chart_marks.h"

#include <cmath>

#include "layout/style.h"

namespace boardbrief::layout {

Circle dot(Point center, double radius_pt, Color fill) {
  Circle c;
  c.center = center;
  c.radius_pt = radius_pt;
  c.fill_color = fill;
  return c;
}

Circle ring(Point center, double radius_pt, Color stroke, double line_width_pt) {
  Circle c;
  c.center = center;
  c.radius_pt = radius_pt;
  c.fill_color = style::kWhite;
  c.stroke = true;
  c.stroke_color = stroke;
  c.line_width_pt = line_width_pt;
  return c;
}

void draw_hatched_rect(Canvas& canvas, double x, double y, double w, double h, Color color) {
  canvas.draw(ClipBegin{x, y, w, h});
  // Lines rise to the right at 45°; stepping their foot along the bottom edge by
  // spacing·√2 keeps them kHatchSpacing apart. Starting h to the left covers the corner.
  const double step = kHatchSpacing * std::sqrt(2.0);
  for (double foot = x - h; foot < x + w; foot += step) {
    Path p;
    p.points = {{foot, y + h}, {foot + h, y}};
    p.stroke_color = color;
    p.line_width_pt = kHatchWidth;
    canvas.draw(p);
  }
  canvas.draw(ClipEnd{});
  Rect outline{x, y, w, h, false, {}, true, color, kOutlineWidth};
  canvas.draw(outline);
}

std::vector<Path> broken_line(const std::vector<std::optional<Point>>& points, Color color, double line_width_pt) {
  std::vector<Path> runs;
  Path current;
  auto finish = [&] {
    if (current.points.size() >= 2) runs.push_back(current);
    current.points.clear();
  };
  current.stroke_color = color;
  current.line_width_pt = line_width_pt;
  current.round_joins = true;
  for (const auto& p : points) {
    if (p) {
      current.points.push_back(*p);
    } else {
      finish();
    }
  }
  finish();
  return runs;
}

}  // namespace boardbrief::layout
