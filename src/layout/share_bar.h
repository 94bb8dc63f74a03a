// The share-of-voice bar: one horizontal 100 % stacked bar (own channels, then each competitor,
// then the folded rest). The document gives each segment a role; layout picks its colour
// (docs/visual-rules.md, "Colour"): the organisation in the accent, competitors in two greys
// that alternate so neighbours stay apart, the rest in the lightest grey. Every segment is
// labelled with its name and share: inside the bar where the label fits, otherwise below the bar
// joined to its segment by a leader, on as many rows as it takes so labels never collide.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

enum class ShareRole { Own, Competitor, Other };

struct ShareSegment {
  std::string name;  // "Own channels", a competitor's name, "Other (4 channels)"
  double value = 0;  // >= 0, in any unit (mentions); the share is value / sum
  ShareRole role = ShareRole::Competitor;
};

struct ShareBarSpec {
  std::vector<ShareSegment> segments;               // left to right
  std::function<std::string(double)> share_format;  // 0.38 -> "38%"
  std::string no_data;                              // printed when the sum is 0
  double bar_height = 18;
};

inline constexpr double kShareSegmentGap = 1;  // white between segments
inline constexpr double kShareLabelRow = 11;   // one row of outside labels

// The fill of the i-th segment (competitors alternate by their index among competitors).
Color share_colour(const std::vector<ShareSegment>& segments, std::size_t i);

// Draws the bar with its top-left corner at `top_left` across `width_pt`; returns the height.
// REQUIRES: share_format set.
double draw_share_bar(Canvas& canvas, const TextMeasurer& m, const ShareBarSpec& spec, Point top_left, double width_pt);

}  // namespace boardbrief::layout
