// The title block above a chart or table (docs/visual-rules.md): title, subtitle
// on the same line or below, and an optional one-line key right-aligned on the title
// line.
#pragma once

#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

// One key entry: a 6.5 pt square swatch, or an 11 pt line sample (dashed when `dash` is set).
struct KeyEntry {
  enum class Kind { Swatch, Line };
  Kind kind = Kind::Swatch;
  Color color;
  std::string label;
  double line_width_pt = 0.7;       // Line only
  std::vector<std::uint16_t> dash;  // Line only; whole points
};

struct ChartTitle {
  std::string title;
  std::string subtitle;          // empty = none
  bool subtitle_inline = false;  // after the title on its line, else on the line below
  std::vector<KeyEntry> key;     // empty = no key
};

inline constexpr double kKeySwatch = 6.5;
inline constexpr double kKeySample = 11;

// Draws the block with its top at `top_left` across `width_pt` and returns its height
// (11 pt per title line, 10 pt per subtitle line; a subtitle wider than the block wraps). An
// inline subtitle that would run into the key moves below the title; a key that does not fit
// beside the title gets a line of its own under the block.
double draw_chart_title(Canvas& canvas, const TextMeasurer& m, const ChartTitle& title, Point top_left,
                        double width_pt);

}  // namespace boardbrief::layout
