#include "layout/chart_axis.h"

#include <algorithm>

#include "layout/style.h"

namespace boardbrief::layout {

namespace {

// Baseline that centres digits on a gridline: half the cap height (~0.7 em) below it.
constexpr double kDigitCenterDrop = 0.35;

}  // namespace

PlotArea plot_area(Point top_left, double width_pt, double label_gutter, double right_gutter, double plot_top,
                   double plot_height, std::size_t categories) {
  PlotArea a;
  a.left = top_left.x, a.right = top_left.x + width_pt;
  a.plot_left = a.left + label_gutter, a.plot_right = a.right - right_gutter;
  a.plot_top = plot_top, a.plot_bottom = plot_top + plot_height;
  a.bands = CategoryBands{a.plot_left, a.plot_right, categories};
  return a;
}

TextRun centered_run(const TextMeasurer& m, std::string text, FontFace face, double size_pt, Color color,
                     double center_x, double baseline_y) {
  const double w = m.width(face, size_pt, text);
  return TextRun{{center_x - w / 2, baseline_y}, std::move(text), face, size_pt, color, 0};
}

TextRun right_run(const TextMeasurer& m, std::string text, FontFace face, double size_pt, Color color, double right_x,
                  double baseline_y) {
  const double w = m.width(face, size_pt, text);
  return TextRun{{right_x - w, baseline_y}, std::move(text), face, size_pt, color, 0};
}

void draw_value_axis(Canvas& canvas, const TextMeasurer& m, const Ticks& ticks, const ValueScale& scale,
                     double plot_left, double plot_right, const TickFormatter& format) {
  const auto& axis = style::kAxis;
  for (double v : ticks.values) {
    const double y = scale.y(v);
    if (v != 0) canvas.draw(horizontal_rule(plot_left, plot_right, y, style::kInk10, 0.5));
    canvas.draw(right_run(m, format(v), axis.face, axis.size, style::kInk60, plot_left - kTickLabelGap,
                          y + kDigitCenterDrop * axis.size));
  }
}

void draw_zero_line(Canvas& canvas, const Ticks& ticks, const ValueScale& scale, double plot_left, double plot_right) {
  if (!ticks.includes_zero()) return;
  canvas.draw(horizontal_rule(plot_left, plot_right, scale.y(0), style::kInk, 0.75));
}

double widest_tick_label(const TextMeasurer& m, const Ticks& ticks, const TickFormatter& format) {
  double w = 0;
  for (double v : ticks.values) w = std::max(w, m.width(style::kAxis.face, style::kAxis.size, format(v)));
  return w;
}

void draw_category_labels(Canvas& canvas, const TextMeasurer& m, const CategoryBands& bands,
                          const std::vector<CategoryLabel>& labels, double plot_bottom,
                          std::optional<std::size_t> report) {
  const auto& axis = style::kAxis;
  const double month_y = plot_bottom + kCategoryLabelDrop;
  for (std::size_t i = 0; i < labels.size() && i < bands.count; ++i) {
    const bool is_report = report && *report == i;
    const double x = bands.center(i);
    if (!labels[i].label.empty()) {
      canvas.draw(centered_run(m, labels[i].label, is_report ? FontFace::Bold : axis.face, axis.size,
                               is_report ? style::kInk : style::kInk60, x, month_y));
    }
    if (!labels[i].year.empty()) {
      canvas.draw(centered_run(m, labels[i].year, axis.face, axis.size, style::kInk60, x, month_y + kCategoryLineStep));
    }
  }
}

void draw_report_band(Canvas& canvas, const CategoryBands& bands, std::size_t report, double top, double bottom) {
  Rect r;
  r.x = bands.band_left(report);
  r.y = top;
  r.w = bands.band();
  r.h = bottom - top;
  r.fill_color = style::kAccentTint;
  canvas.draw(r);
}

}  // namespace boardbrief::layout
