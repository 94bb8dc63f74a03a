#include "layout/compose.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <type_traits>

#include "layout/chart_line.h"
#include "layout/chart_title.h"
#include "layout/from_document.h"
#include "layout/heading.h"
#include "layout/kpi_tile.h"
#include "layout/rich_text.h"
#include "layout/style.h"
#include "layout/table.h"
#include "layout/text_wrap.h"

namespace boardbrief::layout {

namespace {

using namespace style;

constexpr double kBlockGap = 20;          // 20–28 pt between blocks ("Page and grid")
constexpr double kHeadingToContent = 16;  // heading rule to content: 14–20 pt (docs/visual-rules.md)
constexpr double kTightHeadingToContent = 14;
constexpr double kFooterRuleFromBottom = 36;
constexpr double kFooterBaselineFromBottom = 26;
constexpr double kPage1Top = 126;             // below the title band's scope line
constexpr double kLaterPageTop = 62;          // below the running header
constexpr double kTableKeepWithHeading = 90;  // a table's title, header and three rows
constexpr double kFindingListGap = 6.5;       // between list items
constexpr double kProvenanceGap = 12;         // the block has its own rule, so less than a block gap
constexpr double kLogoWidth = 96;             // the logo's box on page 1, right of the title
constexpr double kLogoHeight = 32;
constexpr double kMaxChartStretch = 1.3;     // landscape charts: plot height grows with width up to this
constexpr double kWideContent = 640;         // content this wide (landscape) takes document::Columns side by side
constexpr double kPage1ChartMin = 60;        // page 1's daily chart: not lower than this while the notes fit
constexpr double kPage1ChartFloor = 56;      // and never lower than this (its height before it was sized)
constexpr double kPage1ChartPreferred = 88;  // the mock-up's proportion, before the source rows
constexpr double kPage1ChartMax = 112;       // grown into spare room up to this
constexpr double kTightBlockGap = 14;        // a full page 1: gaps between blocks, before the chart, a list's line
constexpr double kTightChartGap = 8;
constexpr double kTightListLineGap = 6;
constexpr double kTightFindingGap = 3.5;
constexpr double kTightTileRowPitch = 96;  // the tile's last line (its target) still clears the next rule
constexpr double kTightProvenanceGap = 6;
constexpr double kTightFooterReach = 6;    // a full page 1's notes may come this much nearer the footer rule
constexpr double kNarrowRightGutter = 56;  // a line chart beside a findings list, in five columns
constexpr double kMinChartScale = 0.66;    // an elastic chart keeps at least this share of its plot height

// The page the template chose (A4 or Letter, either orientation); margins stay those of docs/visual-rules.md, "Page and grid".
struct Geometry {
  double page_w = kPageWidth, page_h = kPageHeight;
  double content_w() const { return page_w - kMarginLeft - kMarginRight; }
  double content_bottom() const { return page_h - kFooterRuleFromBottom - 14; }
};

TextRun run(Point at, std::string text, const TypeStyle& s, Color c) {
  TextRun r;
  r.at = at;
  r.text = std::move(text);
  r.face = s.face;
  r.size_pt = s.size;
  r.color = c;
  return r;
}

// How much taller a chart drawn `width` wide gets than at the portrait width it was designed
// for, so a landscape chart keeps a readable aspect ratio instead of turning flat (capped: the
// page is also less tall).
double aspect(double width, double portrait_width) { return std::clamp(width / portrait_width, 1.0, kMaxChartStretch); }

// Draws one block at the origin; returns its height. Blocks that need the page (title band,
// provenance) are handled by the composer itself.
struct BlockDrawer {
  const TextMeasurer& m;
  RecordingCanvas& c;
  double width;
  bool tight = false;  // on a full page 1: the smaller gaps (docs/visual-rules.md, "Page 1 notes")
  // The pass's chart sizes: charts scaled by `chart_scale`, page 1's daily chart at
  // `page1_chart` when set; a spilled daily chart has a page to itself, at least full height.
  double chart_scale = 1;
  std::optional<double> page1_chart;
  bool spilled = false;
  double to_content() const { return tight ? kTightHeadingToContent : kHeadingToContent; }

