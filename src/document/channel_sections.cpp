#include "document/channel_sections.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <optional>

#include "analysis/kpis.h"
#include "analysis/stats.h"
#include "document/channel_groups.h"
#include "document/colour_rule.h"
#include "document/figure_names.h"
#include "document/names.h"
#include "document/partial_period.h"
#include "findings/kpi_findings.h"
// The one layout header here: end labels are registered as layout prints them (figures.h).
#include "layout/from_document.h"
#include "text/number_format.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

namespace {

using text::Language;
using Value = std::optional<double>;

series::Scope channel_scope(std::int64_t id) {
  series::Scope s;
  s.kind = series::Scope::Kind::Channel;
  s.channel_id = id;
  return s;
}

series::Scope platform_scope(const std::string& platform) {
  series::Scope s;
  s.kind = series::Scope::Kind::Platform;
  s.platform = platform;
  return s;
}

Value value_of(const BriefingInput& in, const std::string& metric, const series::Scope& scope, std::size_t period) {
  const auto* s = in.data.find(metric, scope);
  return s && period < s->values.size() ? s->values[period] : std::nullopt;
}

std::string missing() { return std::string(text::missing_cell()); }

std::string count_cell(Value v, Language lang) {
  return v ? text::format_integer(static_cast<std::int64_t>(std::llround(*v)), lang) : missing();
}

// A change of a count, only when both periods have a value and the old one is positive;
// coloured by the tiles' rule and gate (colour_rule.h, baseline `floor`).
TableCell change_cell(Value now, Value before, Language lang, model::Better better = model::Better::None,
                      double floor = 0) {
  TableCell c;
  c.role = Role::Neutral;
  c.text = now && before && *before > 0 ? text::format_percent_change(100.0 * (*now / *before - 1), lang) : missing();
  if (now && before && *before > 0 && c.text.find("\u00B1") == std::string::npos)
    c.role = change_role(analysis::count_change(now, before, floor).significant, *now - *before, better);
  return c;
}

// A table row's printed figures in the registry (docs/figures.md): scope from the row's
// series scope, "–" cells print none.
struct CellFigures {
  FigureNames N;
  std::string scope, scope_name;
  void value(const TableCell& c, const std::string& measure, const std::string& name, Value v) const {
    if (v && c.text != missing()) N.value(measure, name, scope, scope_name, *v, c.text);
  }
  void change(const TableCell& c, const std::string& measure, const std::string& name, Value v) const {
    if (v && c.text != missing()) N.change(N.previous, measure, name, scope, scope_name, *v, c.text);
  }
};

CellFigures cell_figures(const BriefingInput& in, const series::Scope& scope) {
  CellFigures f{in.names(), "all", ""};
  f.scope_name = f.N.all_own();
  for (const auto& c : in.data.channels)
    if (scope.kind == series::Scope::Kind::Channel && c.id == scope.channel_id) {
      f.scope = "channel:" + c.platform + ":" + c.handle;
      f.scope_name = channel_label(in.strings, in.data.channels, c);
    }
  return f;
}

Value pct_change(Value now, Value before) {
  return now && before && *before > 0 ? Value(100.0 * (*now / *before - 1)) : std::nullopt;
}

// A rate's change in points as pp_cell prints it: the difference of the values rounded to 0.1.
Value pp_change(Value now, Value before) {
  return now && before ? Value(std::round(*now * 1000) / 10 - std::round(*before * 1000) / 10) : std::nullopt;
}

// A sum over fewer days than its period has (missing days, appendix A): its change compares
// unequal spans, so the printed change carries a mark the table note explains.
bool short_of_days(const BriefingInput& in, const std::string& metric, const series::Scope& scope) {
  const auto* s = in.data.find(metric, scope);
  const auto& ps = in.data.periods;
  if (!s || s->days_with_data.size() <= ps.report) return false;
  for (std::size_t i : {ps.report, ps.previous})
    if (s->values[i] && s->days_with_data[i] < ps.all[i].days()) return true;
  return false;
}

void mark_short(TableCell& c, bool short_days, bool& any) {
  if (!short_days || c.text == missing()) return;
  c.text += "*";
  any = true;
}

// A change of a share in percentage points.
TableCell pp_cell(Value now, Value before, Language lang) {
  TableCell c;
  c.role = Role::Neutral;
  c.text = now && before ? text::format_signed(std::round(*now * 1000) / 10 - std::round(*before * 1000) / 10, 1, lang)
                         : missing();
  return c;
}

std::string rate_cell(Value v, Language lang) {
  return v ? text::format_percent(std::round(*v * 1000) / 10, lang) : missing();
}

// The opening of a section on a new page (docs/visual-rules.md).
void open_section(Document& doc, const BriefingInput& in, const std::string& key, std::string headline) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  doc.blocks.push_back(PageBreak{});
  SectionOpening o;
  o.kicker = text::to_upper(S.get(key + ".kicker"));
  o.bookmark = S.get(key + ".bookmark");
  o.headline = std::move(headline);
  o.subtitle = S.format(in.partial_period ? "partial_period." + key + "_subtitle" : key + ".subtitle",
                        {{"period", findings::period_since(ps.all[ps.report], lang)},
                         {"prev", findings::period_since(ps.all[ps.previous], lang)}});
  doc.blocks.push_back(std::move(o));
}

