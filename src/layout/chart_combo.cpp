#include "layout/chart_combo.h"

#include <algorithm>

#include "layout/chart_marks.h"
#include "layout/chart_text.h"
#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kLineWidth = 1.0;  // ratios and shares ("Charts")
constexpr double kDotRadius = 1.6;
constexpr double kReportDotRadius = 2.2;
constexpr double kRingWidth = 0.9;
constexpr std::size_t kMaxDottedPoints = 13;
constexpr double kLabelGap = 3;    // mark to its data label
constexpr double kBracketGap = 3;  // column edge to bracket
constexpr double kBracketArm = 3;
constexpr double kBracketLabelGap = 3;
constexpr double kRowLabelGap = 4;                      // row label to the widest tick label
constexpr double kGutterLabelGap = 4;                   // plot edge to a label in the right gutter
const std::vector<std::uint16_t> kTargetDash = {2, 2};  // a 2.2/1.6 target dash, in whole points

const style::TypeStyle& kLabel = style::kSmall;  // data labels

// Geometry resolved once, so that every drawing step uses the same numbers.
struct Frame {
  double left = 0, right = 0, plot_left = 0, plot_right = 0;
  double top = 0, rate_top = 0, rate_bottom = 0, col_top = 0, col_bottom = 0, bottom = 0;
  CategoryBands bands;
  Ticks rate_ticks, count_ticks;
  ValueScale rate, count;
  std::size_t report = 0;
};

// A present category's column: the answered part from the zero line up to `answered_top`,
// the unanswered part from there up to `top`.
struct Column {
  double x = 0, w = 0, answered_top = 0, top = 0, bottom = 0;
};

double total(const ComboCategory& c) { return *c.answered + *c.unanswered; }

std::optional<double> share(const ComboCategory& c) {
  if (c.missing() || total(c) <= 0) return std::nullopt;
  return *c.unanswered / total(c);
}

// The right gutter holds the bracket's value and word beside the report column: at least as
// wide as they are, so no label runs past the template's margin (docs/visual-rules.md).
double right_gutter(const TextMeasurer& m, const ComboChartSpec& spec) {
  double text = 0;
  const ComboCategory& c = spec.categories[spec.report_index.value_or(spec.categories.size() - 1)];
  if (!spec.bracket_word.empty() && !c.missing() && *c.unanswered > 0)
    text = std::max(m.width(kLabel.face, kLabel.size, spec.bracket_word),
                    m.width(FontFace::Bold, kLabel.size, spec.count_format(*c.unanswered)));
  return std::max(spec.geometry.right_gutter, kBracketGap + kBracketArm + kBracketLabelGap + text);
}

Frame make_frame(const TextMeasurer& m, const ComboChartSpec& spec, Point top_left, double width) {
  const ComboGeometry& g = spec.geometry;
  Frame f;
  f.left = top_left.x;
  f.right = top_left.x + width;
  f.plot_left = f.left + g.label_gutter;
  f.plot_right = f.right - right_gutter(m, spec);
  f.top = top_left.y;
  f.rate_top = f.top + kComboTopRoom;
  f.rate_bottom = f.rate_top + g.rate_tier;
  f.col_top = f.rate_bottom + g.tier_gap;
  f.col_bottom = f.col_top + g.column_tier;
  f.bottom = f.col_bottom + kCategoryAxisHeight;
  f.bands = CategoryBands{f.plot_left, f.plot_right, spec.categories.size()};
  double max_share = spec.target_share.value_or(0), max_total = 0;
  for (const auto& c : spec.categories) {
    if (auto s = share(c)) max_share = std::max(max_share, *s);
    if (!c.missing()) max_total = std::max(max_total, total(c));
  }
  f.rate_ticks = column_ticks(0, max_share, g.rate_ticks);
  f.count_ticks = column_ticks(0, max_total, g.column_ticks, 1);  // counts: whole numbers
  f.rate = ValueScale{f.rate_ticks.lo(), f.rate_ticks.hi(), f.rate_top, f.rate_bottom};
  f.count = ValueScale{f.count_ticks.lo(), f.count_ticks.hi(), f.col_top, f.col_bottom};
  f.report = spec.report_index.value_or(spec.categories.size() - 1);
  return f;
}

Column column_of(const Frame& f, const ComboCategory& c, std::size_t i, double fraction) {
  Column col;
  col.w = f.bands.band() * fraction;
  col.x = f.bands.center(i) - col.w / 2;
  col.bottom = f.count.y(0);
  col.answered_top = f.count.y(*c.answered);
  col.top = f.count.y(total(c));
  return col;
}

