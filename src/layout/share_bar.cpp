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

// The outside labels placed so far and their leaders: a new label goes on the first row where
// it overlaps no label, its leader crosses no label above it, and no earlier leader runs
// through it (docs/visual-rules.md, "Charts": labels never touch).
struct OutsideLabels {
  struct Placed {
    double x0, x1, centre;
    int row;
  };
  std::vector<Placed> placed;

  bool free(double x0, double x1, double centre, int row) const {
    for (const Placed& p : placed) {
      if (p.row == row && x0 < p.x1 + kLabelGap && p.x0 < x1 + kLabelGap) return false;
      if (p.row < row && centre > p.x0 - 2 && centre < p.x1 + 2) return false;  // our leader crosses it
      if (p.row > row && p.centre > x0 - 2 && p.centre < x1 + 2) return false;  // its leader crosses us
    }
    return true;
  }
  // The row and left edge for a label `w` wide under `centre`, within [left, right]. Segments
  // come left to right, so a label ending at its leader keeps clear of the leaders to come:
  // they lie right of it (a label near the left edge is pushed right of its leader).
  std::pair<int, double> place(double centre, double w, double left, double right) {
    const double x = std::clamp(centre - 2 - w, left, right - w);
    int row = 0;
    while (row < 24 && !free(x, x + w, centre, row)) ++row;
    if (row == 24) row = placed.empty() ? 0 : placed.back().row + 1;  // crowded: a row of its own
    placed.push_back({x, x + w, centre, row});
    return {row, x};
  }
};

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
  OutsideLabels outside;
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
    } else {  // below the bar, joined to its segment by a leader
      const double centre = r.x + r.w / 2;
      const auto [row, lx] = outside.place(centre, lw, x0, x0 + width_pt);
      const TextRun run{
          {lx, y0 + h + kLeaderGap + ascent + row * kShareLabelRow}, label, face, ax.size, style::kInk, 0};
      canvas.draw(line_path({centre, y0 + h}, {centre, run.at.y - ascent - 1}, style::kInk60, 0.5));
      canvas.draw(run);
      bottom = std::max(bottom, run.at.y + 0.25 * ax.size);
    }
    x += w;
  }
  return bottom - y0;
}

}  // namespace boardbrief::layout