// Headline "{value} ..., {change} on {prev}" when the all-own-channels value exists in both
// periods, else the plain one.
std::string headline(const BriefingInput& in, const std::string& key, const std::string& metric) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  Value now = value_of(in, metric, series::Scope::all_own(), ps.report);
  Value before = value_of(in, metric, series::Scope::all_own(), ps.previous);
  std::string period = findings::period_in_sentence(ps.all[ps.report], lang);
  // A partial period: the value, but no change over the gap (data_quality.partial).
  if (now && in.partial_period)
    return S.format_sentence("partial_period." + key + "_headline",
                             {{"value", text::format_count(*now, lang)}, {"period", period}});
  if (!now || !before || *before <= 0) return S.format_sentence(key + ".headline_plain", {{"period", period}});
  // Registered for the section opening, the block pushed next (docs/figures.md).
  const FigureNames N = in.names();
  const std::string name = S.get("metric." + metric + ".label");
  const std::string value = text::format_count(*now, lang);
  const std::string change = text::format_percent_change(100.0 * (*now / *before - 1), lang);
  N.value(metric, name, "all", N.all_own(), *now, value);
  N.change(N.previous, metric, name, "all", N.all_own(), 100.0 * (*now / *before - 1), change);
  return S.format_sentence(key + ".headline", {{"value", value},
                                               {"change", change},
                                               {"period", period},
                                               {"prev", findings::period_in_sentence(ps.all[ps.previous], lang)}});
}

std::vector<const model::Channel*> own_channels(const BriefingInput& in) {
  std::vector<const model::Channel*> out;
  for (const auto& c : in.data.channels)
    if (c.owner == model::Owner::Own) out.push_back(&c);
  return out;
}

std::vector<const model::Channel*> competitor_channels(const BriefingInput& in) {
  std::vector<const model::Channel*> out;
  for (const auto& c : in.data.channels)
    if (c.owner == model::Owner::Competitor) out.push_back(&c);
  return out;
}

// The first window period the section charts show (the template's `periods`, latest last).
std::size_t first_charted(const BriefingInput& in) {
  const std::size_t n = in.data.periods.window_size;
  const auto want = static_cast<std::size_t>(std::clamp(in.chart_periods, 1, 13));
  return n > want ? n - want : 0;
}

// Month labels for a half-width chart of periods [first, window end): every third month is
// labelled counting back from the report period (Oct, Jan, Apr, Jul, Oct), as in the mock-up's
// response-time chart, so labels never run into each other; the year under the first and January.
std::vector<CategoryLabel> charted_labels(const BriefingInput& in, std::size_t first) {
  const auto& ps = in.data.periods;
  std::vector<CategoryLabel> out;
  for (std::size_t i = first; i < ps.window_size; ++i) {
    CategoryLabel l = category_label(ps.all[i], i == first, in.strings.language());
    if (i != first && (ps.window_size - 1 - i) % 3 != 0) l = {};
    out.push_back(l);
  }
  return out;
}

// Spike markers on monthly lines: a month whose value lies more than 3.5 robust z from the
// months before it (at least six of them; the method notes' threshold). Indices relative to `first`.
std::vector<std::size_t> unusual_periods(const std::vector<std::optional<double>>& values, std::size_t first,
                                         std::size_t end) {
  std::vector<std::size_t> out;
  std::vector<double> history;
  for (std::size_t i = 0; i < end && i < values.size(); ++i) {
    if (!values[i]) continue;
    if (i >= first && history.size() >= 6) {
      auto z = analysis::robust_z(history, *values[i]);
      if (z && std::abs(*z) > 3.5) out.push_back(i - first);
    }
    history.push_back(*values[i]);
  }
  return out;
}

// One line per platform, the three largest in the report period (at most three coloured
// lines), each in its platform colour; missing periods break the line (docs/visual-rules.md, "Charts").
// A line chart's end labels (the last value of each platform's line, as layout/chart_line.cpp
// prints it) in the registry, for the block pushed next.
void register_end_labels(const BriefingInput& in, const LineChartSpec& spec, std::size_t first,
                         const std::string& metric, const std::string& name) {
  const FigureNames N = in.names();
  for (std::size_t k = 0; k < spec.series.size(); ++k) {
    const auto& values = spec.series[k].values;
    for (std::size_t i = values.size(); i-- > 0;)
      if (values[i]) {
        // A platform with one own channel is that channel (the tables' row); with several, the
        // platform's own channels together, named so.
        std::vector<const model::Channel*> on;
        for (const auto& c : in.data.channels)
          if (c.owner == model::Owner::Own && platform_name(in.strings, c.platform) == spec.series[k].name)
            on.push_back(&c);
        const std::string scope =
            on.size() == 1 ? "channel:" + on[0]->platform + ":" + on[0]->handle : "platform:" + spec.series[k].name;
        const std::string scope_name =
            on.size() == 1 ? spec.series[k].name
                           : in.strings.format("figures.platform_scope", {{"platform", spec.series[k].name}});
        // In the axis's unit, as layout/chart_line.cpp prints end labels.
        const auto label = layout::line_end_label_format(spec);
        N.value_in(in.data.periods.all[first + i], metric, name, scope, scope_name, *values[i], label(*values[i]));
        break;
      }
  }
}

