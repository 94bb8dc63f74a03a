#include "layout/finding_list.h"

#include <string>
#include <utility>

#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kRankSize = 13;  // the rank number
// Room below the last baseline for descenders: a quarter of the size covers Lato's.
constexpr double kDescentShare = 0.25;
// Markers are centred this share of the sentence size above its baseline (mid cap height).
constexpr double kMarkRaise = 0.36;

struct Offsets {
  double marker;  // left edge of the marker
  double text;
};

Offsets offsets(FindingVariant v) { return v == FindingVariant::Page ? Offsets{16, 29} : Offsets{0, 12}; }

LaidOutFinding lay_out(const TextMeasurer& m, FindingItem item, double text_width) {
  LaidOutFinding f;
  const auto& ys = style::kFinding;
  const auto& yw = style::kWhy;
  f.sentence = wrap_rich(m, ys.size, parse_rich(item.sentence), text_width);

  std::vector<RichRun> why;
  if (!item.why_lead.empty()) why.push_back({item.why_lead, FontFace::Italic});
  for (RichRun& r : parse_rich(why.empty() ? item.why_text : " " + item.why_text)) {
    why.push_back(std::move(r));
  }
  f.why = wrap_rich(m, yw.size, why, text_width);
  for (const auto& [lead, text] : item.notes) {
    std::vector<RichRun> note;
    if (!lead.empty()) note.push_back({lead, FontFace::Italic});
    for (RichRun& r : parse_rich(lead.empty() || text.empty() ? text : " " + text)) note.push_back(std::move(r));
    for (RichLine& line : wrap_rich(m, yw.size, note, text_width)) f.notes.push_back(std::move(line));
  }

  const std::size_t n_sentence = f.sentence.empty() ? 1 : f.sentence.size();
  double last = kFindingFirstBaseline + static_cast<double>(n_sentence - 1) * ys.leading;
  double last_size = ys.size;
  if (!f.why.empty()) {
    f.why_first_baseline = last + kWhyBaselineOffset;
    last = f.why_first_baseline + static_cast<double>(f.why.size() - 1) * yw.leading;
    last_size = yw.size;
  }
  if (!f.notes.empty()) {
    f.notes_first_baseline = last + (f.why.empty() ? kWhyBaselineOffset : yw.leading);
    last = f.notes_first_baseline + static_cast<double>(f.notes.size() - 1) * yw.leading;
    last_size = yw.size;
  }
  f.height = last + kDescentShare * last_size;
  f.item = std::move(item);
  return f;
}

void draw_marker(Canvas& canvas, const FindingItem& item, double marker_x, double baseline) {
  const double cy = baseline - kMarkRaise * style::kFinding.size;
  if (item.data_gap) {
    draw_hollow_circle(canvas, {marker_x + kGapCircleRadius, cy}, kGapCircleRadius, style::kInk60);
    return;
  }
  draw_direction_mark(canvas, {marker_x + kFindingTriangleWidth / 2, cy}, kFindingTriangleWidth, item.direction,
                      tone_color(item.tone));
}

}  // namespace

FindingBlock::FindingBlock(const TextMeasurer& measurer, std::vector<FindingItem> items, double width_pt,
                           FindingVariant variant, double gap)
    : variant_(variant), gap_(gap) {
  const double text_width = width_pt - offsets(variant).text;
  for (FindingItem& item : items) {
    findings_.push_back(lay_out(measurer, std::move(item), text_width));
    const double room = offsets(variant).marker - 2.5;
    const double rank_w = measurer.width(FontFace::Bold, kRankSize, std::to_string(findings_.back().item.rank));
    if (rank_w > room) findings_.back().rank_size_pt = kRankSize * room / rank_w;
    if (findings_.size() > 1) height_ += gap_;
    height_ += findings_.back().height;
  }
}

void FindingBlock::draw(Canvas& canvas, Point top_left) const {
  const Offsets off = offsets(variant_);
  double top = top_left.y;
  for (const LaidOutFinding& f : findings_) {
    const double baseline = top + kFindingFirstBaseline;
    if (variant_ == FindingVariant::Page) {
      canvas.draw(
          TextRun{{top_left.x, baseline}, std::to_string(f.item.rank), FontFace::Bold, f.rank_size_pt, style::kInk, 0});
    }
    draw_marker(canvas, f.item, top_left.x + off.marker, baseline);
    const double text_x = top_left.x + off.text;
    draw_rich_lines(canvas, f.sentence, text_x, baseline, style::kFinding.size, style::kFinding.leading, style::kInk);
    draw_rich_lines(canvas, f.why, text_x, top + f.why_first_baseline, style::kWhy.size, style::kWhy.leading,
                    style::kInk60);
    draw_rich_lines(canvas, f.notes, text_x, top + f.notes_first_baseline, style::kWhy.size, style::kWhy.leading,
                    style::kInk60);
    top += f.height + gap_;
  }
}

double measure_findings(const TextMeasurer& measurer, const std::vector<FindingItem>& items, double width_pt,
                        FindingVariant variant) {
  return FindingBlock(measurer, items, width_pt, variant).height();
}

double draw_findings(Canvas& canvas, const TextMeasurer& measurer, Point top_left,
                     const std::vector<FindingItem>& items, double width_pt, FindingVariant variant) {
  const FindingBlock block(measurer, items, width_pt, variant);
  block.draw(canvas, top_left);
  return block.height();
}

}  // namespace boardbrief::layout
