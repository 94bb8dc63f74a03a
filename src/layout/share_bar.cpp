#include "layout/share_bar.h"

#include <algorithm>

#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kInsidePad = 3;      // segment edge to its inside label
constexpr double kLegendGap = 8;      // bar to the first legend baseline's row top
constexpr double kSwatch = 7;
constexpr double kSwatchGap = 4;
constexpr double kItemGap = 14;

// White text on dark fills, ink on light ones (relative luminance, sRGB weights).
Color label_color(Color fill) {
  const double l = (0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b) / 255;
  return l < 0.55 ? hex("#FFFFFF") : style::kInk;
}

}  // namespace

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
    canvas.draw(TextRun{{x0 + kInsidePad, y0 + h / 2 + 0.35 * ax.size}, spec.no_data, ax.face, ax.size, style::kInk60, 0});
    return h;
  }
  // Segments: proportional widths, a white hairline between them.
  double x = x0;
  for (std::size_t i = 0; i < spec.segments.size(); ++i) {
    const auto& s = spec.segments[i];
    const double share = std::max(0.0, s.value) / sum;
    const double w = share * width_pt;
    if (w > 0) {
      Rect r;
      r.x = x;
      r.y = y0;
      r.w = std::max(0.0, w - (i + 1 < spec.segments.size() ? kShareSegmentGap : 0));
      if (r.w == 0) r.w = std::min(w, 0.5);  // a tiny share stays visible as a sliver
      r.h = h;
      r.fill_color = s.color;
      canvas.draw(r);
      const std::string label = spec.share_format(share);
      const double lw = m.width(FontFace::Bold, ax.size, label);
      if (lw + 2 * kInsidePad <= r.w)
        canvas.draw(TextRun{{x + kInsidePad, y0 + h / 2 + 0.35 * ax.size}, label, FontFace::Bold, ax.size,
                            label_color(s.color), 0});
    }
    x += w;
  }
  // Legend rows: swatch, name, share; an entry that does not fit the row starts the next one.
  const double first_baseline = y0 + h + kLegendGap + m.ascent(ax.face, ax.size);
  double lx = x0, row = 0;
  for (const auto& s : spec.segments) {
    const std::string share = spec.share_format(std::max(0.0, s.value) / sum);
    const FontFace face = s.emphasis ? FontFace::Bold : ax.face;
    const double name_w = m.width(face, ax.size, s.name), space = m.width(ax.face, ax.size, " ");
    const double w = kSwatch + kSwatchGap + name_w + space + m.width(FontFace::Bold, ax.size, share);
    if (lx > x0 && lx + w > x0 + width_pt) lx = x0, row += kShareLegendRow;
    const double baseline = first_baseline + row;
    Rect sw;
    sw.x = lx;
    sw.y = baseline - kSwatch + 0.5;
    sw.w = sw.h = kSwatch;
    sw.fill_color = s.color;
    canvas.draw(sw);
    canvas.draw(TextRun{{lx + kSwatch + kSwatchGap, baseline}, s.name, face, ax.size, style::kInk, 0});
    canvas.draw(TextRun{{lx + kSwatch + kSwatchGap + name_w + space, baseline}, share, FontFace::Bold, ax.size,
                        style::kInk60, 0});
    lx += w + kItemGap;
  }
  return first_baseline + row + 0.25 * ax.size - y0;
}

}  // namespace boardbrief::layout
