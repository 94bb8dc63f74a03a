// The share-of-voice bar: one horizontal 100 % stacked bar (own channels, then each competitor),
// the share printed inside a segment when it fits there, and a legend row under the bar that
// names every segment with its share, wrapping to more rows, so tiny shares never collide.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

struct ShareSegment {
  std::string name;   // legend entry ("Own channels", a competitor's name)
  double value = 0;   // >= 0, in any unit (mentions); the share is value / sum
  Color color;
  bool emphasis = false;  // the own channels: name set in Bold
};

struct ShareBarSpec {
  std::vector<ShareSegment> segments;  // left to right
  std::function<std::string(double)> share_format;  // 0.38 -> "38%"
  std::string no_data;                              // printed when the sum is 0
  double bar_height = 18;
};

inline constexpr double kShareSegmentGap = 1;  // white between segments
inline constexpr double kShareLegendRow = 11;

// Draws the bar with its top-left corner at `top_left` across `width_pt`; returns the height.
// REQUIRES: share_format set.
double draw_share_bar(Canvas& canvas, const TextMeasurer& m, const ShareBarSpec& spec, Point top_left,
                      double width_pt);

}  // namespace boardbrief::layout