void draw_column(Canvas& canvas, const Column& col, bool provisional) {
  struct Part {
    double top, bottom;
    Color color;
  };
  const Part parts[] = {{col.answered_top, col.bottom, style::kInk80}, {col.top, col.answered_top, style::kBadFill}};
  for (const Part& p : parts) {
    const double h = p.bottom - p.top;
    if (h <= 0) continue;
    if (provisional) {
      draw_hatched_rect(canvas, col.x, p.top, col.w, h, p.color);
    } else {
      canvas.draw(Rect{col.x, p.top, col.w, h, true, p.color, false, {}, 0.5});
    }
  }
}

// Label lines as runs starting at x, the block's first baseline at `first_baseline`.
std::vector<TextRun> block(const std::vector<std::string>& lines, double x, double first_baseline, FontFace face,
                           double size, double leading, Color color) {
  std::vector<TextRun> runs;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    runs.push_back(TextRun{{x, first_baseline + leading * static_cast<double>(i)}, lines[i], face, size, color, 0});
  }
  return runs;
}

// The first baseline that centres a block of `n` lines on `y` (cap height ~0.7 em).
double centered_first_baseline(double y, std::size_t n, double size, double leading) {
  return y - leading * static_cast<double>(n - 1) / 2 + 0.35 * size;
}

void draw_runs(Canvas& canvas, const std::vector<TextRun>& runs) {
  for (const TextRun& r : runs) canvas.draw(r);
}

// Row labels in the left gutter (direct labels left of the first category).
void draw_row_labels(Canvas& canvas, const TextMeasurer& m, const ComboChartSpec& spec, const Frame& f,
                     LabelPlacer& placer) {
  const double width = std::max(20.0, f.plot_left - kTickLabelGap - kRowLabelGap - f.left -
                                          std::max(widest_tick_label(m, f.count_ticks, spec.count_format),
                                                   widest_tick_label(m, f.rate_ticks, spec.share_format)));
  auto wrap = [&](const std::string& s, FontFace face) {
    return s.empty() ? std::vector<std::string>{} : wrap_words(m, face, kLabel.size, s, width, 2);
  };
  const double lead = kLabel.leading;
  // Rate tier: centred on the tier.
  if (auto lines = wrap(spec.rate_label, FontFace::Bold); !lines.empty()) {
    const double y = (f.rate_top + f.rate_bottom) / 2;
    auto runs = block(lines, f.left, centered_first_baseline(y, lines.size(), kLabel.size, lead), FontFace::Bold,
                      kLabel.size, lead, style::kInk);
    placer.place({runs});
    draw_runs(canvas, runs);
  }
  // Column tier: beside the middle of each part of the first present column.
  std::optional<Column> first;
  for (std::size_t i = 0; i < spec.categories.size() && !first; ++i) {
    if (!spec.categories[i].missing()) {
      first = column_of(f, spec.categories[i], i, spec.geometry.column_fraction);
    }
  }
  const double third = (f.col_bottom - f.col_top) / 3;
  const double answered_mid = first ? (first->answered_top + first->bottom) / 2 : f.col_bottom - third;
  const double unanswered_mid = first ? (first->top + first->answered_top) / 2 : f.col_top + third;

  auto answered = wrap(spec.answered_label, FontFace::Bold);
  auto note = wrap(spec.answered_note, FontFace::Regular);
  auto unanswered = wrap(spec.unanswered_label, FontFace::Bold);
  const std::size_t answered_lines = answered.size() + note.size();
  double answered_first = 0, answered_block_top = f.col_bottom;
  if (answered_lines > 0) {
    answered_first = centered_first_baseline(answered_mid, answered_lines, kLabel.size, lead);
    // Keep the block inside the tier.
    const double last = answered_first + lead * static_cast<double>(answered_lines - 1);
    answered_first -= std::max(0.0, last + 2 - f.col_bottom);
    answered_block_top = answered_first - kLabel.size;
  }
  if (!unanswered.empty()) {
    double first_baseline = centered_first_baseline(unanswered_mid, unanswered.size(), kLabel.size, lead);
    const double last = first_baseline + lead * static_cast<double>(unanswered.size() - 1);
    // Stay clear above the answered label, whatever the proportions of the column.
    first_baseline -= std::max(0.0, last + 0.25 * kLabel.size + 2 - answered_block_top);
    first_baseline = std::max(first_baseline, f.col_top + kLabel.size);
    auto runs = block(unanswered, f.left, first_baseline, FontFace::Bold, kLabel.size, lead, style::kBad);
    placer.place({runs});
    draw_runs(canvas, runs);
  }
  if (answered_lines > 0) {
    auto runs = block(answered, f.left, answered_first, FontFace::Bold, kLabel.size, lead, style::kInk);
    auto notes = block(note, f.left, answered_first + lead * static_cast<double>(answered.size()), FontFace::Regular,
                       kLabel.size, lead, style::kInk60);
    runs.insert(runs.end(), notes.begin(), notes.end());
    placer.place({runs});
    draw_runs(canvas, runs);
  }
}

