// Grouped and stacked column charts on a time axis (docs/visual-rules.md), e.g. posts per
// platform per month: one column per series side by side (grouped) or piled up (stacked), a
// legend row above the plot, the report period banded. A missing value is a gap, never a zero
// column; a period with no value at all says so under its band when the text fits.
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

enum class ColumnMode { Grouped, Stacked };

struct ColumnSeries {
  std::string name;                           // legend entry
  std::vector<std::optional<double>> values;  // one per category; nullopt = missing (a gap)
  Color color;
};

struct ColumnChartSpec {
  std::vector<CategoryLabel> categories;  // oldest first
  std::vector<ColumnSeries> series;       // legend order; stacked: bottom to top
  ColumnMode mode = ColumnMode::Grouped;
  std::optional<std::size_t> report_index;  // default: the last category
  TickFormatter format;                     // tick labels
  AxisFormatter axis_format;                // when set: ticks and data labels in one unit
  std::string no_data;                      // under a category without any value ("" = none)
  double min_step = 0;                      // 1 for counts: whole-number ticks
  double plot_height = 110;
  double label_gutter = 32;
  double group_fraction = 0.72;  // share of a band the columns of one category take
  int max_ticks = 6;
};

inline constexpr double kColumnLegendRow = 11;  // legend row pitch
inline constexpr double kColumnLegendGap = 8;   // last legend row to the plot's top room

// Draws the chart with its top-left corner at `top_left` across `width_pt`; returns the height
// used. Negative values hang below the zero line (stacked: negatives pile downwards). Legend
// entries wrap to further rows and never overlap.
// REQUIRES: format set; every series has categories.size() values.
double draw_column_chart(Canvas& canvas, const TextMeasurer& m, const ColumnChartSpec& spec, Point top_left,
                         double width_pt);

}  // namespace boardbrief::layout
