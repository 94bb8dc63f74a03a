#include "layout/markers.h"

#include <cmath>
#include <string_view>

#include "layout/style.h"

namespace boardbrief::layout {

Color tone_color(Tone tone) {
  switch (tone) {
    case Tone::Good: return style::kGood;
    case Tone::Bad: return style::kBad;
    case Tone::Neutral: break;
  }
  return style::kInk60;
}

void draw_triangle(Canvas& canvas, Point center, double width_pt, bool up, Color color) {
  const double half_w = width_pt / 2;
  const double half_h = width_pt * std::sqrt(3.0) / 4;
  // y grows downwards, so the apex of an "up" triangle has the smaller y.
  const double apex_y = up ? center.y - half_h : center.y + half_h;
  const double base_y = up ? center.y + half_h : center.y - half_h;
  Path p;
  p.points = {{center.x - half_w, base_y}, {center.x + half_w, base_y}, {center.x, apex_y}};
  p.closed = true;
  p.fill = true;
  p.fill_color = color;
  p.stroke = false;
  canvas.draw(p);
}

void draw_flat_dash(Canvas& canvas, Point center, double width_pt, Color color) {
  constexpr double kHeight = 1.0;
  canvas.draw(Rect{center.x - width_pt / 2, center.y - kHeight / 2, width_pt, kHeight, true, color, false, {}, 0.5});
}

void draw_direction_mark(Canvas& canvas, Point center, double width_pt, Direction direction, Color color) {
  switch (direction) {
    case Direction::Up:
    case Direction::Down: draw_triangle(canvas, center, width_pt, direction == Direction::Up, color); break;
    case Direction::Flat: draw_flat_dash(canvas, center, width_pt, color); break;
    case Direction::None: break;
  }
}

void draw_hollow_circle(Canvas& canvas, Point center, double radius_pt, Color color, double line_width_pt) {
  // White inside rather than unfilled: a line ending in the ring must not show through.
  canvas.draw(Circle{center, radius_pt, true, style::kWhite, true, color, line_width_pt});
}

namespace {

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

void draw_platform_swatch(Canvas& canvas, Point top_left, const char* platform) {
  const bool pale = platform != nullptr && equals_ignoring_ascii_case(platform, "youtube");
  canvas.draw(Rect{top_left.x, top_left.y, kSwatchSize, kSwatchSize, true, style::platform_color(platform), pale,
                   style::kInk, 0.5});
}

}  // namespace boardbrief::layout
