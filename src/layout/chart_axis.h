// Scales and axes shared by the time charts (docs/visual-rules.md): a value scale onto a
// vertical span, equal category bands on a horizontal span, and the primitives of their
// gridlines, tick labels and category labels.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"
#include "layout/ticks.h"

namespace boardbrief::layout {

// Maps values in [lo, hi] linearly onto y in [bottom_y, top_y] (y grows downwards).
struct ValueScale {
  double lo = 0, hi = 1;
  double top_y = 0, bottom_y = 1;
  double y(double v) const { return bottom_y - (v - lo) / (hi - lo) * (bottom_y - top_y); }
};

// `count` equal bands across [left, right]; category i is centred in band i.
struct CategoryBands {
  double left = 0, right = 0;
  std::size_t count = 1;
  double band() const { return (right - left) / static_cast<double>(count); }
  double band_left(std::size_t i) const { return left + band() * static_cast<double>(i); }
  double center(std::size_t i) const { return band_left(i) + band() / 2; }
};

// A chart's plot: a label gutter left of it and `right_gutter` right of it inside the chart's
// box, from `plot_top` down `plot_height`, one category band per category across it.
struct PlotArea {
  double left = 0, right = 0;  // the chart's box
  double plot_left = 0, plot_right = 0, plot_top = 0, plot_bottom = 0;
  CategoryBands bands;
};
PlotArea plot_area(Point top_left, double width_pt, double label_gutter, double right_gutter, double plot_top,
                   double plot_height, std::size_t categories);

// A category of a time axis: "Oct", and "2025" under the first category and each January.
struct CategoryLabel {
  std::string label;
  std::string year;  // empty = no second line
};

// Axis geometry constants, in points.
inline constexpr double kTickLabelGap = 5;         // tick label right edge to plot
inline constexpr double kCategoryLabelDrop = 10;   // plot bottom to month-label baseline
inline constexpr double kCategoryLineStep = 9;     // month baseline to year baseline
inline constexpr double kCategoryAxisHeight = 23;  // plot bottom to below the year line

// Gridlines (0.5 pt ink10) across [plot_left, plot_right] at every tick except zero, and
// tick labels right-aligned kTickLabelGap left of the plot. The zero line is drawn
// separately by draw_zero_line so that it lies on top of the data.
void draw_value_axis(Canvas& canvas, const TextMeasurer& m, const Ticks& ticks, const ValueScale& scale,
                     double plot_left, double plot_right, const TickFormatter& format);

// The 0.75 pt ink zero line, when zero is on the scale.
void draw_zero_line(Canvas& canvas, const Ticks& ticks, const ValueScale& scale, double plot_left, double plot_right);

// The widest tick label, for sizing a gutter.
double widest_tick_label(const TextMeasurer& m, const Ticks& ticks, const TickFormatter& format);

// Category labels (axis type, ink60) centred under their bands from `plot_bottom`, with the year
// line beneath; the report category's label is Bold ink.
void draw_category_labels(Canvas& canvas, const TextMeasurer& m, const CategoryBands& bands,
                          const std::vector<CategoryLabel>& labels, double plot_bottom,
                          std::optional<std::size_t> report);

// The accent-tint band behind the report category from `top` to `bottom`.
void draw_report_band(Canvas& canvas, const CategoryBands& bands, std::size_t report, double top, double bottom);

// A centred text run of `text` at baseline y.
TextRun centered_run(const TextMeasurer& m, std::string text, FontFace face, double size_pt, Color color,
                     double center_x, double baseline_y);
// A right-aligned text run ending at `right_x`.
TextRun right_run(const TextMeasurer& m, std::string text, FontFace face, double size_pt, Color color, double right_x,
                  double baseline_y);

}  // namespace boardbrief::layout