std::optional<LineCharts::Chart> platform_chart(const BriefingInput& in, const std::string& metric) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  LineCharts::Chart chart;
  std::string label_key = "metric." + metric + ".label";
  std::string label = S.contains(label_key) ? S.get(label_key) : metric;
  chart.title = S.format("audience.chart_title", {{"metric", label}});
  const auto* def = in.data.metric_def(metric);
  chart.subtitle =
      S.format(def && def->aggregation == model::Aggregation::Last ? "audience.chart_subtitle_last"
                                                                   : "audience.chart_subtitle_sum",
               {{"which", S.get(in.audience_platforms.empty() ? "audience.which_largest" : "audience.which_chosen")}});
  std::vector<std::pair<double, std::string>> platforms;
  for (const auto* c : own_channels(in)) {
    if (std::any_of(platforms.begin(), platforms.end(), [&](const auto& p) { return p.second == c->platform; }))
      continue;
    if (!in.audience_platforms.empty() && std::find(in.audience_platforms.begin(), in.audience_platforms.end(),
                                                    c->platform) == in.audience_platforms.end())
      continue;
    Value v = value_of(in, metric, platform_scope(c->platform), ps.report);
    if (v) platforms.emplace_back(*v, c->platform);
  }
  std::stable_sort(platforms.begin(), platforms.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (platforms.size() > 3) platforms.resize(3);
  auto& spec = chart.spec;
  const std::size_t first = first_charted(in);
  spec.categories = charted_labels(in, first);
  spec.report_index = spec.categories.size() - 1;
  spec.format = [lang](double v) { return text::format_compact(v, lang); };
  spec.axis_format = [lang](double v, double top, double step) { return text::format_axis_value(v, top, step, lang); };
  spec.allow_zoom = def && def->aggregation == model::Aggregation::Last;  // levels may zoom, sums start at 0
  for (const auto& [v, platform] : platforms) {
    LineSeries s;
    s.name = platform_name(S, platform);
    s.platform = platform;
    const auto* ms = in.data.find(metric, platform_scope(platform));
    for (std::size_t i = first; i < ps.window_size; ++i) s.values.push_back(ms ? ms->values[i] : std::nullopt);
    if (ms) s.marked = unusual_periods(ms->values, first, ps.window_size);
    // A partial report period is short of days, not unusual: no ring on it (data_quality.partial).
    if (in.partial_period) std::erase(s.marked, spec.report_index);
    spec.series.push_back(std::move(s));
  }
  if (spec.series.empty()) return std::nullopt;  // no data: no empty chart
  register_end_labels(in, spec, first, metric, label);
  for (const auto& s : spec.series)
    if (!s.marked.empty()) {
      chart.subtitle += " · " + S.get("audience.spike_note");
      break;
    }
  if (in.partial_period)  // first, so a long subtitle's ellipsis never hides it
    chart.subtitle =
        text::capitalise_first(S.format("partial_period.chart_note",
                                        {{"period", findings::period_short(ps.all[ps.report], lang, false)}})) +
        " · " + chart.subtitle;
  return chart;
}

// Whether any of `metrics` has a value for all own channels in the report period; a section
// without any is left out rather than shown as a page of dashes.
bool has_data(const BriefingInput& in, std::initializer_list<const char*> metrics) {
  for (const char* m : metrics)
    if (value_of(in, m, series::Scope::all_own(), in.data.periods.report)) return true;
  return false;
}

void make_bold(std::vector<TableCell>& cells) {
  for (auto& c : cells) c.bold = true;
}

// A channel's row: its label and platform swatch in the first cell.
std::vector<TableCell> channel_row(const BriefingInput& in, const model::Channel& c, std::vector<TableCell> cells) {
  cells[0].text = channel_label(in.strings, in.data.channels, c);
  cells[0].platform = c.platform;
  return cells;
}

// The bold "Total" row of all own channels.
void set_total(TableSpec& spec, std::vector<TableCell> cells, const text::Strings& S) {
  spec.total = std::move(cells);
  (*spec.total)[0].text = S.get("audience.total");
  make_bold(*spec.total);
}

// A metric of one row in one period: a scope's series, or a folded group of channels; and
// whether a metric's change runs over fewer days than the periods have (mark_short).
using Getter = std::function<Value(const std::string& metric, std::size_t period)>;
struct RowData {
  Getter get;
  std::function<bool(const std::string& metric)> short_days;
  CellFigures figures;  // how the row's printed figures are named in the registry
};

