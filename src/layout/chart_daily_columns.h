// The page-1 daily column chart (docs/visual-rules.md): one stacked column per
// day of the period, a dashed reference level and at most two annotations. The key naming
// the parts and the reference goes on the title line (chart_title.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"
#include "layout/ticks.h"

namespace boardbrief::layout {

struct DailyColumn {
  std::string label;          // "1 Oct", "5", …; empty = no label and no tick
  std::vector<double> parts;  // stacked bottom to top, >= 0; empty = no data that day
};

// An annotation: headline (Bold 7.5, date, value, multiple) and detail (7 pt ink60).
struct DailyAnnotation {
  std::size_t day = 0;
  std::string headline;
  std::string detail;
};

struct DailyChartSpec {
  std::vector<DailyColumn> days;
  std::vector<Color> part_colors;  // one per part, bottom to top (e.g. bad fill, ink30)
  TickFormatter format;
  AxisFormatter axis_format;                 // when set: ticks and data labels in one unit
  std::optional<double> reference;           // 0.7 pt ink60 dashed level
  std::vector<DailyAnnotation> annotations;  // only the first two are drawn
  double plot_height = 90;
  double label_gutter = 26;
  double column_fraction = 0.64;
  int max_ticks = 6;
};

inline constexpr double kDailyTopRoom = 6;       // above the top gridline
inline constexpr double kAnnotationOffset = 14;  // mark to annotation text
inline constexpr double kKnockoutPad = 1.5;      // white behind annotation text

// Draws the chart with its top-left corner at `top_left` across `width_pt`; returns the height
// used. Annotations sit right of their column, or left when they would run past the right
// edge, on a white knockout that covers gridlines and the reference line but never a column.
// REQUIRES: format set; every day has at most part_colors.size() parts.
double draw_daily_columns(Canvas& canvas, const TextMeasurer& m, const DailyChartSpec& spec, Point top_left,
                          double width_pt);

}  // namespace boardbrief::layout