  double operator()(const document::SectionHeading& h) const {
    double baseline = kSectionHeading.size;
    // A note that does not fit beside the title (a heading in a column) goes under the rule,
    // wrapped, rather than cut off with an ellipsis.
    const double room = width - m.width(kSectionHeading.face, kSectionHeading.size, h.text) - kHeadingNoteGap;
    if (h.note.empty() || m.width(kHeadingNote.face, kHeadingNote.size, h.note) <= room) {
      double rule = draw_section_heading(c, m, {0, baseline}, width, h.text, h.note);
      return rule + to_content();
    }
    double y = draw_section_heading(c, m, {0, baseline}, width, h.text, "") + 4;
    for (const auto& l : wrap_text(m, kHeadingNote.face, kHeadingNote.size, h.note, width)) {
      y += kHeadingNote.size;
      c.draw(run({0, y}, l.text, kHeadingNote, kInk60));
      y += kHeadingNote.leading - kHeadingNote.size;
    }
    return y + to_content() - 4;
  }
  double operator()(const document::SectionOpening& o) const {
    draw_kicker(c, {0, 0}, o.kicker, kAccent);
    auto lines = wrap_text(m, kHeadline.face, kHeadline.size, o.headline, width);
    double y = 22;
    for (const auto& l : lines) {
      c.draw(run({0, y}, l.text, kHeadline, kInk));
      y += kHeadline.leading;
    }
    y -= kHeadline.leading;
    TypeStyle sub{FontFace::Regular, 8.5, 11};
    auto sublines = wrap_text(m, sub.face, sub.size, o.subtitle, width);
    y += 15;
    for (const auto& l : sublines) {
      c.draw(run({0, y}, l.text, sub, kInk60));
      y += sub.leading;
    }
    return y + 4;
  }
  double operator()(const document::FindingList& f) const {
    if (f.items.empty()) {
      auto lines = wrap_rich(m, kFinding.size, parse_rich(f.empty_text), width);
      draw_rich_lines(c, lines, 0, kFinding.size, kFinding.size, kFinding.leading, kInk);
      return static_cast<double>(lines.size()) * kFinding.leading + 4;
    }
    const FindingVariant variant = finding_variant(f.variant);
    double list_width = variant == FindingVariant::Page ? width : span(6);
    FindingBlock block(m, finding_items(f.items), list_width, variant, tight ? kTightFindingGap : kFindingGap);
    block.draw(c, {0, 0});
    return block.height();
  }
  double operator()(const document::TileGrid& g) const {
    // Tiles span four grid columns; a wider page (landscape) fits more per row.
    const int fit = std::max(1, static_cast<int>((width + kGutter) / (kTileWidth + kGutter) + 1e-6));
    const double pitch = tight ? kTightTileRowPitch : kTileRowPitch;
    if (g.per_row <= fit)
      return draw_tile_grid(c, m, 0, 0, tile_specs(g.tiles), g.per_row > 0 ? g.per_row : fit, pitch);
    // More per row than fit at the standard width (the one-pager's four): narrower tiles.
    std::vector<TileSpec> narrow = tile_specs(g.tiles);
    for (auto& t : narrow) t.width = (width - (g.per_row - 1) * kGutter) / g.per_row;
    return draw_tile_grid(c, m, 0, 0, narrow, g.per_row, pitch);
  }
  double operator()(const document::ComboChart& chart) const {
    ChartTitle t;
    t.title = chart.title;
    t.subtitle = chart.subtitle;
    double h = draw_chart_title(c, m, t, {0, 0}, width);
    h += 6;
    auto spec = combo_chart_spec(chart.spec);
    spec.geometry.column_tier *= chart_scale;
    h += draw_combo_chart(c, m, spec, {0, h}, width);
    return h;
  }
  double operator()(const document::Paragraph& p) const {
    const TypeStyle& s = p.small ? kSmall : kFinding;
    auto lines = wrap_rich(m, s.size, parse_rich(p.text), width);
    draw_rich_lines(c, lines, 0, s.size, s.size, s.leading, p.small ? kInk60 : kInk);
    return static_cast<double>(lines.size()) * s.leading;
  }
  double operator()(const document::Provenance& p) const {
    // A 0.5 pt ink20 rule, then label column 38 pt (Bold ink60) and text 7/9 ink60. The
    // appendix's block sits under its own heading's rule instead.
    if (!p.in_flow) c.draw(horizontal_rule(0, width, 0, kInk20, 0.5));
    double y = p.in_flow ? 7 : tight ? 9 : 12;
    double label_w = 38;  // widened when a label (the appendix's, Danish) needs more
    for (const auto& row : p.rows) label_w = std::max(label_w, m.width(FontFace::Bold, 7, row.first) + 6);
    for (const auto& [label, text] : p.rows) {
      c.draw(run({0, y}, label, {FontFace::Bold, 7, 9}, kInk60));
      auto lines = wrap_text(m, FontFace::Regular, 7, text, width - label_w);
      for (const auto& l : lines) {
        c.draw(run({label_w, y}, l.text, kFurniture, kInk60));
        y += kFurniture.leading;
      }
      if (lines.empty()) y += kFurniture.leading;
    }
    return y - kFurniture.leading + 3;
  }
  double operator()(const document::DailyChart& chart) const {
    double h = draw_chart_title(c, m, chart_title(chart.title), {0, 0}, width) + (tight ? 5 : 8);
    auto spec = daily_chart_spec(chart.spec);
    spec.plot_height = page1_chart ? *page1_chart : spec.plot_height * chart_scale;
    if (spilled) spec.plot_height = std::max(spec.plot_height, DailyChartSpec{}.plot_height);
    spec.plot_height *= aspect(width, kContentWidth);
    return h + draw_daily_columns(c, m, spec, {0, h}, width);
  }
  double operator()(const document::LineCharts& row) const {
    // Two charts take six grid columns each; one takes the full width.
    const std::size_t n = row.charts.size();
    const double w = n > 1 ? (width - kGutter) / 2 : width;
    double tallest = 0;
    for (std::size_t k = 0; k < n && k < 2; ++k) {
      const auto& chart = row.charts[k];
      const double x = static_cast<double>(k) * (w + kGutter);
      ChartTitle t;
      t.title = chart.title;
      t.subtitle = chart.subtitle;
      double h = draw_chart_title(c, m, t, {x, 0}, w) + 6;
      auto spec = line_chart_spec(chart.spec);
      spec.plot_height *= chart_scale;
      spec.plot_height *= aspect(w, n > 1 ? (kContentWidth - kGutter) / 2 : kContentWidth);
      h += draw_line_chart(c, m, spec, {x, h}, w);
      tallest = std::max(tallest, h);
    }
    return tallest;
  }
  double operator()(const document::ColumnChart& chart) const {
    ChartTitle t;
    t.title = chart.title;
    t.subtitle = chart.subtitle;
    double h = draw_chart_title(c, m, t, {0, 0}, width) + 6;
    auto spec = column_chart_spec(chart.spec);
    spec.plot_height *= chart_scale;
    spec.plot_height *= aspect(width, kContentWidth);
    return h + draw_column_chart(c, m, spec, {0, h}, width);
  }
  double operator()(const document::ShareBar& bar) const {
    ChartTitle t;
    t.title = bar.title;
    t.subtitle = bar.subtitle;
    double h = draw_chart_title(c, m, t, {0, 0}, width) + 6;
    return h + draw_share_bar(c, m, share_bar_spec(bar.spec), {0, h}, width);
  }
  double operator()(const document::ChartBeside& b) const {
    // Half and half; a list much taller than the chart takes seven of the twelve columns when
    // that makes the pair lower, so the section keeps to its page (docs/visual-rules.md).
    double best = beside(b, 6, nullptr);
    if (!b.items.empty() && beside(b, 5, nullptr) < best - 1) return beside(b, 5, &c);
    return beside(b, 6, &c);
  }
  // The chart in `columns` of the 12, the list in the rest; draws on `canvas` when given.
  double beside(const document::ChartBeside& b, int columns, RecordingCanvas* canvas) const {
    RecordingCanvas scratch;
    RecordingCanvas& out = canvas ? *canvas : scratch;
    const double w = (width + kGutter) * columns / 12 - kGutter, list_w = width - w - kGutter;
    ChartTitle t;
    t.title = b.chart.title;
    t.subtitle = b.chart.subtitle;
    double left = draw_chart_title(out, m, t, {0, 0}, w) + 6;
    LineChartSpec spec = line_chart_spec(b.chart.spec);
    spec.plot_height = kBesideChartHeight * chart_scale;
    // Narrowed, the chart keeps its plot wide enough for the year labels: the end labels
    // ("1 h 57 min", "median") need less than the standard right gutter.
    if (columns < 6) spec.right_gutter = std::min(spec.right_gutter, kNarrowRightGutter);
    left += draw_line_chart(out, m, spec, {0, left}, w);
    double right = 0;
    if (!b.items.empty()) {  // no title over an empty list
      ChartTitle lt;
      lt.title = b.list_title;
      right = draw_chart_title(out, m, lt, {w + kGutter, 0}, list_w) + 10;
      FindingBlock list(m, finding_items(b.items), list_w, FindingVariant::Section);
      list.draw(out, {w + kGutter, right});
      right += list.height();
    }
    return std::max(left, right);
  }
  double operator()(const document::Table&) const { return 0; }  // placed piece by piece
  double operator()(const document::TitleBand&) const { return 0; }
  double operator()(const document::PageBreak&) const { return 0; }
  double operator()(const document::Columns&) const { return 0; }
};

void draw_title_band(Canvas& c, const TextMeasurer& m, const document::TitleBand& b, double width,
                     const std::string& logo) {
  const double x = kMarginLeft;
  Rect rule;
  rule.x = x;
  rule.y = 32;
  rule.w = width;
  rule.h = 3;
  rule.fill_color = kAccent;
  c.draw(rule);  // the accent rule across the content width
  // A long organisation name is shortened with "…" so it keeps clear of the document type.
  const double type_w = kicker_width(m, b.doc_type);
  draw_kicker(c, {x, 51}, fit_kicker(m, b.org_kicker, width - type_w - kGutter), kAccent);
  draw_kicker(c, {x + width - type_w, 51}, b.doc_type, kInk60);
  // The template's logo, top right under the document type; the title keeps clear of it.
  double title_w = width;
  if (!logo.empty()) {
    Image img;
    img.x = x + width - kLogoWidth;
    img.y = 58;
    img.w = kLogoWidth;
    img.h = kLogoHeight;
    img.file = logo;
    c.draw(img);
    title_w -= kLogoWidth + kGutter;
  }
  c.draw(run({x, 77}, ellipsize(m, kTitle.face, kTitle.size, b.title, title_w), kTitle, kInk));
  c.draw(run({x, 96}, b.period, kPeriod, kAccent));
  double after = x + m.width(kPeriod.face, kPeriod.size, b.period) + 6;
  c.draw(run({after, 96}, ellipsize(m, kComparison.face, kComparison.size, b.comparison, x + width - after),
             kComparison, kInk60));
  c.draw(run({x, 109.5}, ellipsize(m, FontFace::Regular, 8, b.scope, width), {FontFace::Regular, 8, 10}, kInk60));
}

void draw_running_header(Canvas& c, const TextMeasurer& m, const document::Furniture& f, const Geometry& g) {
  const double x = kMarginLeft, right = kMarginLeft + g.content_w();
  TypeStyle bold{FontFace::Bold, 7, 9};
  // The period stays whole on the right; a long organisation name gives way first ("…"), then
  // the document title, so the three never overlap.
  const double period_w = m.width(FontFace::Bold, 7, f.header_period);
  const double room = std::max(0.0, g.content_w() - period_w - kGutter);
  const double title_full = m.width(kFurniture.face, kFurniture.size, f.header_title);
  const std::string org = ellipsize(m, FontFace::Bold, 7, f.header_org, std::max(room / 2, room - title_full - 4));
  const double w = org.empty() ? 0 : m.width(FontFace::Bold, 7, org) + 4;
  c.draw(run({x, 42}, org, bold, kInk));
  c.draw(
      run({x + w, 42}, ellipsize(m, kFurniture.face, kFurniture.size, f.header_title, room - w), kFurniture, kInk60));
  c.draw(run({right - period_w, 42}, f.header_period, bold, kAccent));
  c.draw(horizontal_rule(x, right, 47, kInk20, 0.5));
}

std::string page_label(const std::string& pattern, std::size_t n, std::size_t total) {
  std::string s = pattern;
  auto put = [&s](const std::string& key, const std::string& v) {
    auto pos = s.find(key);
    if (pos != std::string::npos) s.replace(pos, key.size(), v);
  };
  put("{n}", std::to_string(n));
  put("{total}", std::to_string(total));
  return s;
}

void draw_footer(Canvas& c, const TextMeasurer& m, const document::Furniture& f, std::size_t n, std::size_t total,
                 const Geometry& g) {
  const double x = kMarginLeft, right = kMarginLeft + g.content_w();
  const double rule_y = g.page_h - kFooterRuleFromBottom, base = g.page_h - kFooterBaselineFromBottom;
  c.draw(horizontal_rule(x, right, rule_y, kInk20, 0.5));
  std::string page = page_label(f.page_pattern, n, total);
  double page_w = m.width(FontFace::Regular, 7, page);
  double centre_w = m.width(FontFace::Regular, 7, f.footer_centre);
  c.draw(run({x, base}, ellipsize(m, FontFace::Regular, 7, f.footer_left, g.content_w() / 2 - centre_w / 2 - 8),
             kFurniture, kInk60));
  c.draw(run({x + g.content_w() / 2 - centre_w / 2, base}, f.footer_centre, kFurniture, kInk60));
  c.draw(run({right - page_w, base}, page, kFurniture, kInk60));
}

// A table goes piece by piece: its title stays with the first piece, the header repeats
// on every page, and the note follows the last piece.
// Returns how many points the whole table lacked on the page it found when it moved on from
// there without a row (0 when it started there).
template <typename NewPage>
double place_table(const document::Table& t, const TextMeasurer& m, const Geometry& g, ComposedDocument& out, double& y,
                   bool& first_on_page, NewPage&& new_page) {
  RecordingCanvas title_canvas;
  ChartTitle ct;
  ct.title = t.title;
  ct.subtitle = t.subtitle;
  ct.subtitle_inline = true;
  double title_h = t.title.empty() ? 0 : draw_chart_title(title_canvas, m, ct, {0, 0}, g.content_w()) + 6;
  const TableSpec spec = table_spec(t.spec);
  const std::string legend = table_names_legend(m, spec, g.content_w());
  const std::string note = legend.empty() ? t.note : t.note.empty() ? legend : legend + "\n" + t.note;
  auto note_lines = wrap_text(m, kSmall.face, kSmall.size, note, g.content_w());
  double note_h = note_lines.empty() ? 0 : 6 + static_cast<double>(note_lines.size()) * kSmall.leading;
  double gap = first_on_page ? 0 : kBlockGap;
  double first_room = g.content_bottom() - (y + gap) - title_h;
  double next_room = g.content_bottom() - kLaterPageTop - title_h - note_h;
  auto pieces = layout_table(m, spec, g.content_w(), first_room - note_h, next_room);
  // A table that would split but fits a fresh page whole goes there whole (only long tables
  // split, docs/visual-rules.md "Tables").
  double lacked = 0;
  if (pieces.size() > 1 && !first_on_page) {
    auto whole = layout_table(m, spec, g.content_w(), next_room, next_room);
    if (whole.size() == 1) {
      lacked = whole.front().height_pt - (first_room - note_h);
      new_page();
      pieces = std::move(whole);
    }
  }
  bool titled = false;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const auto& piece = pieces[k];
    if (piece.empty()) {
      new_page();
      continue;
    }
    if (k > 0 && titled) new_page();
    if (!titled) {
      y += first_on_page ? 0 : kBlockGap;
      append_translated(out.pages.back().canvas, title_canvas, kMarginLeft, y);
      y += title_h;
      titled = true;
    }
    RecordingCanvas c;
    double h = draw_table_piece(c, m, spec, piece, {0, 0}, g.content_w());
    append_translated(out.pages.back().canvas, c, kMarginLeft, y);
    y += h;
    first_on_page = false;
  }
  if (!note_lines.empty()) {
    y += 6;
    for (const auto& l : note_lines) {
      y += kSmall.size;
      out.pages.back().canvas.draw(run({kMarginLeft, y}, l.text, kSmall, kInk60));
      y += kSmall.leading - kSmall.size;
    }
  }
  return lacked;
}

// The template's accent replaces the default accent in every primitive (it means "the report
// period" and the organisation); the tint behind the report period follows at the same lightness.
void recolour_accent(std::vector<PageDrawing>& pages, Color accent) {
  auto tint = [](Color c) {
    auto mix = [](std::uint8_t v) { return static_cast<std::uint8_t>(v + (255 - v) * 0.88 + 0.5); };
    return Color{mix(c.r), mix(c.g), mix(c.b)};
  };
  const Color new_tint = tint(accent);
  auto swap = [&](Color& c) {
    if (c == kAccent)
      c = accent;
    else if (c == kAccentTint)
      c = new_tint;
  };
  for (auto& page : pages) {
    RecordingCanvas recoloured;
    for (Primitive p : page.canvas.items()) {
      std::visit(
          [&](auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, TextRun>)
              swap(v.color);
            else if constexpr (std::is_same_v<T, Path> || std::is_same_v<T, Rect> || std::is_same_v<T, Circle>) {
              swap(v.fill_color);
              swap(v.stroke_color);
            }
          },
          p);
      recoloured.draw(p);
    }
    page.canvas = std::move(recoloured);
  }
}

}  // namespace

