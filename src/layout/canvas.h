// The drawing vocabulary between layout and the PDF backend: a small Canvas interface and the
// recording canvas that stores what was drawn. Coordinates are PDF points with the origin at
// the page's TOP-LEFT corner and y growing downwards (the PDF backend flips them); text is
// placed by its baseline.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace boardbrief::layout {

enum class FontFace { Regular, Bold, Italic };

struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};
// "#1F4E79" -> Color. REQUIRES: a 7-character "#RRGGBB" string.
Color hex(const char* rgb);

struct Point {
  double x = 0, y = 0;
};

// A run of UTF-8 text on one line, placed by the left end of its baseline.
struct TextRun {
  Point at;
  std::string text;
  FontFace face = FontFace::Regular;
  double size_pt = 10;
  Color color;
  double tracking_pt = 0;  // extra space after every character (the CAPS kicker)
};

// An open polyline (or closed polygon when `closed`), stroked and/or filled.
struct Path {
  std::vector<Point> points;
  bool closed = false;
  bool fill = false;
  Color fill_color;
  bool stroke = true;
  Color stroke_color;
  double line_width_pt = 0.5;
  std::vector<std::uint16_t> dash;  // empty = solid; whole points, each 1..100 (libharu limit)
  bool round_joins = false;
};

// A stroked line from `a` to `b`, and its horizontal case (rules, gridlines, reference lines).
inline Path line_path(Point a, Point b, Color color, double width_pt) {
  Path p;
  p.points = {a, b};
  p.stroke_color = color;
  p.line_width_pt = width_pt;
  return p;
}
inline Path horizontal_rule(double x0, double x1, double y, Color color, double width_pt) {
  return line_path({x0, y}, {x1, y}, color, width_pt);
}

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;  // top-left corner, width, height
  bool fill = true;
  Color fill_color;
  bool stroke = false;
  Color stroke_color;
  double line_width_pt = 0.5;
};

struct Circle {
  Point center;
  double radius_pt = 1;
  bool fill = true;
  Color fill_color;
  bool stroke = false;
  Color stroke_color;
  double line_width_pt = 0.5;
};

// Everything inside is clipped to `rect` until the matching ClipEnd.
struct ClipBegin {
  double x = 0, y = 0, w = 0, h = 0;
};
struct ClipEnd {};

// A raster image (the template's logo, PNG or JPEG) fitted into the box with its aspect ratio
// kept, against the box's right edge and centred vertically. Layout does not know the pixel size.
struct Image {
  double x = 0, y = 0, w = 0, h = 0;
  std::string file;
};

using Primitive = std::variant<TextRun, Path, Rect, Circle, ClipBegin, ClipEnd, Image>;

class Canvas {
 public:
  virtual ~Canvas() = default;
  virtual void draw(const Primitive& p) = 0;
};

// Stores primitives in drawing order; layout output and the test seam.
class RecordingCanvas : public Canvas {
 public:
  void draw(const Primitive& p) override { items_.push_back(p); }
  const std::vector<Primitive>& items() const { return items_; }

 private:
  std::vector<Primitive> items_;
};

// One laid-out page.
struct PageDrawing {
  double width_pt = 595.276;
  double height_pt = 841.89;
  RecordingCanvas canvas;
};

}  // namespace boardbrief::layout
