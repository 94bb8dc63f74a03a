// The dialogue "combo" chart (docs/visual-rules.md): stacked monthly columns of
// answered (ink80) and unanswered (bad fill) messages, with the unanswered share as a line in
// its own tier above them on the same time axis.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/chart_axis.h"
#include "layout/text_measurer.h"
#include "layout/ticks.h"

namespace boardbrief::layout {

// One month. A category without both counts is missing: no column, the line breaks there
// and it is labelled "no data"; it is never drawn as zero.
struct ComboCategory {
  CategoryLabel label;
  std::optional<double> answered;    // count, >= 0
  std::optional<double> unanswered;  // count, >= 0
  bool provisional = false;          // outlined, hatched column and hollow point
  bool missing() const { return !answered || !unanswered; }
};

// Reference sizes (docs/visual-rules.md, "Charts"), in points.
struct ComboGeometry {
  double label_gutter = 74;  // left of the plot: row labels and tick labels
  double right_gutter = 34;  // right of the plot: bracket and target labels
  double rate_tier = 58;     // upper tier height
  double column_tier = 150;  // lower tier height
  double tier_gap = 28;
  double column_fraction = 0.64;  // column width / category width
  int rate_ticks = 3;             // most ticks in the rate tier
  int column_ticks = 6;
};

// All text arrives formatted or worded by the caller (language file); empty strings are not
// drawn.
struct ComboChartSpec {
  std::vector<ComboCategory> categories;    // oldest first
  std::optional<std::size_t> report_index;  // default: the last category
  TickFormatter count_format;               // count ticks, column labels, bracket value
  TickFormatter share_format;               // shares in [0, 1]: rate ticks, point labels
  std::string rate_label;                   // "Unanswered share"
  std::string unanswered_label;             // "Unanswered", in the bad colour
  std::string answered_label;               // "Answered"
  std::string answered_note;                // "by month end", Regular ink60 under it
  std::optional<double> target_share;       // target line in the rate tier
  std::string target_label;                 // "target ≤ 15%", wrapped in the right gutter
  std::string bracket_word;                 // "open"; empty = no difference bracket
  std::string no_data;                      // "no data"
  ComboGeometry geometry;
};

// Space above the rate tier's top gridline for the report period's point label.
inline constexpr double kComboTopRoom = 14;

// Draws the chart with its top-left corner at `top_left` across `width_pt` and returns the
// height used (down to below the year line of the category axis).
// REQUIRES: count_format and share_format set; report_index < categories.size();
//           width_pt > geometry.label_gutter + geometry.right_gutter.
double draw_combo_chart(Canvas& canvas, const TextMeasurer& m, const ComboChartSpec& spec, Point top_left,
                        double width_pt);

}  // namespace boardbrief::layout
