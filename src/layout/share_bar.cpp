#include "layout/share_bar.h"

#include <algorithm>

#include "layout/chart_text.h"
#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kInsidePad = 3;  // segment edge to its inside label
constexpr double kLeaderGap = 4;  // bar bottom to the first row of outside labels
constexpr double kLabelGap = 8;   // between two outside labels on one row

// White text on dark fills, ink on light ones (relative luminance, sRGB weights).
Color label_color(Color fill) {
  const double l = (0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b) / 255;
  return l < 0.55 ? style::kWhite : style::kInk;
}

}  // namespace

Color share_colour(const std::vector<ShareSegment>& segments, std::size_t i) {
  switch (segments[i].role) {
    case ShareRole::Own: return style::kAccent;
    case ShareRole::Other: return style::kInk20;
    case ShareRole::Competitor: break;
  }
  std::size_t k = 0;  // index among the competitors
  for (std::size_t j = 0; j < i; ++j) k += segments[j].role == ShareRole::Competitor;
  return k % 2 == 0 ? style::kInk60 : style::kInk40;
}

double draw_share_bar(Canvas& canvas, const TextMeasurer& m, const ShareBarSpec& spec, Point top_left,
                      double width_pt) {
  const double x0 = top_left.x, y0 = top_left.y, h = spec.bar_height;
  double sum = 0;
  for (const auto& s : spec.segments) sum += std::max(0.0, s.value);
  const auto& ax = style::kAxis;
  if (sum <= 0) {
    Rect empty;
    empty.x = x0, empty.y = y0, empty.w = width_pt, empty.h = h;
    empty.fill = false;
    empty.stroke = true;
    empty.stroke_color = style::kInk30;
    canvas.draw(empty);
    canvas.draw(
        TextRun{{x0 + kInsidePad, y0 + h / 2 + 0.35 * ax.size}, spec.no_data, ax.face, ax.size, style::kInk60, 0});
    return h;
  }
  const double ascent = m.ascent(ax.face, ax.size);
  double x = x0, bottom = y0 + h;
  LabelPlacer placer(m);
  for (std::size_t i = 0; i < spec.segments.size(); ++i) {
    const auto& s = spec.segments[i];
    const double share = std::max(0.0, s.value) / sum;
    const double w = share * width_pt;
    Rect r;
    r.x = x;
    r.y = y0;
    r.w = std::max(0.0, w - (i + 1 < spec.segments.size() ? kShareSegmentGap : 0));
    if (r.w == 0) r.w = std::min(w, 0.5);  // a tiny share stays visible as a sliver
    r.h = h;
    r.fill_color = share_colour(spec.segments, i);
    canvas.draw(r);
    const FontFace face = s.role == ShareRole::Own ? FontFace::Bold : ax.face;
    const std::string label = s.name + " " + spec.share_format(share);
    const double lw = m.width(face, ax.size, label);
    if (lw + 2 * kInsidePad <= r.w) {  // inside the segment
      canvas.draw(
          TextRun{{x + kInsidePad, y0 + h / 2 + 0.35 * ax.size}, label, face, ax.size, label_color(r.fill_color), 0});
    } else {  // below the bar, on the first row where it collides with no other label
      const double centre = r.x + r.w / 2;
      const double lx = std::clamp(centre - lw / 2, x0, x0 + width_pt - lw);
      std::vector<std::vector<TextRun>> rows;
      for (int row = 0; row < 8; ++row) {
        const double baseline = y0 + h + kLeaderGap + ascent + row * kShareLabelRow;
        TextRun run{{lx, baseline}, label, face, ax.size, style::kInk, 0};
        TextRun pad{{lx - kLabelGap / 2, baseline}, std::string(" "), face, ax.size, style::kInk, 0};
        rows.push_back({run});
        (void)pad;
      }
      const std::size_t row = placer.place(rows);
      const TextRun& run = rows[row].front();
      Path leader;
      leader.points = {{centre, y0 + h}, {centre, run.at.y - ascent - 1}};
      leader.stroke_color = style::kInk60;
      leader.line_width_pt = 0.5;
      canvas.draw(leader);
      canvas.draw(run);
      bottom = std::max(bottom, run.at.y + 0.25 * ax.size);
    }
    x += w;
  }
  return bottom - y0;
}

}  // namespace boardbrief::layout