void append_translated(Canvas& dst, const RecordingCanvas& src, double dx, double dy) {
  for (Primitive p : src.items()) {
    std::visit(
        [&](auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, TextRun>) {
            v.at.x += dx;
            v.at.y += dy;
          } else if constexpr (std::is_same_v<T, Path>) {
            for (auto& pt : v.points) {
              pt.x += dx;
              pt.y += dy;
            }
          } else if constexpr (std::is_same_v<T, Circle>) {
            v.center.x += dx;
            v.center.y += dy;
          } else if constexpr (std::is_same_v<T, Rect> || std::is_same_v<T, ClipBegin> || std::is_same_v<T, Image>) {
            v.x += dx;
            v.y += dy;
          }
        },
        p);
    dst.draw(p);
  }
}

namespace {

// What a pass is run with: the choices compose() makes between passes (docs/visual-rules.md,
// "Pages that scale" and "Page 1 notes").
struct Tuning {
  std::set<std::size_t> break_before;         // forced page breaks
  std::map<std::size_t, double> chart_scale;  // block -> factor on its charts' plot heights
  std::optional<double> page1_chart;          // plot height of page 1's daily chart
  bool tight_page1 = false;                   // page 1's smaller gaps (a full page 1)
};

// A block that did not fit where it came and moved to the next page.
struct Overflow {
  std::size_t block = 0;
  int page = 0;  // the page it left
  double deficit = 0;
};

// One composition pass: the pages, and per block the first and last page it is on.
struct Pass {
  ComposedDocument out;
  std::vector<int> first_page, last_page;
  std::vector<int> drawn_first, drawn_last;  // where the block's drawing is (ComposedDocument)
  double last_y = 0;
  std::optional<std::size_t> page1_chart;  // the daily chart, when it is on page 1
  bool page1_notes = false;                // page 1's provenance block is on page 1
  double page1_room = 0;                   // room left above it (negative: what it lacked)
  std::vector<Overflow> overflows;
};

// How many points a block's charts can give up (down to kMinChartScale); 0 for other blocks.
double elastic_room(const document::Block& b) {
  return std::visit(
      [](const auto& v) -> double {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, document::ComboChart>) {
          return combo_chart_spec(v.spec).geometry.column_tier * (1 - kMinChartScale);
        } else if constexpr (std::is_same_v<T, document::LineCharts>) {
          double h = 0;
          for (const auto& c : v.charts) h = std::max(h, line_chart_spec(c.spec).plot_height);
          return h * (1 - kMinChartScale);
        } else if constexpr (std::is_same_v<T, document::ColumnChart>) {
          return column_chart_spec(v.spec).plot_height * (1 - kMinChartScale);
        } else {
          return 0.0;
        }
      },
      b);
}

