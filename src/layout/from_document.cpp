#include "layout/from_document.h"

#include "layout/roles.h"
#include "layout/style.h"

namespace boardbrief::layout {

namespace {

// Each element of `in` through `f`.
template <typename Out, typename In, typename F>
std::vector<Out> each(const std::vector<In>& in, F f) {
  std::vector<Out> out;
  out.reserve(in.size());
  for (const auto& x : in) out.push_back(f(x));
  return out;
}

Delta delta(const document::Delta& d) {
  Delta out;
  out.direction = direction(d.direction);
  out.tone = tone(d.role);
  out.value_text = d.value_text;
  out.comparison_text = d.comparison_text;
  return out;
}

ValueKind value_kind(document::SparkScale s) {
  switch (s) {
    case document::SparkScale::Share: return ValueKind::Share;
    case document::SparkScale::Score: return ValueKind::Score;
    case document::SparkScale::Count: break;
  }
  return ValueKind::Count;
}

TableCell table_cell(const document::TableCell& c) {
  TableCell out;
  out.text = c.text;
  out.bold = c.bold;
  if (c.role) out.color = text_colour(*c.role);
  if (!c.platform.empty()) out.swatch = style::platform_color(c.platform.c_str());
  if (c.bar) out.bar = TableBar{c.bar->fraction, c.bar->target, mark_colour(c.bar->role)};
  return out;
}

std::vector<TableCell> table_row(const std::vector<document::TableCell>& row) {
  return each<TableCell>(row, table_cell);
}

CategoryLabel category(const document::CategoryLabel& l) { return {l.label, l.year}; }

std::vector<CategoryLabel> categories(const std::vector<document::CategoryLabel>& labels) {
  return each<CategoryLabel>(labels, category);
}

// A platform's lines and columns keep its fixed colour; any other series takes its role's.
Color series_colour(const std::string& platform, document::Role role) {
  return platform.empty() ? mark_colour(role) : style::platform_color(platform.c_str());
}

}  // namespace

TileSpec tile_spec(const document::Tile& t) {
  TileSpec out;
  out.label = t.label;
  out.value = t.value;
  out.unit = t.unit;
  out.context = t.context;
  out.vs_prev = delta(t.vs_prev);
  out.vs_year = delta(t.vs_year);
  out.target_label = t.target_label;
  if (t.target_status) out.target_status = TargetStatus{t.target_status->text, tone(t.target_status->role)};
  out.provisional = t.provisional;
  out.provisional_text = t.provisional_text;
  out.spark = t.spark;
  out.kind = value_kind(t.scale);
  out.target = t.target;
  return out;
}

std::vector<TileSpec> tile_specs(const std::vector<document::Tile>& tiles) { return each<TileSpec>(tiles, tile_spec); }

std::vector<FindingItem> finding_items(const std::vector<document::FindingItem>& items) {
  return each<FindingItem>(items, [](const document::FindingItem& f) {
    return FindingItem{f.rank, direction(f.direction), tone(f.role), f.data_gap, f.sentence, f.why_lead, f.why_text,
                       f.notes};
  });
}

FindingVariant finding_variant(document::FindingVariant v) {
  return v == document::FindingVariant::Section ? FindingVariant::Section : FindingVariant::Page;
}

TableSpec table_spec(const document::TableSpec& spec) {
  TableSpec out;
  for (const auto& c : spec.columns)
    out.columns.push_back({c.header, c.width_pt, c.align == document::Align::Right ? Align::Right : Align::Left});
  out.rows = each<std::vector<TableCell>>(spec.rows, table_row);
  if (spec.total) out.total = table_row(*spec.total);
  out.names_lead = spec.names_lead;
  return out;
}

ChartTitle chart_title(const document::ChartTitle& title) {
  ChartTitle out;
  out.title = title.title;
  out.subtitle = title.subtitle;
  out.subtitle_inline = title.subtitle_inline;
  for (const auto& k : title.key) {
    KeyEntry e;
    e.kind = k.kind == document::KeyEntry::Kind::Line ? KeyEntry::Kind::Line : KeyEntry::Kind::Swatch;
    e.color = mark_colour(k.role);
    e.label = k.label;
    if (e.kind == KeyEntry::Kind::Line && k.role == document::Role::Target) e.dash = {2, 2};  // a level: dashed
    out.key.push_back(e);
  }
  return out;
}

// The time axis of a line or column chart: its months, the report period and the formatters.
template <typename Out, typename In>
void time_axis(Out& out, const In& spec) {
  out.categories = categories(spec.categories);
  out.report_index = spec.report_index;
  out.format = spec.format;
  out.axis_format = spec.axis_format;
}

LineChartSpec line_chart_spec(const document::LineChartSpec& spec) {
  LineChartSpec out;
  time_axis(out, spec);
  for (const auto& s : spec.series)
    out.series.push_back({s.name, s.values, series_colour(s.platform, s.role), s.ratio ? 1.1 : 1.4, s.marked,
                          s.missed});  // ratios in a finer line (docs/visual-rules.md, "Charts")
  out.reference = spec.reference;
  out.reference_label = spec.reference_label;
  out.allow_zoom = spec.allow_zoom;
  out.scale_span = spec.scale_span;
  return out;
}

TickFormatter line_end_label_format(const document::LineChartSpec& spec) {
  const LineChartSpec laid = line_chart_spec(spec);
  return tick_formatter(laid.format, laid.axis_format, line_chart_ticks(laid).hi(), 0);
}

ComboChartSpec combo_chart_spec(const document::ComboChartSpec& spec) {
  ComboChartSpec out;
  for (const auto& c : spec.categories)
    out.categories.push_back({category(c.label), c.answered, c.unanswered, c.provisional});
  out.report_index = spec.report_index;
  out.count_format = spec.count_format;
  out.share_format = spec.share_format;
  out.rate_label = spec.rate_label;
  out.unanswered_label = spec.unanswered_label;
  out.answered_label = spec.answered_label;
  out.answered_note = spec.answered_note;
  out.target_share = spec.target_share;
  out.target_label = spec.target_label;
  out.bracket_word = spec.bracket_word;
  out.no_data = spec.no_data;
  if (spec.compact) {  // the one-pager's page 1: same chart, shorter tiers (the page also holds the
                       // bottom line, each finding's action and the provenance, docs/decisions.md)
    out.geometry.rate_tier = 24;
    out.geometry.column_tier = 48;
  } else {  // page 2: a little shorter than the mock-up, so the table, the response-time chart
            // and what stands out fit on the same page as the chart
    out.geometry.rate_tier = 40;
    out.geometry.column_tier = 78;
  }
  out.geometry.tier_gap = 14;
  return out;
}

DailyChartSpec daily_chart_spec(const document::DailyChartSpec& spec) {
  DailyChartSpec out;
  for (const auto& d : spec.days) out.days.push_back({d.label, d.parts});
  for (auto role : spec.part_roles) out.part_colors.push_back(mark_colour(role));
  out.format = spec.format;
  out.axis_format = spec.axis_format;
  out.reference = spec.reference;
  for (const auto& a : spec.annotations) out.annotations.push_back({a.day, a.headline, a.detail});
  // Tall enough to read the ordinary days under a spike; page 1 still holds five findings, six
  // tiles, this chart and the provenance notes (docs/visual-rules.md, "Charts").
  if (spec.compact) out.plot_height = 56;
  return out;
}

ColumnChartSpec column_chart_spec(const document::ColumnChartSpec& spec) {
  ColumnChartSpec out;
  time_axis(out, spec);
  for (const auto& s : spec.series) out.series.push_back({s.name, s.values, style::platform_color(s.platform.c_str())});
  out.mode = spec.mode == document::ColumnMode::Stacked ? ColumnMode::Stacked : ColumnMode::Grouped;
  out.no_data = spec.no_data;
  out.min_step = spec.min_step;
  out.plot_height = 96;  // the posts chart: as tall as the line charts above it
  return out;
}

ShareBarSpec share_bar_spec(const document::ShareBarSpec& spec) {
  ShareBarSpec out;
  for (const auto& s : spec.segments) out.segments.push_back({s.name, s.value, share_role(s.role)});
  out.share_format = spec.share_format;
  out.no_data = spec.no_data;
  return out;
}

}  // namespace boardbrief::layout