// The unanswered share as a line that breaks at missing months, with its dots.
void draw_share_line(Canvas& canvas, const ComboChartSpec& spec, const Frame& f) {
  std::vector<std::optional<Point>> points;
  for (std::size_t i = 0; i < spec.categories.size(); ++i) {
    auto s = share(spec.categories[i]);
    points.push_back(s ? std::optional<Point>(Point{f.bands.center(i), f.rate.y(*s)}) : std::nullopt);
  }
  for (const Path& p : broken_line(points, style::kInk, kLineWidth)) canvas.draw(p);
  const bool dotted = points.size() <= kMaxDottedPoints;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!points[i]) continue;
    const bool report = i == f.report;
    const bool provisional = spec.categories[i].provisional;
    const Color color = report ? style::kAccent : style::kInk;
    const double r = report ? kReportDotRadius : kDotRadius;
    if (provisional) {
      canvas.draw(ring(*points[i], r, color, kRingWidth));
    } else if (report || dotted) {
      canvas.draw(dot(*points[i], r, color));
    }
  }
}

// Data labels only for the first, the previous and the report period, report first so
// that it wins any collision.
void draw_data_labels(Canvas& canvas, const TextMeasurer& m, const ComboChartSpec& spec, const Frame& f,
                      LabelPlacer& placer) {
  std::vector<std::size_t> which = {f.report};
  if (f.report > 0) which.push_back(f.report - 1);
  if (f.report > 1) which.push_back(0);
  for (std::size_t i : which) {
    const ComboCategory& c = spec.categories[i];
    if (c.missing()) continue;
    const bool report = i == f.report;
    const FontFace face = report ? FontFace::Bold : kLabel.face;
    const Color color = report ? style::kInk : style::kInk60;
    const double x = f.bands.center(i);
    // Column total above the column.
    const Column col = column_of(f, c, i, spec.geometry.column_fraction);
    const std::string count = spec.count_format(total(c));
    std::vector<std::vector<TextRun>> above;
    for (double lift : {0.0, 9.0, 18.0}) {
      above.push_back({centered_run(m, count, face, kLabel.size, color, x, col.top - kLabelGap - lift)});
    }
    draw_runs(canvas, above[placer.place(above)]);
    // Share above or below its point, away from the neighbouring segments.
    auto s = share(c);
    if (!s) continue;
    const double y = f.rate.y(*s);
    double neighbours = 0;
    int n = 0;
    for (std::size_t j : {i - 1, i + 1}) {
      if (j < spec.categories.size()) {
        if (auto sj = share(spec.categories[j])) neighbours += *sj, ++n;
      }
    }
    const bool prefer_below = !report && n > 0 && neighbours / n > *s;
    const std::string text = spec.share_format(*s);
    const TextRun up = centered_run(m, text, face, kLabel.size, color, x, y - kLabelGap - 1.5);
    const TextRun down = centered_run(m, text, face, kLabel.size, color, x, y + kLabelGap + 0.75 * kLabel.size + 1);
    std::vector<std::vector<TextRun>> options = prefer_below ? std::vector<std::vector<TextRun>>{{down}, {up}}
                                                             : std::vector<std::vector<TextRun>>{{up}, {down}};
    draw_runs(canvas, options[placer.place(options)]);
  }
}

// A bracket beside the report column spanning its unanswered part, with value and word.
void draw_bracket(Canvas& canvas, const ComboChartSpec& spec, const Frame& f, LabelPlacer& placer) {
  const ComboCategory& c = spec.categories[f.report];
  if (spec.bracket_word.empty() || c.missing() || *c.unanswered <= 0) return;
  const Column col = column_of(f, c, f.report, spec.geometry.column_fraction);
  const double x = col.x + col.w + kBracketGap;
  Path p;
  p.points = {{x, col.top}, {x + kBracketArm, col.top}, {x + kBracketArm, col.answered_top}, {x, col.answered_top}};
  p.stroke_color = style::kBad;
  p.line_width_pt = 0.6;
  canvas.draw(p);
  const double text_x = x + kBracketArm + kBracketLabelGap;
  const std::vector<std::string> value = {spec.count_format(*c.unanswered)};
  const double first = centered_first_baseline((col.top + col.answered_top) / 2, 2, kLabel.size, kLabel.leading);
  std::vector<std::vector<TextRun>> options;
  for (double shift : {0.0, 10.0, 20.0, -10.0}) {
    auto runs = block(value, text_x, first + shift, FontFace::Bold, kLabel.size, kLabel.leading, style::kBad);
    runs.push_back(
        TextRun{{text_x, first + shift + kLabel.leading}, spec.bracket_word, kLabel.face, kLabel.size, style::kBad, 0});
    options.push_back(runs);
  }
  draw_runs(canvas, options[placer.place(options)]);
}