// Lays the blocks out top to bottom: a heading stays with its block, a block that does not fit
// moves to the next page, page 1's provenance sits above the footer, and landscape pages take
// document::Columns side by side.
class Composer {
 public:
  Composer(const document::Document& doc, const TextMeasurer& m, const Tuning& t)
      : doc_(doc), m_(m), t_(t), g_{doc.page.width_pt, doc.page.height_pt} {
    page1_notes_ = doc.blocks.size();
    for (std::size_t i = 0; i < doc.blocks.size() && page1_notes_ == doc.blocks.size(); ++i)
      if (const auto* p = std::get_if<document::Provenance>(&doc.blocks[i]); p && !p->in_flow) page1_notes_ = i;
  }

  Pass run() {
    const std::size_t n = doc_.blocks.size();
    pass_.first_page.assign(n, -1);
    pass_.last_page.assign(n, -1);
    pass_.drawn_first.assign(n, -1);
    pass_.drawn_last.assign(n, -1);
    add_page();
    draw_blocks();
    order_.resize(n);
    for (std::size_t i = 0; i < n; ++i) order_[i] = i;
    for (std::size_t k = 0; k < order_.size() || deferred_; ++k) {
      if (k == order_.size()) {  // a moved provenance block goes last (even when it was the last)
        order_.push_back(*deferred_);
        deferred_.reset();
      }
      place(k, order_[k]);
    }
    finish();
    return std::move(pass_);
  }

