#include "layout/chart_title.h"

#include <algorithm>

#include "layout/chart_text.h"
#include "layout/text_wrap.h"
#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kMarkerGap = 3;   // marker to its label
constexpr double kEntryGap = 9;    // between key entries
constexpr double kClearance = 12;  // minimum space between title text and the key
constexpr double kInlineGap = 6;   // title to inline subtitle

double marker_width(const KeyEntry& e) { return e.kind == KeyEntry::Kind::Swatch ? kKeySwatch : kKeySample; }

double key_width(const TextMeasurer& m, const std::vector<KeyEntry>& key) {
  double w = 0;
  for (const KeyEntry& e : key) {
    if (w > 0) w += kEntryGap;
    w += marker_width(e) + kMarkerGap + m.width(style::kAxis.face, style::kAxis.size, e.label);
  }
  return w;
}

void draw_key(Canvas& canvas, const TextMeasurer& m, const std::vector<KeyEntry>& key, double left, double baseline) {
  double x = left;
  for (const KeyEntry& e : key) {
    if (e.kind == KeyEntry::Kind::Swatch) {
      canvas.draw(Rect{x, baseline - kKeySwatch, kKeySwatch, kKeySwatch, true, e.color, false, {}, 0.5});
    } else {
      Path p;
      const double y = baseline - 2.5;  // about the middle of the x-height
      p.points = {{x, y}, {x + kKeySample, y}};
      p.stroke_color = e.color;
      p.line_width_pt = e.line_width_pt;
      p.dash = e.dash;
      canvas.draw(p);
    }
    x += marker_width(e) + kMarkerGap;
    canvas.draw(TextRun{{x, baseline}, e.label, style::kAxis.face, style::kAxis.size, style::kInk60, 0});
    x += m.width(style::kAxis.face, style::kAxis.size, e.label) + kEntryGap;
  }
}

}  // namespace

double draw_chart_title(Canvas& canvas, const TextMeasurer& m, const ChartTitle& title, Point top_left,
                        double width_pt) {
  const auto& ts = style::kChartTitle;
  const auto& ss = style::kSmall;
  const double right = top_left.x + width_pt;
  const double baseline = top_left.y + ts.size;
  const std::string title_text = ellipsize(m, ts.face, ts.size, title.title, width_pt);
  canvas.draw(TextRun{{top_left.x, baseline}, title_text, ts.face, ts.size, style::kInk, 0});
  const double title_right = top_left.x + m.width(ts.face, ts.size, title_text);

  const double kw = key_width(m, title.key);
  const bool has_key = !title.key.empty();
  const bool key_on_title_line = has_key && title_right + kClearance <= right - kw;
  const double text_limit = key_on_title_line ? right - kw - kClearance : right;

  double height = ts.leading;
  if (!title.subtitle.empty()) {
    const double sub_x = title_right + kInlineGap;
    const double sub_w = m.width(ss.face, ss.size, title.subtitle);
    if (title.subtitle_inline && sub_x + sub_w <= text_limit) {
      canvas.draw(TextRun{{sub_x, baseline}, title.subtitle, ss.face, ss.size, style::kInk60, 0});
    } else {
      // A subtitle too long for the width (a narrow chart) wraps rather than losing its end.
      for (const WrappedLine& line : wrap_text(m, ss.face, ss.size, title.subtitle, width_pt)) {
        height += ss.leading;
        canvas.draw(TextRun{{top_left.x, top_left.y + height - (ss.leading - ss.size) - 0.5},
                            line.text,
                            ss.face,
                            ss.size,
                            style::kInk60,
                            0});
      }
    }
  }
  if (key_on_title_line) {
    draw_key(canvas, m, title.key, right - kw, baseline);
  } else if (has_key) {
    height += style::kAxis.leading + 1;
    draw_key(canvas, m, title.key, std::max(top_left.x, right - kw), top_left.y + height - 2);
  }
  return height;
}

}  // namespace boardbrief::layout
