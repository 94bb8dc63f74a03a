#include "layout/compose.h"

#include <algorithm>
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

constexpr double kBlockGap = 20;          // G3: 20–28 pt between blocks (page 1 must hold G5)
constexpr double kHeadingToContent = 16;  // G3: heading rule to content 14–20 pt
constexpr double kFooterRuleFromBottom = 36;
constexpr double kFooterBaselineFromBottom = 26;
constexpr double kPage1Top = 126;             // below the title band's scope line
constexpr double kLaterPageTop = 62;          // below the running header
constexpr double kTableKeepWithHeading = 90;  // a table's title, header and three rows
constexpr double kFindingListGap = 6.5;       // G3: between list items
constexpr double kProvenanceGap = 12;         // F7: the block has its own rule, so less than G3's block gap
constexpr double kLogoWidth = 96;             // the logo's box on page 1, right of the title
constexpr double kLogoHeight = 32;
constexpr double kMaxChartStretch = 1.3;  // landscape charts: plot height grows with width up to this
constexpr double kWideContent = 640;      // content this wide (landscape) takes document::Columns side by side

// The page the template chose (A4 or Letter, either orientation); margins stay those of G1.
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

Path hline(double x0, double x1, double y, double width, Color c) {
  Path p;
  p.points = {{x0, y}, {x1, y}};
  p.stroke_color = c;
  p.line_width_pt = width;
  return p;
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

  double operator()(const document::SectionHeading& h) const {
    double baseline = kSectionHeading.size;
    // A note that does not fit beside the title (a heading in a column) goes under the rule,
    // wrapped, rather than cut off with an ellipsis.
    const double room = width - m.width(kSectionHeading.face, kSectionHeading.size, h.text) - kHeadingNoteGap;
    if (h.note.empty() || m.width(kHeadingNote.face, kHeadingNote.size, h.note) <= room) {
      double rule = draw_section_heading(c, m, {0, baseline}, width, h.text, h.note);
      return rule + kHeadingToContent;
    }
    double y = draw_section_heading(c, m, {0, baseline}, width, h.text, "") + 4;
    for (const auto& l : wrap_text(m, kHeadingNote.face, kHeadingNote.size, h.note, width)) {
      y += kHeadingNote.size;
      c.draw(run({0, y}, l.text, kHeadingNote, kInk60));
      y += kHeadingNote.leading - kHeadingNote.size;
    }
    return y + kHeadingToContent - 4;
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
    FindingBlock block(m, finding_items(f.items), list_width, variant);
    block.draw(c, {0, 0});
    return block.height();
  }
  double operator()(const document::TileGrid& g) const {
    // G2: tiles span four columns; a wider page (landscape) fits more per row.
    const int fit = std::max(1, static_cast<int>((width + kGutter) / (kTileWidth + kGutter) + 1e-6));
    if (g.per_row <= fit) return draw_tile_grid(c, m, 0, 0, tile_specs(g.tiles), g.per_row > 0 ? g.per_row : fit);
    // More per row than fit at the standard width (the one-pager's four): narrower tiles.
    std::vector<TileSpec> narrow = tile_specs(g.tiles);
    for (auto& t : narrow) t.width = (width - (g.per_row - 1) * kGutter) / g.per_row;
    return draw_tile_grid(c, m, 0, 0, narrow, g.per_row);
  }
  double operator()(const document::ComboChart& chart) const {
    ChartTitle t;
    t.title = chart.title;
    t.subtitle = chart.subtitle;
    double h = draw_chart_title(c, m, t, {0, 0}, width);
    h += 6;
    h += draw_combo_chart(c, m, combo_chart_spec(chart.spec), {0, h}, width);
    return h;
  }
  double operator()(const document::Paragraph& p) const {
    const TypeStyle& s = p.small ? kSmall : kFinding;
    auto lines = wrap_rich(m, s.size, parse_rich(p.text), width);
    draw_rich_lines(c, lines, 0, s.size, s.size, s.leading, p.small ? kInk60 : kInk);
    return static_cast<double>(lines.size()) * s.leading;
  }
  double operator()(const document::Provenance& p) const {
    // F7: a 0.5 pt ink20 rule, then label column 38 pt (Bold ink60) and text 7/9 ink60. The
    // appendix's block sits under its own heading's rule instead.
    if (!p.in_flow) c.draw(hline(0, width, 0, 0.5, kInk20));
    double y = p.in_flow ? 7 : 12;
    double label_w = 38;  // F7, widened when a label (the appendix's, Danish) needs more
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
    double h = draw_chart_title(c, m, chart_title(chart.title), {0, 0}, width) + 8;
    auto spec = daily_chart_spec(chart.spec);
    spec.plot_height *= aspect(width, kContentWidth);
    return h + draw_daily_columns(c, m, spec, {0, h}, width);
  }
  double operator()(const document::LineCharts& row) const {
    // G2: two charts take six columns each; one takes the full width.
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
    const double w = (width - kGutter) / 2;
    ChartTitle t;
    t.title = b.chart.title;
    t.subtitle = b.chart.subtitle;
    double left = draw_chart_title(c, m, t, {0, 0}, w) + 6;
    auto spec = line_chart_spec(b.chart.spec);
    spec.plot_height = kBesideChartHeight;
    left += draw_line_chart(c, m, spec, {0, left}, w);
    double right = 0;
    if (!b.items.empty()) {  // no title over an empty list
      ChartTitle lt;
      lt.title = b.list_title;
      right = draw_chart_title(c, m, lt, {w + kGutter, 0}, w) + 10;
      FindingBlock list(m, finding_items(b.items), w, FindingVariant::Section);
      list.draw(c, {w + kGutter, right});
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
  c.draw(rule);  // F1
  // F2: a long organisation name is shortened with "…" so it keeps clear of the document type.
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
  c.draw(run({x, 77}, ellipsize(m, kTitle.face, kTitle.size, b.title, title_w), kTitle, kInk));  // F3
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
  c.draw(hline(x, right, 47, 0.5, kInk20));
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
  c.draw(hline(x, right, rule_y, 0.5, kInk20));
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
template <typename NewPage>
void place_table(const document::Table& t, const TextMeasurer& m, const Geometry& g, ComposedDocument& out, double& y,
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
  // A table that would split but fits a fresh page whole goes there whole (T9 asks only that
  // long tables split).
  if (pieces.size() > 1 && !first_on_page) {
    auto whole = layout_table(m, spec, g.content_w(), next_room, next_room);
    if (whole.size() == 1) {
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

// One composition pass, with forced page breaks before the blocks in `break_before`; records
// the first and last page of every block and how far down the last page the content reaches.
struct Pass {
  ComposedDocument out;
  std::vector<int> first_page, last_page;
  std::vector<int> drawn_first, drawn_last;  // where the block's drawing is (ComposedDocument)
  double last_y = 0;
};

Pass compose_pass(const document::Document& doc, const TextMeasurer& m, const std::set<std::size_t>& break_before) {
  const Geometry g{doc.page.width_pt, doc.page.height_pt};
  Pass pass;
  pass.first_page.assign(doc.blocks.size(), -1);
  pass.last_page.assign(doc.blocks.size(), -1);
  pass.drawn_first.assign(doc.blocks.size(), -1);
  pass.drawn_last.assign(doc.blocks.size(), -1);
  ComposedDocument& out = pass.out;
  auto add_page = [&] {
    out.pages.emplace_back();
    out.pages.back().width_pt = g.page_w;
    out.pages.back().height_pt = g.page_h;
  };
  add_page();
  double y = kPage1Top;
  bool first_on_page = true;
  auto new_page = [&] {
    add_page();
    y = kLaterPageTop;
    first_on_page = true;
  };

  // Draw each block once at the origin to learn its height.
  struct Drawn {
    RecordingCanvas canvas;
    double height = 0;
  };
  // Columns (document::Columns) only where the page is wide enough: the right column holds two
  // tiles side by side, the left one the rest less a double gutter.
  const bool wide = g.content_w() >= kWideContent;
  const double right_w = 2 * kTileWidth + kGutter, left_w = g.content_w() - right_w - 2 * kGutter;
  std::vector<Drawn> drawn(doc.blocks.size());
  {
    double w = g.content_w();
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      if (const auto* cm = std::get_if<document::Columns>(&doc.blocks[i]); cm && wide)
        w = cm->mark == document::Columns::Mark::Begin  ? left_w
            : cm->mark == document::Columns::Mark::Next ? right_w
                                                        : g.content_w();
      drawn[i].height = std::visit(BlockDrawer{m, drawn[i].canvas, w}, doc.blocks[i]);
    }
  }
  enum class Column { None, Left, Right };
  Column column = Column::None;
  double x0 = kMarginLeft, columns_top = 0, left_bottom = 0;
  bool columns_first = false, spilling = false;
  std::size_t columns_page = 0;
  std::vector<std::size_t> spilled;  // column blocks that did not fit: after the columns, full width

  std::optional<std::size_t> deferred_provenance;
  bool provenance_moved = false;
  std::vector<std::size_t> order(doc.blocks.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (std::size_t n = 0; n < order.size() || deferred_provenance; ++n) {
    if (n == order.size()) {  // a moved provenance block goes last (even when it was the last)
      order.push_back(*deferred_provenance);
      deferred_provenance.reset();
    }
    const std::size_t i = order[n];
    const auto& block = doc.blocks[i];
    if (break_before.count(i) && !first_on_page) new_page();
    const int page_before = static_cast<int>(out.pages.size()) - 1;
    // The pages the block landed on, whichever way the loop body leaves (a table may start on
    // the page it found or the next; counting it from the one it found is the safe side).
    struct Mark {
      Pass& p;
      std::size_t i;
      int before;
      bool table;
      std::size_t items_before;  // on page `before`: a table that moved on left none there
      bool dropped = false;
      ~Mark() {
        const int now = static_cast<int>(p.out.pages.size()) - 1;
        p.first_page[i] = table ? before : now;
        p.last_page[i] = now;
        const bool drew_on_before = p.out.pages[static_cast<std::size_t>(before)].canvas.items().size() > items_before;
        p.drawn_first[i] = dropped ? -1 : table && !drew_on_before && before < now ? before + 1 : p.first_page[i];
        p.drawn_last[i] = dropped ? -1 : now;
      }
    } mark{pass, i, page_before, std::holds_alternative<document::Table>(block),
           out.pages.back().canvas.items().size()};
    if (std::holds_alternative<document::PageBreak>(block)) {
      if (!first_on_page || out.pages.size() == 1) new_page();
      continue;
    }
    if (const auto* cm = std::get_if<document::Columns>(&block)) {
      if (!wide) continue;
      if (cm->mark == document::Columns::Mark::Begin) {
        column = Column::Left;
        columns_top = y;
        columns_first = first_on_page;
        columns_page = out.pages.size();
      } else if (cm->mark == document::Columns::Mark::Next) {
        left_bottom = y;
        column = Column::Right;
        spilling = false;
        y = columns_top;
        first_on_page = columns_first;
        x0 = kMarginLeft + left_w + 2 * kGutter;
      } else {
        if (column == Column::Right) y = std::max(y, left_bottom);
        first_on_page = first_on_page && columns_first && y == columns_top;
        column = Column::None;
        x0 = kMarginLeft;
        for (std::size_t k : spilled) {
          drawn[k] = Drawn{};
          document::Block b = doc.blocks[k];
          // Page 1's daily chart is short to fit page 1; spilled, it has a page to itself.
          if (auto* daily = std::get_if<document::DailyChart>(&b)) daily->spec.compact = false;
          drawn[k].height = std::visit(BlockDrawer{m, drawn[k].canvas, g.content_w()}, b);
        }
        order.insert(order.begin() + static_cast<std::ptrdiff_t>(n) + 1, spilled.begin(), spilled.end());
        spilled.clear();
      }
      continue;
    }
    if (const auto* band = std::get_if<document::TitleBand>(&block)) {
      draw_title_band(out.pages.back().canvas, m, *band, g.content_w(), doc.page.logo);
      continue;
    }
    if (const auto* table = std::get_if<document::Table>(&block)) {
      place_table(*table, m, g, out, y, first_on_page, new_page);
      continue;
    }
    double h = drawn[i].height;
    const auto* prov = std::get_if<document::Provenance>(&block);
    if (prov && !prov->in_flow) {
      // F7: anchored just above the footer of the current page; when the page is full it goes
      // to the end of the document rather than onto a page of its own.
      double top = g.content_bottom() - h;
      if (top < y + kProvenanceGap && prov->essential_rows > 0) {
        // Shortened to its essential rows (the notes that explain the page's tags and the
        // source); the appendix, or the one-pager's JSON, holds the rest (docs/visual-rules.md).
        document::Provenance notes = *prov;
        notes.rows.resize(std::min(notes.rows.size(), prov->essential_rows));
        Drawn shorter;
        shorter.height = BlockDrawer{m, shorter.canvas, g.content_w()}(notes);
        if (g.content_bottom() - shorter.height >= y + kProvenanceGap) {
          drawn[i] = std::move(shorter);
          h = drawn[i].height;
          top = g.content_bottom() - h;
        }
      }
      if (top < y + kProvenanceGap && prov->droppable) {  // the appendix repeats it
        mark.dropped = true;
        continue;
      }
      if (top < y + kProvenanceGap && !provenance_moved) {
        deferred_provenance = i;
        provenance_moved = true;
        continue;
      }
      if (top < y) {
        new_page();
        top = g.content_bottom() - h;
      }
      append_translated(out.pages.back().canvas, drawn[i].canvas, kMarginLeft, top);
      y = g.content_bottom();
      first_on_page = false;
      continue;
    }
    // G6: a heading stays with its block, and a block that does not fit moves on.
    double need = h;
    if (std::holds_alternative<document::SectionHeading>(block) && i + 1 < doc.blocks.size())
      need += std::holds_alternative<document::Table>(doc.blocks[i + 1]) ? kTableKeepWithHeading : drawn[i + 1].height;
    double gap = first_on_page ? 0 : kBlockGap;
    if (const auto* para = std::get_if<document::Paragraph>(&block); para && para->tight) gap = first_on_page ? 0 : 3;
    if (const auto* list = std::get_if<document::FindingList>(&block); list && list->continues)
      gap = first_on_page ? 0 : kFindingListGap;
    if (std::holds_alternative<document::SectionOpening>(block)) gap = 0;
    // A chart pair right under a table: the table's note already ends in white space.
    if (std::holds_alternative<document::ChartBeside>(block) && i > 0 &&
        std::holds_alternative<document::Table>(doc.blocks[i - 1]) && !first_on_page)
      gap = 14;
    if (column != Column::None &&
        (spilling || out.pages.size() != columns_page || y + gap + need > g.content_bottom())) {
      spilling = true;  // the rest of this column follows it, in order
      spilled.push_back(i);
      continue;
    }
    if (!first_on_page && y + gap + need > g.content_bottom()) {
      new_page();
      gap = 0;
    }
    y += gap;
    if (const auto* h2 = std::get_if<document::SectionHeading>(&block); h2 && !h2->bookmark.empty())
      out.bookmarks.push_back({h2->bookmark, static_cast<int>(out.pages.size() - 1)});
    if (const auto* o = std::get_if<document::SectionOpening>(&block); o && !o->bookmark.empty())
      out.bookmarks.push_back({o->bookmark, static_cast<int>(out.pages.size() - 1)});
    double dy = std::holds_alternative<document::SectionOpening>(block) ? 74 : y;
    append_translated(out.pages.back().canvas, drawn[i].canvas, x0, dy);
    y = dy + h;
    // A heading's own gap to its content is inside its height.
    first_on_page = std::holds_alternative<document::SectionHeading>(block);
    if (std::holds_alternative<document::SectionOpening>(block)) first_on_page = false;
  }

  const std::size_t total = out.pages.size();
  for (std::size_t p = 0; p < total; ++p) {
    if (p > 0) draw_running_header(out.pages[p].canvas, m, doc.furniture, g);
    draw_footer(out.pages[p].canvas, m, doc.furniture, p + 1, total, g);
  }
  if (!doc.page.accent.empty()) recolour_accent(out.pages, hex(doc.page.accent.c_str()));
  pass.last_y = y;
  out.block_first_page = pass.drawn_first;
  out.block_last_page = pass.drawn_last;
  return pass;
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

}  // namespace

ComposedDocument compose(const document::Document& doc, const TextMeasurer& m) {
  Pass pass = compose_pass(doc, m, {});
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
    Pass again = compose_pass(doc, m, {j});
    if (again.out.pages.size() == pass.out.pages.size() && !lone_tail(again, doc)) return std::move(again.out);
  }
  return std::move(pass.out);
}

}  // namespace boardbrief::layout