 private:
  struct Drawn {
    RecordingCanvas canvas;
    double height = 0;
  };
  enum class Column { None, Left, Right };

  double right_w() const { return 2 * kTileWidth + kGutter; }
  double left_w() const { return g_.content_w() - right_w() - 2 * kGutter; }
  // Columns (document::Columns) only where the page is wide enough.
  bool wide() const { return g_.content_w() >= kWideContent; }
  std::size_t page() const { return pass_.out.pages.size() - 1; }
  RecordingCanvas& canvas() { return pass_.out.pages.back().canvas; }

  void add_page() {
    pass_.out.pages.emplace_back();
    pass_.out.pages.back().width_pt = g_.page_w;
    pass_.out.pages.back().height_pt = g_.page_h;
  }
  void new_page() {
    add_page();
    y_ = kLaterPageTop;
    first_on_page_ = true;
  }

  Drawn draw_block(std::size_t i, double width, bool spilled = false) const {
    auto scale = t_.chart_scale.find(i);
    Drawn d;
    BlockDrawer drawer{m_, d.canvas, width, t_.tight_page1 && !spilled && i < page1_notes_, 1.0, std::nullopt, false};
    drawer.chart_scale = scale == t_.chart_scale.end() ? 1.0 : scale->second;
    // Page 1's daily chart is short to fit page 1; spilled, it has a page to itself.
    drawer.page1_chart = spilled ? std::nullopt : t_.page1_chart;
    drawer.spilled = spilled;
    d.height = std::visit(drawer, doc_.blocks[i]);
    return d;
  }