// The registry name of a folded row's figures: scope "others", named as the row is.
CellFigures others_figures(const BriefingInput& in, std::size_t n) {
  CellFigures f{in.names(), "others", others_label(in.strings, n)};
  return f;
}

RowData scope_row(const BriefingInput& in, series::Scope scope) {
  return {[&in, scope](const std::string& metric, std::size_t period) { return value_of(in, metric, scope, period); },
          [&in, scope](const std::string& metric) { return short_of_days(in, metric, scope); },
          cell_figures(in, scope)};
}

RowData group_row(const BriefingInput& in, std::vector<const model::Channel*> channels) {
  return {[&in, channels](const std::string& metric, std::size_t period) {
            return group_value(in.data, metric, channels, period);
          },
          [&in, channels](const std::string& metric) {
            return std::any_of(channels.begin(), channels.end(), [&](const model::Channel* c) {
              return short_of_days(in, metric, channel_scope(c->id));
            });
          },
          others_figures(in, channels.size())};
}

// The rows of a per-channel table: the largest own channels by `metric` in the report period
// one by one, then one "Other (n channels)" row for the rest (channel_groups.h).
void add_channel_rows(const BriefingInput& in, TableSpec& spec, const std::string& metric,
                      const std::function<std::vector<TableCell>(const RowData&)>& cells) {
  const auto& ps = in.data.periods;
  spec.names_lead = in.strings.get("channel_groups.names_lead");
  auto groups = group_channels(own_channels(in), [&](const model::Channel& c) {
    return value_of(in, metric, channel_scope(c.id), ps.report).value_or(-1);
  });
  for (const auto* c : groups.shown)
    spec.rows.push_back(channel_row(in, *c, cells(scope_row(in, channel_scope(c->id)))));
  if (groups.others.empty()) return;
  auto row = cells(group_row(in, groups.others));
  row[0].text = others_label(in.strings, groups.others.size());
  spec.rows.push_back(std::move(row));
}

}  // namespace

void add_audience_section(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  if (!has_data(in, {"followers", "reach", "impressions"})) return;
  open_section(doc, in, "audience", headline(in, "audience", "followers"));

  LineCharts row;
  for (const auto& metric : in.audience_metrics) {
    auto chart = platform_chart(in, metric);
    if (!chart) continue;
    row.charts.push_back(std::move(*chart));
    if (row.charts.size() == 2) {
      doc.blocks.push_back(std::move(row));
      row = LineCharts{};
    }
  }
  if (!row.charts.empty()) doc.blocks.push_back(std::move(row));

  Table t;
  t.title = S.format("audience.table_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  t.subtitle = S.format(in.partial_period ? "partial_period.audience_table_subtitle" : "audience.table_subtitle",
                        {{"prev", findings::period_since(ps.all[ps.previous], lang)}});
  std::string prev_short = findings::period_short(ps.all[ps.previous], lang, false);
  t.spec.columns = {{S.get("audience.col_channel"), 0, Align::Left},
                    {S.get("audience.col_followers"), 62, Align::Right},
                    {S.format("audience.col_vs", {{"period", prev_short}}), 46, Align::Right},
                    {S.get("audience.col_reach"), 70, Align::Right},
                    {S.format("audience.col_vs", {{"period", prev_short}}), 46, Align::Right},
                    {S.get("audience.col_impressions"), 70, Align::Right},
                    {S.get("audience.col_rate"), 56, Align::Right},
                    {S.format("audience.col_vs_pp", {{"period", prev_short}}), 52, Align::Right}};
  bool short_days = false;  // a change over fewer days than the period (mark_short)
  auto cells = [&](const RowData& d) {
    const Getter& get = d.get;
    std::vector<TableCell> r(8);
    Value f = get("followers", ps.report), f0 = get("followers", ps.previous);
    Value reach = get("reach", ps.report), reach0 = get("reach", ps.previous);
    Value rate = get("engagement_rate", ps.report);
    r[1].text = count_cell(f, lang);
    r[2] = change_cell(f, f0, lang, model::Better::Up, 100);
    r[3].text = count_cell(reach, lang);
    r[4] = change_cell(reach, reach0, lang, model::Better::Up, 100);
    mark_short(r[4], d.short_days("reach"), short_days);
    r[5].text = count_cell(get("impressions", ps.report), lang);
    r[6].text = rate_cell(rate, lang);
    r[7] = pp_cell(rate, get("engagement_rate", ps.previous), lang);
    const CellFigures& F = d.figures;
    F.value(r[1], "followers", S.get("metric.followers.label"), f);
    F.change(r[2], "followers", S.get("metric.followers.label"), pct_change(f, f0));
    F.value(r[3], "reach", S.get("metric.reach.label"), reach);
    F.change(r[4], "reach", S.get("metric.reach.label"), pct_change(reach, reach0));
    F.value(r[5], "impressions", S.get("metric.impressions.label"), get("impressions", ps.report));
    F.value(r[6], "engagement_rate", S.get("metric.engagement_rate.label"), rate);
    F.change(r[7], "engagement_rate", S.get("metric.engagement_rate.label"),
             pp_change(rate, get("engagement_rate", ps.previous)));
    return r;
  };
  add_channel_rows(in, t.spec, "followers", cells);
  set_total(t.spec, cells(scope_row(in, series::Scope::all_own())), S);
  t.note = S.get("audience.table_note");
  if (short_days && !in.partial_period) t.note += " " + S.get("figures.short_days_note");
  drop_change_columns(t, in, {2, 4, 7});
  doc.blocks.push_back(std::move(t));
}

