// Multi-series line chart on a shared time axis (docs/visual-rules.md),
// e.g. "First response time": median and 90th percentile per month, with direct end labels.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/canvas.h"
#include "layout/chart_axis.h"
#include "layout/text_measurer.h"
#include "layout/ticks.h"

namespace boardbrief::layout {

struct LineSeries {
  std::string name;                           // second line of the end label, 7 pt ink60
  std::vector<std::optional<double>> values;  // one per category; nullopt breaks the line
  Color color;                                // line and end-label value colour
  double line_width_pt = 1.4;                 // 1.4 basic, 1.0–1.1 ratios, 1.0 secondary
  std::vector<std::size_t> marked;            // unusual periods, ringed (kSpikeRingRadius, ink)
  std::vector<std::size_t> missed;            // periods that missed the target: dots in the bad colour
};

inline constexpr double kSpikeRingRadius = 4;

struct LineChartSpec {
  std::vector<CategoryLabel> categories;    // oldest first
  std::vector<LineSeries> series;           // at most 3; the first is drawn on top
  std::optional<std::size_t> report_index;  // default: the last category
  TickFormatter format;                     // tick labels and end-label values
  AxisFormatter axis_format;                // when set: ticks and data labels in one unit
  std::optional<double> reference;          // dashed 0.7 pt ink60 line, named in the key
  std::string reference_label;              // "target ≤ 2 h", small ink60 above the line's right end
  bool allow_zoom = true;                   // may start above zero when every value allows
  // Charts of one unit on a page share a scale; the axis covers at least this range.
  std::optional<std::pair<double, double>> scale_span;
  bool dots = true;          // r 1.6 dots, only when there are <= 13 categories
  double plot_height = 96;   // half-width reference size
  double label_gutter = 26;  // small charts
  double right_gutter = 78;  // end labels
  int max_ticks = 6;
};

inline constexpr double kLineTopRoom = 6;  // above the top gridline, for its tick label

// Draws the chart with its top-left corner at `top_left` across `width_pt`; returns the height
// used. End labels sit right of each series' last value and are nudged apart vertically so
// they never overlap; when that would move a label more than 1.5 label heights from its line
// (three lines ending together) or there is no room, a legend row under the category labels
// (swatch, name, last value; wrapping to more rows, never overlapping) replaces them.
// The value axis the chart draws; data labels are formatted in its unit
// (tick_formatter(format, axis_format, ticks.hi(), 0)).
Ticks line_chart_ticks(const LineChartSpec& spec);

// REQUIRES: format set; every series has categories.size() values; at most 3 series.
double draw_line_chart(Canvas& canvas, const TextMeasurer& m, const LineChartSpec& spec, Point top_left,
                       double width_pt);

}  // namespace boardbrief::layout