  // Each block once at the origin, to learn its height.
  void draw_blocks() {
    double w = g_.content_w();
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      if (const auto* cm = std::get_if<document::Columns>(&doc_.blocks[i]); cm && wide())
        w = cm->mark == document::Columns::Mark::Begin  ? left_w()
            : cm->mark == document::Columns::Mark::Next ? right_w()
                                                        : g_.content_w();
      drawn_.push_back(draw_block(i, w));
    }
  }

  // Records the pages block `i` landed on (a table may start on the page it found or the
  // next; counting it from the one it found is the safe side).
  void record(std::size_t i, int before, std::size_t items_before, bool dropped) {
    const int now = static_cast<int>(page());
    const bool table = std::holds_alternative<document::Table>(doc_.blocks[i]);
    pass_.first_page[i] = table ? before : now;
    pass_.last_page[i] = now;
    const bool drew_on_before = pass_.out.pages[static_cast<std::size_t>(before)].canvas.items().size() > items_before;
    pass_.drawn_first[i] = dropped ? -1 : table && !drew_on_before && before < now ? before + 1 : pass_.first_page[i];
    pass_.drawn_last[i] = dropped ? -1 : now;
  }

  void place(std::size_t k, std::size_t i) {
    const auto& block = doc_.blocks[i];
    if (t_.break_before.count(i) && !first_on_page_) new_page();
    const int before = static_cast<int>(page());
    const std::size_t items_before = canvas().items().size();
    bool dropped = false;
    if (std::holds_alternative<document::PageBreak>(block)) {
      if (!first_on_page_ || pass_.out.pages.size() == 1) new_page();
    } else if (const auto* cm = std::get_if<document::Columns>(&block)) {
      if (wide()) column_mark(*cm, k);
    } else if (const auto* band = std::get_if<document::TitleBand>(&block)) {
      draw_title_band(canvas(), m_, *band, g_.content_w(), doc_.page.logo);
    } else if (const auto* table = std::get_if<document::Table>(&block)) {
      const double lacked = place_table(*table, m_, g_, pass_.out, y_, first_on_page_, [this] { new_page(); });
      if (lacked > 0) pass_.overflows.push_back({i, before, lacked});
    } else if (const auto* prov = std::get_if<document::Provenance>(&block); prov && !prov->in_flow) {
      dropped = place_page_notes(i, *prov);
    } else {
      place_flow(i);
    }
    record(i, before, items_before, dropped);
  }

  void column_mark(const document::Columns& cm, std::size_t k) {
    if (cm.mark == document::Columns::Mark::Begin) {
      column_ = Column::Left;
      columns_top_ = y_;
      columns_first_ = first_on_page_;
      columns_page_ = pass_.out.pages.size();
    } else if (cm.mark == document::Columns::Mark::Next) {
      left_bottom_ = y_;
      column_ = Column::Right;
      spilling_ = false;
      y_ = columns_top_;
      first_on_page_ = columns_first_;
      x0_ = kMarginLeft + left_w() + 2 * kGutter;
    } else {
      if (column_ == Column::Right) y_ = std::max(y_, left_bottom_);
      first_on_page_ = first_on_page_ && columns_first_ && y_ == columns_top_;
      column_ = Column::None;
      x0_ = kMarginLeft;
      for (std::size_t s : spilled_) drawn_[s] = draw_block(s, g_.content_w(), true), respilled_.insert(s);
      order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(k) + 1, spilled_.begin(), spilled_.end());
      spilled_.clear();
    }
  }

  // Page 1's provenance, anchored just above the footer (docs/visual-rules.md, "Page 1 notes"):
  // whole, or shortened to its essential rows (the notes and the source, whose counts the figure
  // registry records for page 1); only when even those do not fit is it left to the appendix
  // (or, without one, moved to the end). True when left out.
  bool place_page_notes(std::size_t i, const document::Provenance& prov) {
    const bool tight = t_.tight_page1 && page() == 0;
    const double gap = tight ? kTightProvenanceGap : kProvenanceGap;
    const double bottom = g_.content_bottom() + (tight ? kTightFooterReach : 0);
    std::vector<std::size_t> sizes{prov.rows.size()};
    if (prov.essential_rows > 0) sizes.push_back(std::min(prov.rows.size(), prov.essential_rows));
    Drawn chosen;
    double top = 0;
    for (std::size_t rows : sizes) {
      document::Provenance shorter = prov;
      shorter.rows.resize(rows);
      chosen = Drawn{};
      chosen.height = BlockDrawer{m_, chosen.canvas, g_.content_w(), tight, 1.0, std::nullopt, false}(shorter);
      top = bottom - chosen.height;
      if (top >= y_ + gap) break;
    }
    if (page() == 0) {
      pass_.page1_room = top - (y_ + gap);
      pass_.page1_notes = top >= y_ + gap;
    }
    if (top < y_ + gap) {  // nothing fits here: the whole block, wherever it goes
      chosen = drawn_[i];
      top = bottom - chosen.height;
    }
    if (top < y_ + gap && prov.droppable) return true;  // the appendix repeats it
    if (top < y_ + gap && !provenance_moved_) {
      deferred_ = i;
      provenance_moved_ = true;
      return false;
    }
    if (top < y_) {
      new_page();
      top = bottom - chosen.height;
    }
    append_translated(canvas(), chosen.canvas, kMarginLeft, top);
    y_ = g_.content_bottom();
    first_on_page_ = false;
    return false;
  }

  // The space above block `i`.
  double gap_before(std::size_t i) const {
    const auto& block = doc_.blocks[i];
    if (first_on_page_ || std::holds_alternative<document::SectionOpening>(block)) return 0;
    if (const auto* para = std::get_if<document::Paragraph>(&block); para && para->tight) return 3;
    if (const auto* list = std::get_if<document::FindingList>(&block); list && list->continues) return kFindingListGap;
    // A chart pair right under a table: the table's note already ends in white space.
    if (std::holds_alternative<document::ChartBeside>(block) && i > 0 &&
        std::holds_alternative<document::Table>(doc_.blocks[i - 1]))
      return 14;
    if (t_.tight_page1 && page() == 0) {
      // The line of resolved findings under the list reads with it.
      if (std::holds_alternative<document::Paragraph>(block) && i > 0 &&
          std::holds_alternative<document::FindingList>(doc_.blocks[i - 1]))
        return kTightListLineGap;
      return std::holds_alternative<document::DailyChart>(block) ? kTightChartGap : kTightBlockGap;
    }
    return kBlockGap;
  }

  // A block in the flow; a heading stays with its block, and a block that does not fit moves on.
  void place_flow(std::size_t i) {
    const auto& block = doc_.blocks[i];
    const double h = drawn_[i].height;
    double need = h;
    if (std::holds_alternative<document::SectionHeading>(block) && i + 1 < doc_.blocks.size())
      need +=
          std::holds_alternative<document::Table>(doc_.blocks[i + 1]) ? kTableKeepWithHeading : drawn_[i + 1].height;
    double gap = gap_before(i);
    if (column_ != Column::None &&
        (spilling_ || pass_.out.pages.size() != columns_page_ || y_ + gap + need > g_.content_bottom())) {
      spilling_ = true;  // the rest of this column follows it, in order
      spilled_.push_back(i);
      return;
    }
    if (!first_on_page_ && y_ + gap + need > g_.content_bottom()) {
      pass_.overflows.push_back({i, static_cast<int>(page()), y_ + gap + need - g_.content_bottom()});
      new_page();
      gap = 0;
    }
    y_ += gap;
    std::string bookmark;
    if (const auto* h2 = std::get_if<document::SectionHeading>(&block)) bookmark = h2->bookmark;
    if (const auto* o = std::get_if<document::SectionOpening>(&block)) bookmark = o->bookmark;
    if (!bookmark.empty()) pass_.out.bookmarks.push_back({bookmark, static_cast<int>(page())});
    const bool opening = std::holds_alternative<document::SectionOpening>(block);
    const double dy = opening ? 74 : y_;
    append_translated(canvas(), drawn_[i].canvas, x0_, dy);
    y_ = dy + h;
    if (std::holds_alternative<document::DailyChart>(block) && page() == 0 && !respilled_.count(i))
      pass_.page1_chart = i;
    // A heading's own gap to its content is inside its height.
    first_on_page_ = std::holds_alternative<document::SectionHeading>(block);
  }

  void finish() {
    auto& out = pass_.out;
    const std::size_t total = out.pages.size();
    for (std::size_t p = 0; p < total; ++p) {
      if (p > 0) draw_running_header(out.pages[p].canvas, m_, doc_.furniture, g_);
      draw_footer(out.pages[p].canvas, m_, doc_.furniture, p + 1, total, g_);
    }
    if (!doc_.page.accent.empty()) recolour_accent(out.pages, hex(doc_.page.accent.c_str()));
    pass_.last_y = y_;
    out.block_first_page = pass_.drawn_first;
    out.block_last_page = pass_.drawn_last;
  }

  const document::Document& doc_;
  const TextMeasurer& m_;
  const Tuning& t_;
  const Geometry g_;
  std::size_t page1_notes_;  // page 1's provenance block: the blocks before it are page 1's
  Pass pass_;
  std::vector<Drawn> drawn_;
  std::vector<std::size_t> order_;
  double y_ = kPage1Top;
  bool first_on_page_ = true;
  Column column_ = Column::None;
  double x0_ = kMarginLeft, columns_top_ = 0, left_bottom_ = 0;
  bool columns_first_ = false, spilling_ = false;
  std::size_t columns_page_ = 0;
  std::vector<std::size_t> spilled_;  // column blocks that did not fit: after the columns, full width
  std::set<std::size_t> respilled_;   // those, drawn again at full width
  std::optional<std::size_t> deferred_;
  bool provenance_moved_ = false;
};