// Posts per platform per month as grouped (or stacked) columns: the publishing effort behind
// the engagement lines above, platform by platform — the one input the organisation controls.
// Grouped reads best for comparing platforms month by month; stacked shows the total effort.
std::optional<ColumnChart> posts_chart(const BriefingInput& in) {
  if (in.engagement_chart == "none") return std::nullopt;
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  std::vector<std::pair<double, std::string>> platforms;
  for (const auto* c : own_channels(in)) {
    if (std::any_of(platforms.begin(), platforms.end(), [&](const auto& p) { return p.second == c->platform; }))
      continue;
    Value v = value_of(in, "posts", platform_scope(c->platform), ps.report);
    if (v) platforms.emplace_back(*v, c->platform);
  }
  std::stable_sort(platforms.begin(), platforms.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (platforms.empty()) return std::nullopt;
  if (in.engagement_chart == "grouped" && platforms.size() > 4) platforms.resize(4);  // readable groups
  ColumnChart chart;
  chart.title = S.get("layout_extra.posts_title");
  chart.subtitle = S.get(in.engagement_chart == "grouped" ? "layout_extra.posts_subtitle_grouped"
                                                          : "layout_extra.posts_subtitle_stacked");
  auto& spec = chart.spec;
  spec.mode = in.engagement_chart == "stacked" ? ColumnMode::Stacked : ColumnMode::Grouped;
  const std::size_t first = first_charted(in);
  spec.categories = charted_labels(in, first);
  spec.report_index = spec.categories.size() - 1;
  spec.format = [lang](double v) { return text::format_compact(v, lang); };
  spec.axis_format = [lang](double v, double top, double step) { return text::format_axis_value(v, top, step, lang); };
  spec.no_data = std::string(text::no_data(lang));
  spec.min_step = 1;
  for (const auto& [v, platform] : platforms) {
    ColumnSeries s;
    s.name = platform_name(S, platform);
    s.platform = platform;
    const auto* ms = in.data.find("posts", platform_scope(platform));
    for (std::size_t i = first; i < ps.window_size; ++i) s.values.push_back(ms ? ms->values[i] : std::nullopt);
    spec.series.push_back(std::move(s));
  }
  return chart;
}

void add_engagement_section(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  if (!has_data(in, {"engagements", "posts", "link_clicks"})) return;
  open_section(doc, in, "engagement", headline(in, "engagement", "engagements"));

  LineCharts charts;
  for (const char* metric : {"engagements", "link_clicks"})
    if (auto chart = platform_chart(in, metric)) charts.charts.push_back(std::move(*chart));
  if (!charts.charts.empty()) doc.blocks.push_back(std::move(charts));

  Table t;
  t.title = S.format("engagement.table_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  t.subtitle = S.format(in.partial_period ? "partial_period.engagement_table_subtitle" : "engagement.table_subtitle",
                        {{"prev", findings::period_since(ps.all[ps.previous], lang)}});
  std::string prev_short = findings::period_short(ps.all[ps.previous], lang, false);
  t.spec.columns = {{S.get("audience.col_channel"), 0, Align::Left},
                    {S.get("engagement.col_posts"), 44, Align::Right},
                    {S.get("engagement.col_engagements"), 62, Align::Right},
                    {S.format("audience.col_vs", {{"period", prev_short}}), 46, Align::Right},
                    {S.get("engagement.col_per_post"), 52, Align::Right},
                    {S.get("engagement.col_clicks"), 56, Align::Right},
                    {S.get("audience.col_rate"), 56, Align::Right},
                    {S.format("audience.col_vs_pp", {{"period", prev_short}}), 52, Align::Right}};
  bool short_days = false;  // a change over fewer days than the period (mark_short)
  auto cells = [&](const RowData& d) {
    const Getter& get = d.get;
    std::vector<TableCell> r(8);
    Value posts = get("posts", ps.report);
    Value e = get("engagements", ps.report), e0 = get("engagements", ps.previous);
    Value rate = get("engagement_rate", ps.report);
    r[1].text = count_cell(posts, lang);
    r[2].text = count_cell(e, lang);
    r[3] = change_cell(e, e0, lang, model::Better::Up, 30);
    mark_short(r[3], d.short_days("engagements"), short_days);
    r[4].text = e && posts && *posts > 0 ? text::format_decimal(*e / *posts, 0, lang) : missing();
    r[5].text = count_cell(get("link_clicks", ps.report), lang);
    r[6].text = rate_cell(rate, lang);
    r[7] = pp_cell(rate, get("engagement_rate", ps.previous), lang);
    const CellFigures& F = d.figures;
    F.value(r[1], "posts", S.get("metric.posts.label"), posts);
    F.value(r[2], "engagements", S.get("metric.engagements.label"), e);
    F.change(r[3], "engagements", S.get("metric.engagements.label"), pct_change(e, e0));
    F.value(r[4], "engagements_per_post", S.get("figures.engagements_per_post"),
            e && posts && *posts > 0 ? Value(*e / *posts) : std::nullopt);
    F.value(r[5], "link_clicks", S.get("metric.link_clicks.label"), get("link_clicks", ps.report));
    F.value(r[6], "engagement_rate", S.get("metric.engagement_rate.label"), rate);
    F.change(r[7], "engagement_rate", S.get("metric.engagement_rate.label"),
             pp_change(rate, get("engagement_rate", ps.previous)));
    return r;
  };
  add_channel_rows(in, t.spec, "engagements", cells);
  set_total(t.spec, cells(scope_row(in, series::Scope::all_own())), S);
  t.note = S.get("engagement.table_note");
  if (short_days && !in.partial_period) t.note += " " + S.get("figures.short_days_note");
  drop_change_columns(t, in, {3, 7});
  doc.blocks.push_back(std::move(t));
  if (auto posts = posts_chart(in)) doc.blocks.push_back(std::move(*posts));
}

// Share of voice in the report period as one 100 % bar: the own channels together, then the
// largest competitor channels by their mentions and one segment for the rest (channel_groups.h).
// The segments carry roles (own, competitor, other); layout colours and labels them. None when no
// competitor has mentions.
std::optional<ShareBar> share_of_voice_bar(const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  Value own = value_of(in, "mentions", series::Scope::all_own(), ps.report);
  std::vector<const model::Channel*> with_mentions;
  for (const auto* c : competitor_channels(in)) {
    Value v = value_of(in, "mentions", channel_scope(c->id), ps.report);
    if (v && *v > 0) with_mentions.push_back(c);
  }
  if (with_mentions.empty() || !own) return std::nullopt;  // no competitors: share of voice says nothing
  auto groups = group_channels(with_mentions, [&](const model::Channel& c) {
    return value_of(in, "mentions", channel_scope(c.id), ps.report).value_or(0);
  });
  ShareBar bar;
  bar.title = S.format("layout_extra.sov_bar_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  bar.subtitle = S.get("layout_extra.sov_bar_subtitle");
  bar.spec.segments.push_back({S.get("layout_extra.sov_own"), *own, Role::Own});
  for (const auto* c : groups.shown)
    bar.spec.segments.push_back({channel_label(S, in.data.channels, *c),
                                 value_of(in, "mentions", channel_scope(c->id), ps.report).value_or(0),
                                 Role::Competitor});
  if (!groups.others.empty())
    bar.spec.segments.push_back({others_label(S, groups.others.size()),
                                 group_value(in.data, "mentions", groups.others, ps.report).value_or(0), Role::Other});
  bar.spec.share_format = [lang](double v) { return text::format_fraction_as_percent(v, lang); };
  bar.spec.no_data = std::string(text::no_data(lang));
  return bar;
}

void add_sentiment_section(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  std::string period = findings::period_in_sentence(ps.all[ps.report], lang);
  const auto* all = in.data.find_dialogue(series::Scope::all_own());
  std::string head = S.format_sentence("sentiment.headline_plain", {{"period", period}});
  std::int64_t classified = 0;
  if (all) {
    const auto& p = all->periods[ps.report];
    classified = p.positive + p.negative + p.neutral;
    if (classified > 0)
      head = S.format_sentence(
          "sentiment.headline",
          {{"share", text::format_fraction_as_percent(static_cast<double>(p.negative) / classified, lang)},
           {"period", period}});
  }
  if (classified == 0 && !has_data(in, {"mentions"})) return;  // nothing to show
  open_section(doc, in, "sentiment", head);

  // Two trends over the window: the negative share of classified messages, and share of voice.
  auto share_chart = [&](const std::string& title, const std::string& subtitle, const std::string& name,
                         const std::vector<std::optional<double>>& values) {
    LineCharts::Chart c;
    c.title = title;
    c.subtitle = subtitle;
    c.spec.categories = charted_labels(in, first_charted(in));
    c.spec.report_index = c.spec.categories.size() - 1;
    c.spec.format = [lang](double v) { return text::format_fraction_as_percent(v, lang); };
    c.spec.allow_zoom = false;
    LineSeries s;
    s.name = name;
    s.values = values;
    s.ratio = true;
    c.spec.series = {s};
    return c;
  };
  std::vector<std::optional<double>> negative, voice;
  const auto* sov_series = in.data.find("share_of_voice", series::Scope::all_own());
  for (std::size_t i = first_charted(in); i < ps.window_size; ++i) {
    std::optional<double> neg;
    if (all) {
      const auto& p = all->periods[i];
      std::int64_t n = p.positive + p.negative + p.neutral;
      if (n > 0) neg = static_cast<double>(p.negative) / static_cast<double>(n);
    }
    negative.push_back(neg);
    voice.push_back(sov_series ? sov_series->values[i] : std::nullopt);
  }
  LineCharts trends;
  if (std::any_of(negative.begin(), negative.end(), [](const auto& v) { return v.has_value(); }))
    trends.charts.push_back(share_chart(S.get("sentiment_extra.negative_title"),
                                        S.get("sentiment_extra.negative_subtitle"),
                                        S.get("sentiment_extra.negative_name"), negative));
  if (std::any_of(voice.begin(), voice.end(), [](const auto& v) { return v.has_value(); }))
    trends.charts.push_back(share_chart(S.get("sentiment_extra.sov_title"), S.get("sentiment_extra.sov_subtitle"),
                                        S.get("sentiment_extra.sov_name"), voice));
  // A share-of-voice target on its chart (docs/decisions.md).
  for (const auto& k : in.kpis)
    if (k.metric == "share_of_voice" && k.target && !trends.charts.empty() &&
        trends.charts.back().spec.series.front().name == S.get("sentiment_extra.sov_name")) {
      auto& c = trends.charts.back();
      mark_target(c.spec, c.spec.series.front(), k.target->value, k.target->at_most,
                  S.format(k.target->at_most ? "decisions.chart_target_at_most" : "decisions.chart_target_at_least",
                           {{"value", text::format_fraction_as_percent(k.target->value, lang)}}));
    }
  // Both charts show shares, so they share one scale.
  double top = 0;
  for (const auto& c : trends.charts)
    for (const auto& v : c.spec.series.front().values) top = std::max(top, v.value_or(0));
  for (auto& c : trends.charts) c.spec.scale_span = std::make_pair(0.0, top);
  if (!trends.charts.empty()) doc.blocks.push_back(std::move(trends));
  if (auto bar = share_of_voice_bar(in)) doc.blocks.push_back(std::move(*bar));

  constexpr double kBarMax = 1.0;  // one fixed scale for the negative share
  Table t;
  t.title = S.format("sentiment.table_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  t.subtitle = S.get("sentiment.table_subtitle");
  t.spec.columns = {{S.get("audience.col_channel"), 0, Align::Left},
                    {S.get("sentiment.col_classified"), 60, Align::Right},
                    {S.get("sentiment.col_positive"), 56, Align::Right},
                    {S.get("sentiment.col_neutral"), 56, Align::Right},
                    {"", 56, Align::Left},
                    {S.get("sentiment.col_negative"), 56, Align::Right}};
  auto cells = [&](const series::DialoguePeriod& p, const CellFigures& F) {
    std::vector<TableCell> r(6);
    std::int64_t n = p.positive + p.negative + p.neutral;
    r[1].text = text::format_integer(n, lang);
    F.value(r[1], "classified", S.get("figures.classified"), static_cast<double>(n));
    auto share = [&](std::int64_t k) {
      return n > 0 ? text::format_fraction_as_percent(static_cast<double>(k) / n, lang) : missing();
    };
    r[2].text = share(p.positive);
    r[3].text = share(p.neutral);
    if (n > 0) {
      TableBar bar;
      bar.fraction = std::min(static_cast<double>(p.negative) / n / kBarMax, 1.0);
      bar.role = Role::Adverse;
      r[4].bar = bar;
    }
    r[5].text = share(p.negative);
    if (n > 0) {
      F.value(r[2], "positive_share", S.get("figures.positive_share"), static_cast<double>(p.positive) / n);
      F.value(r[3], "neutral_share", S.get("figures.neutral_share"), static_cast<double>(p.neutral) / n);
      F.value(r[5], "negative_share", S.get("figures.negative_share"), static_cast<double>(p.negative) / n);
    }
    return r;
  };
  t.spec.names_lead = S.get("channel_groups.names_lead");
  std::vector<const model::Channel*> with_dialogue;
  for (const auto* c : own_channels(in))
    if (in.data.find_dialogue(channel_scope(c->id))) with_dialogue.push_back(c);
  auto groups = group_channels(with_dialogue, [&](const model::Channel& c) {
    const auto& p = in.data.find_dialogue(channel_scope(c.id))->periods[ps.report];
    return static_cast<double>(p.positive + p.negative + p.neutral);
  });
  for (const auto* c : groups.shown)
    t.spec.rows.push_back(channel_row(in, *c,
                                      cells(in.data.find_dialogue(channel_scope(c->id))->periods[ps.report],
                                            cell_figures(in, channel_scope(c->id)))));
  if (!groups.others.empty()) {
    auto row = cells(group_dialogue(in.data, groups.others, ps.report), others_figures(in, groups.others.size()));
    row[0].text = others_label(S, groups.others.size());
    t.spec.rows.push_back(std::move(row));
  }
  if (all) set_total(t.spec, cells(all->periods[ps.report], cell_figures(in, series::Scope::all_own())), S);
  t.note = S.format("sentiment.table_note", {{"max", text::format_percent(100, lang)},
                                             {"positive", text::format_signed(0.05, 2, lang)},
                                             {"negative", text::format_signed(-0.05, 2, lang)},
                                             {"low", text::format_signed(-1, 0, lang)},
                                             {"high", text::format_signed(1, 0, lang)}});
  doc.blocks.push_back(std::move(t));

  // Share of voice: own channels against each competitor, bars on one 0–100 % scale.
  Value own = value_of(in, "mentions", series::Scope::all_own(), ps.report);
  Value own0 = value_of(in, "mentions", series::Scope::all_own(), ps.previous);
  Value market = value_of(in, "mentions", series::Scope{series::Scope::Kind::Market, "", 0}, ps.report);
  Value market0 = value_of(in, "mentions", series::Scope{series::Scope::Kind::Market, "", 0}, ps.previous);
  if (!market || *market <= 0) return;
  Table sov;
  sov.title = S.format("sentiment.sov_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  sov.subtitle = S.format(in.partial_period ? "partial_period.sov_subtitle" : "sentiment.sov_subtitle",
                          {{"prev", findings::period_since(ps.all[ps.previous], lang)}});
  std::string prev_short = findings::period_short(ps.all[ps.previous], lang, false);
  sov.spec.columns = {{S.get("sentiment.col_name"), 0, Align::Left},
                      {S.get("sentiment.col_mentions"), 62, Align::Right},
                      {"", 56, Align::Left},
                      {S.get("sentiment.col_share"), 48, Align::Right},
                      {S.format("audience.col_vs_pp", {{"period", prev_short}}), 56, Align::Right}};
  auto sov_row = [&](Value m, Value m0, Role role, bool own_row, const CellFigures& F) {
    std::vector<TableCell> r(5);
    r[1].text = count_cell(m, lang);
    Value share = m ? Value(*m / *market) : std::nullopt;
    Value share0 = m0 && market0 && *market0 > 0 ? Value(*m0 / *market0) : std::nullopt;
    if (share) {
      TableBar bar;
      bar.fraction = std::clamp(*share, 0.0, 1.0);
      bar.role = role;
      r[2].bar = bar;
      r[3].text = text::format_fraction_as_percent(*share, lang);
    } else {
      r[3].text = missing();
    }
    r[4].role = Role::Neutral;  // shares are integers (docs/visual-rules.md), so are their changes
    r[4].text = share && share0 ? text::format_signed(std::round(*share * 100) - std::round(*share0 * 100), 0, lang)
                                : missing();
    // The share-of-voice tile's gate (3 points) and colour for the own row; a competitor's
    // share has no better direction for us.
    if (share && share0 && own_row)
      r[4].role = change_role(std::fabs(*share - *share0) >= 0.03, std::round(*share * 100) - std::round(*share0 * 100),
                              model::Better::Up);
    F.value(r[1], "mentions", S.get("metric.mentions.label"), m);
    F.value(r[3], "share_of_voice", S.get("metric.share_of_voice.label"), share);
    F.change(r[4], "share_of_voice", S.get("metric.share_of_voice.label"),
             share && share0 ? Value(std::round(*share * 100) - std::round(*share0 * 100)) : std::nullopt);
    return r;
  };
  auto own_cells = sov_row(own, own0, Role::Own, true, cell_figures(in, series::Scope::all_own()));
  own_cells[0].text = S.get("sentiment.own_row");
  own_cells[0].bold = true;
  sov.spec.rows.push_back(std::move(own_cells));
  sov.spec.names_lead = S.get("channel_groups.names_lead");
  auto rivals = group_channels(competitor_channels(in), [&](const model::Channel& c) {
    return value_of(in, "mentions", channel_scope(c.id), ps.report).value_or(-1);
  });
  for (const auto* c : rivals.shown) {
    auto r = sov_row(value_of(in, "mentions", channel_scope(c->id), ps.report),
                     value_of(in, "mentions", channel_scope(c->id), ps.previous), Role::Competitor, false,
                     cell_figures(in, channel_scope(c->id)));
    r[0].text = channel_label(S, in.data.channels, *c);
    sov.spec.rows.push_back(std::move(r));
  }
  if (!rivals.others.empty()) {
    auto r = sov_row(group_value(in.data, "mentions", rivals.others, ps.report),
                     group_value(in.data, "mentions", rivals.others, ps.previous), Role::Competitor, false,
                     others_figures(in, rivals.others.size()));
    r[0].text = others_label(S, rivals.others.size());
    sov.spec.rows.push_back(std::move(r));
  }
  sov.note = S.format("sentiment.sov_note", {{"max", text::format_percent(100, lang)}});
  if (const VoiceScope v = voice_scope(S, in.data.channels); v.unequal())
    sov.note += " " + S.format("figures.sov_scope_note", {{"own", text::format_integer(v.own_platforms, lang)},
                                                          {"platforms", v.competitor_names}});
  drop_change_columns(sov, in, {4});
  doc.blocks.push_back(std::move(sov));
}

}  // namespace boardbrief::document