// The dashed target line across the rate tier, labelled in the right gutter.
void draw_target(Canvas& canvas, const TextMeasurer& m, const ComboChartSpec& spec, const Frame& f,
                 LabelPlacer& placer) {
  if (!spec.target_share) return;
  const double y = f.rate.y(*spec.target_share);
  Path p;
  p.points = {{f.plot_left, y}, {f.plot_right, y}};
  p.stroke_color = style::kInk;
  p.line_width_pt = 0.6;
  p.dash = kTargetDash;
  canvas.draw(p);
  if (spec.target_label.empty()) return;
  const double x = f.plot_right + kGutterLabelGap;
  auto lines = wrap_words(m, kLabel.face, kLabel.size, spec.target_label, f.right - x, 2);
  // The first line sits just above the target line, a second one below it.
  const double first = y - 2;
  auto runs = block(lines, x, first, kLabel.face, kLabel.size, kLabel.leading, style::kInk60);
  placer.place({runs});
  draw_runs(canvas, runs);
}

void draw_no_data(Canvas& canvas, const TextMeasurer& m, const ComboChartSpec& spec, const Frame& f,
                  LabelPlacer& placer) {
  if (spec.no_data.empty()) return;
  const auto& axis = style::kAxis;
  for (std::size_t i = 0; i < spec.categories.size(); ++i) {
    if (!spec.categories[i].missing()) continue;
    std::vector<std::vector<TextRun>> options;
    for (double lift : {4.0, 14.0, 24.0}) {
      options.push_back(
          {centered_run(m, spec.no_data, axis.face, axis.size, style::kInk40, f.bands.center(i), f.col_bottom - lift)});
    }
    draw_runs(canvas, options[placer.place(options)]);
  }
}

// Reserves the axis labels that draw_value_axis and draw_category_labels place, so that no
// data label lands on them.
void reserve_axis_labels(const TextMeasurer& m, const ComboChartSpec& spec, const Frame& f, LabelPlacer& placer) {
  RecordingCanvas axis_runs;
  draw_value_axis(axis_runs, m, f.rate_ticks, f.rate, f.plot_left, f.plot_right, spec.share_format);
  draw_value_axis(axis_runs, m, f.count_ticks, f.count, f.plot_left, f.plot_right, spec.count_format);
  std::vector<CategoryLabel> labels;
  for (const auto& c : spec.categories) labels.push_back(c.label);
  draw_category_labels(axis_runs, m, f.bands, labels, f.col_bottom, f.report);
  for (const Primitive& p : axis_runs.items()) {
    if (const auto* run = std::get_if<TextRun>(&p)) placer.reserve(text_box(m, *run));
  }
}

}  // namespace

double draw_combo_chart(Canvas& canvas, const TextMeasurer& m, const ComboChartSpec& spec, Point top_left,
                        double width_pt) {
  if (spec.categories.empty()) return 0;
  const Frame f = make_frame(m, spec, top_left, width_pt);

  draw_report_band(canvas, f.bands, f.report, f.top, f.bottom);
  draw_value_axis(canvas, m, f.rate_ticks, f.rate, f.plot_left, f.plot_right, spec.share_format);
  draw_value_axis(canvas, m, f.count_ticks, f.count, f.plot_left, f.plot_right, spec.count_format);
  std::vector<CategoryLabel> labels;
  for (const auto& c : spec.categories) labels.push_back(c.label);
  draw_category_labels(canvas, m, f.bands, labels, f.col_bottom, f.report);

  LabelPlacer placer(m);
  reserve_axis_labels(m, spec, f, placer);
  draw_target(canvas, m, spec, f, placer);
  for (std::size_t i = 0; i < spec.categories.size(); ++i) {
    const ComboCategory& c = spec.categories[i];
    if (!c.missing()) draw_column(canvas, column_of(f, c, i, spec.geometry.column_fraction), c.provisional);
  }
  draw_zero_line(canvas, f.rate_ticks, f.rate, f.plot_left, f.plot_right);
  draw_zero_line(canvas, f.count_ticks, f.count, f.plot_left, f.plot_right);
  draw_share_line(canvas, spec, f);

  draw_data_labels(canvas, m, spec, f, placer);
  draw_bracket(canvas, spec, f, placer);
  draw_row_labels(canvas, m, spec, f, placer);
  draw_no_data(canvas, m, spec, f, placer);
  return f.bottom - f.top;
}

}  // namespace boardbrief::layout
