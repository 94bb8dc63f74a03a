#include "pdf/page_painter.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "pdf/drawable_text.h"

namespace boardbrief::pdf {

namespace {

HPDF_REAL r2(double v) { return static_cast<HPDF_REAL>(std::round(v * 100.0) / 100.0); }

HPDF_REAL unit(std::uint8_t channel) { return static_cast<HPDF_REAL>(channel / 255.0); }

// libharu 2.3.0 rejects dash elements outside 1..100 and odd counts other than 1, and the
// rejection poisons the whole document. An odd PDF dash array means "repeat it", so doubling it
// keeps the look.
std::vector<HPDF_UINT16> normalised_dash(const std::vector<std::uint16_t>& dash) {
  std::vector<HPDF_UINT16> out;
  for (std::uint16_t d : dash) out.push_back(std::clamp<HPDF_UINT16>(d, 1, HPDF_MAX_DASH_PATTERN));
  if (out.size() > 1 && out.size() % 2 == 1) out.insert(out.end(), out.begin(), out.end());
  return out;
}

class Painter {
 public:
  Painter(HPDF_Page page, double height_pt, const FontLookup& fonts, const ImageLookup& images)
      : page_(page), height_(height_pt), fonts_(fonts), images_(images) {}

  ~Painter() {
    for (; open_clips_ > 0; --open_clips_) HPDF_Page_GRestore(page_);
  }
  Painter(const Painter&) = delete;
  Painter& operator=(const Painter&) = delete;

  void operator()(const layout::TextRun& run) {
    const EmbeddedFont& font = fonts_(run.face);
    const std::string text = font.drawable(run.text);
    if (text.empty()) return;
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font.handle(), r2(run.size_pt));
    set_fill(run.color);
    // Tc is text state that outlives ET, hence the reset below.
    if (run.tracking_pt != 0) HPDF_Page_SetCharSpace(page_, r2(run.tracking_pt));
    HPDF_Page_MoveTextPos(page_, r2(run.at.x), flip(run.at.y));
    for (std::string_view piece : split_utf8(text, kMaxShowTextBytes)) {
      HPDF_Page_ShowText(page_, std::string(piece).c_str());
    }
    HPDF_Page_EndText(page_);
    if (run.tracking_pt != 0) HPDF_Page_SetCharSpace(page_, 0);
  }

  void operator()(const layout::Path& path) {
    if (path.points.size() < 2 || (!path.fill && !path.stroke)) return;
    if (path.fill) set_fill(path.fill_color);
    const std::vector<HPDF_UINT16> dash = normalised_dash(path.dash);
    if (path.stroke) {
      set_stroke(path.stroke_color, path.line_width_pt);
      if (path.round_joins) HPDF_Page_SetLineJoin(page_, HPDF_ROUND_JOIN);
      if (!dash.empty()) set_dash(dash);
    }
    HPDF_Page_MoveTo(page_, r2(path.points[0].x), flip(path.points[0].y));
    for (std::size_t i = 1; i < path.points.size(); ++i) {
      HPDF_Page_LineTo(page_, r2(path.points[i].x), flip(path.points[i].y));
    }
    if (path.closed) HPDF_Page_ClosePath(page_);
    paint(path.fill, path.stroke);
    if (path.stroke && path.round_joins) HPDF_Page_SetLineJoin(page_, HPDF_MITER_JOIN);
    if (path.stroke && !dash.empty()) HPDF_Page_SetDash(page_, nullptr, 0, 0);
  }

  void operator()(const layout::Rect& rect) {
    if (!rect.fill && !rect.stroke) return;
    if (rect.fill) set_fill(rect.fill_color);
    if (rect.stroke) set_stroke(rect.stroke_color, rect.line_width_pt);
    add_rectangle(rect.x, rect.y, rect.w, rect.h);
    paint(rect.fill, rect.stroke);
  }

  void operator()(const layout::Circle& circle) {
    if (circle.radius_pt <= 0 || (!circle.fill && !circle.stroke)) return;
    if (circle.fill) set_fill(circle.fill_color);
    if (circle.stroke) set_stroke(circle.stroke_color, circle.line_width_pt);
    HPDF_Page_Circle(page_, r2(circle.center.x), flip(circle.center.y), r2(circle.radius_pt));
    paint(circle.fill, circle.stroke);
  }

  void operator()(const layout::ClipBegin& clip) {
    HPDF_Page_GSave(page_);
    add_rectangle(clip.x, clip.y, clip.w, clip.h);
    HPDF_Page_Clip(page_);
    HPDF_Page_EndPath(page_);  // W must be followed by a painting operator; n paints nothing
    ++open_clips_;
  }

  void operator()(const layout::ClipEnd&) {
    if (open_clips_ == 0) return;
    HPDF_Page_GRestore(page_);
    --open_clips_;
  }

  void operator()(const layout::Image& box) {
    if (!images_) return;
    HPDF_Image image = images_(box.file);
    const double iw = HPDF_Image_GetWidth(image), ih = HPDF_Image_GetHeight(image);
    if (!(iw > 0 && ih > 0)) return;
    const double scale = std::min(box.w / iw, box.h / ih);
    const double w = iw * scale, h = ih * scale;
    const double x = box.x + box.w - w, y = box.y + (box.h - h) / 2;
    HPDF_Page_DrawImage(page_, image, r2(x), flip(y + h), r2(w), r2(h));
  }

 private:
  HPDF_REAL flip(double y) const { return r2(height_ - y); }

  void add_rectangle(double x, double y, double w, double h) {
    HPDF_Page_Rectangle(page_, r2(x), flip(y + h), r2(w), r2(h));
  }

  void set_fill(layout::Color c) { HPDF_Page_SetRGBFill(page_, unit(c.r), unit(c.g), unit(c.b)); }

  void set_stroke(layout::Color c, double width_pt) {
    HPDF_Page_SetRGBStroke(page_, unit(c.r), unit(c.g), unit(c.b));
    HPDF_Page_SetLineWidth(page_, r2(std::clamp(width_pt, 0.0, double{HPDF_MAX_LINEWIDTH})));
  }

  void set_dash(const std::vector<HPDF_UINT16>& dash) {
    const auto count = static_cast<HPDF_UINT>(dash.size());
#if HPDF_VERSION_ID >= 20400
    // 2.4.0 changed the pattern to HPDF_REAL (API break).
    const std::vector<HPDF_REAL> pattern(dash.begin(), dash.end());
    HPDF_Page_SetDash(page_, pattern.data(), count, 0);
#else
    HPDF_Page_SetDash(page_, dash.data(), count, 0);
#endif
  }

  void paint(bool fill, bool stroke) {
    if (fill && stroke) {
      HPDF_Page_FillStroke(page_);
    } else if (fill) {
      HPDF_Page_Fill(page_);
    } else {
      HPDF_Page_Stroke(page_);
    }
  }

  HPDF_Page page_;
  double height_;
  const FontLookup& fonts_;
  const ImageLookup& images_;
  int open_clips_ = 0;
};

}  // namespace

void paint_page(HPDF_Page page, const layout::PageDrawing& drawing, const FontLookup& fonts,
                const ImageLookup& images) {
  Painter painter(page, drawing.height_pt, fonts, images);
  for (const layout::Primitive& primitive : drawing.canvas.items()) std::visit(painter, primitive);
}

}  // namespace boardbrief::pdf