Pass compose_pass(const document::Document& doc, const TextMeasurer& m, const Tuning& t) {
  return Composer(doc, m, t).run();
}

// The blocks that open the last page, when they are a short tail (less than a third of the
// page, e.g. the appendix's closing provenance alone) after a page that held other blocks:
// the index of the first of them; nothing when the last page is fine.
std::optional<std::size_t> lone_tail(const Pass& p, const document::Document& doc) {
  const int last = static_cast<int>(p.out.pages.size()) - 1;
  if (last < 1) return std::nullopt;
  const Geometry g{doc.page.width_pt, doc.page.height_pt};
  if (p.last_y - kLaterPageTop > (g.content_bottom() - kLaterPageTop) / 3) return std::nullopt;
  std::optional<std::size_t> first;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    if (p.last_page[i] == last && p.first_page[i] < last) return std::nullopt;  // a table runs on
    const auto* prov = std::get_if<document::Provenance>(&doc.blocks[i]);
    if (p.first_page[i] == last && !first && !(prov && !prov->in_flow)) first = i;  // page 1's moved one aside
  }
  return first && *first > 0 ? first : std::nullopt;
}

// Page 1's daily chart as tall as page 1 allows with its notes: the tallest height from the
// mock-up's proportion down to the minimum at which the notes fit (with page 1's smaller gaps
// when the normal ones leave no room), then grown into what room is left.
Tuning fit_page1(const document::Document& doc, const TextMeasurer& m, Tuning t) {
  if (std::none_of(doc.blocks.begin(), doc.blocks.end(),
                   [](const document::Block& b) { return std::holds_alternative<document::DailyChart>(b); }))
    return t;
  for (bool tight : {false, true}) {
    t.tight_page1 = tight;
    // Below the minimum only as a last resort (the notes are never dropped), never below the
    // height before the chart was sized to the page.
    for (double h = kPage1ChartPreferred; h >= (tight ? kPage1ChartFloor : kPage1ChartMin) - 1e-9; h -= 4) {
      t.page1_chart = h;
      Pass p = compose_pass(doc, m, t);
      if (!p.page1_chart || !p.page1_notes) continue;
      if (p.page1_room > 0) t.page1_chart = std::min(kPage1ChartMax, h + p.page1_room);
      if (p.page1_room > 0 && !compose_pass(doc, m, t).page1_notes) t.page1_chart = h;
      return t;
    }
  }
  t.tight_page1 = true;
  t.page1_chart = kPage1ChartMin;  // even so the notes do not fit: the minimum chart, notes as before
  return t;
}

