#include "layout/heading.h"

#include <string>

#include "layout/style.h"
#include "layout/text_wrap.h"

namespace boardbrief::layout {

double draw_section_heading(Canvas& canvas, const TextMeasurer& measurer, Point baseline_left, double width_pt,
                            std::string_view title, std::string_view note) {
  const auto& hs = style::kSectionHeading;
  const auto& ns = style::kHeadingNote;
  const std::string shown = ellipsize(measurer, hs.face, hs.size, title, width_pt);
  canvas.draw(TextRun{baseline_left, shown, hs.face, hs.size, style::kInk, 0});

  const double room = width_pt - measurer.width(hs.face, hs.size, shown) - kHeadingNoteGap;
  if (!note.empty() && room > 0) {
    const std::string n = ellipsize(measurer, ns.face, ns.size, note, room);
    if (!n.empty()) {
      const double x = baseline_left.x + width_pt - measurer.width(ns.face, ns.size, n);
      canvas.draw(TextRun{{x, baseline_left.y}, n, ns.face, ns.size, style::kInk60, 0});
    }
  }

  const double rule_y = baseline_left.y + kHeadingRuleDrop;
  Path rule;
  rule.points = {{baseline_left.x, rule_y}, {baseline_left.x + width_pt, rule_y}};
  rule.stroke_color = style::kInk;
  rule.line_width_pt = kHeadingRuleWidth;
  canvas.draw(rule);
  return rule_y;
}

double kicker_width(const TextMeasurer& measurer, std::string_view text) {
  const std::size_t n = code_point_count(text);
  if (n == 0) return 0;
  // The PDF's character spacing (Tc) is added after every character, the last one included.
  return measurer.width(style::kKicker.face, style::kKicker.size, text) +
         style::kKickerTracking * static_cast<double>(n - 1);
}

void draw_kicker(Canvas& canvas, Point baseline_left, std::string_view text, Color color) {
  if (text.empty()) return;
  canvas.draw(TextRun{baseline_left, std::string(text), style::kKicker.face, style::kKicker.size, color,
                      style::kKickerTracking});
}

std::string fit_kicker(const TextMeasurer& measurer, std::string_view text, double max_width_pt) {
  if (kicker_width(measurer, text) <= max_width_pt) return std::string(text);
  // Tracking makes the width of a prefix not a plain font width, but it still grows with it.
  return shorten_with_ellipsis(text, [&](const std::string& c) { return kicker_width(measurer, c) <= max_width_pt; });
}

}  // namespace boardbrief::layout