// The start of the section holding block `i` (a page break or a section opening) and its end
// (exclusive).
std::pair<std::size_t, std::size_t> section_of(const document::Document& doc, std::size_t i) {
  auto opens = [&](std::size_t k) {
    return std::holds_alternative<document::PageBreak>(doc.blocks[k]) ||
           std::holds_alternative<document::SectionOpening>(doc.blocks[k]);
  };
  std::size_t begin = i, end = i + 1;
  while (begin > 0 && !opens(begin)) --begin;
  while (end < doc.blocks.size() && !opens(end)) ++end;
  return {begin, end};
}

// A section whose last blocks spill onto a page of their own that stays less than half full:
// the charts above them on the page they left give up height (each down to kMinChartScale) so
// the blocks stay (docs/visual-rules.md, "Pages that scale"). Tried once per spill, in order.
Tuning fit_sections(const document::Document& doc, const TextMeasurer& m, Tuning t) {
  std::set<std::size_t> tried;
  for (int round = 0; round < 8; ++round) {
    const Pass p = compose_pass(doc, m, t);
    bool changed = false;
    for (const Overflow& o : p.overflows) {
      if (o.page == 0 || tried.count(o.block)) continue;
      tried.insert(o.block);
      const auto [begin, end] = section_of(doc, o.block);
      if (p.last_page[end - 1] != o.page + 1) continue;  // the section runs on past the next page
      if (end < doc.blocks.size() && p.first_page[end] == o.page + 1) continue;
      std::vector<std::size_t> charts;
      double room = 0;
      for (std::size_t k = begin; k <= o.block; ++k)
        if (p.first_page[k] == o.page && elastic_room(doc.blocks[k]) > 0)
          charts.push_back(k), room += elastic_room(doc.blocks[k]);
      if (room < o.deficit || charts.empty()) continue;
      Tuning again = t;
      const double share = o.deficit / room + 0.02;
      for (std::size_t k : charts) again.chart_scale[k] = 1 - share * (1 - kMinChartScale);
      const Pass q = compose_pass(doc, m, again);
      if (q.out.pages.size() < p.out.pages.size() && q.first_page[o.block] == o.page) {
        t = again;
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return t;
}

}  // namespace

ComposedDocument compose(const document::Document& doc, const TextMeasurer& m) {
  Tuning t = fit_sections(doc, m, fit_page1(doc, m, {}));
  Pass pass = compose_pass(doc, m, t);
  // A short closing block alone on the last page (a widow, e.g. "F · Provenance") takes the
  // last blocks of the page before with it: the nearest earlier break that keeps a heading with
  // its block and does not add a page, preferring a section heading (the whole last section
  // moves). The page before then ends a little early, which reads better than a lone block.
  auto tail = lone_tail(pass, doc);
  if (!tail) return std::move(pass.out);
  const int prev = static_cast<int>(pass.out.pages.size()) - 2;
  std::vector<std::size_t> candidates;
  for (std::size_t j = *tail; j-- > 0;) {
    if (j == 0 || pass.first_page[j] != prev || pass.first_page[j - 1] != prev) break;  // the page's first block
    if (std::holds_alternative<document::SectionHeading>(doc.blocks[j - 1])) continue;  // a heading stays with it
    candidates.push_back(j);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
    return std::holds_alternative<document::SectionHeading>(doc.blocks[a]) >
           std::holds_alternative<document::SectionHeading>(doc.blocks[b]);
  });
  for (std::size_t j : candidates) {
    Tuning with_break = t;
    with_break.break_before = {j};
    Pass again = compose_pass(doc, m, with_break);
    if (again.out.pages.size() == pass.out.pages.size() && !lone_tail(again, doc)) return std::move(again.out);
  }
  return std::move(pass.out);
}

}  // namespace boardbrief::layout
