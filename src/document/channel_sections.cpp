#include "document/channel_sections.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <optional>

#include "analysis/kpis.h"
#include "analysis/stats.h"
#include "document/channel_groups.h"
#include "document/channel_rows.h"
#include "document/colour_rule.h"
#include "document/figure_names.h"
#include "document/names.h"
#include "document/partial_period.h"
#include "document/section_parts.h"
#include "findings/finding.h"
#include "findings/phrasing.h"
#include "model/metric_keys.h"
// The one layout header here: end labels are registered as layout prints them (figures.h).
#include "layout/from_document.h"
#include "text/number_format.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

namespace {

namespace mk = model::metric_key;
using text::Language;

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

// A section's per-channel table, titled from the language file's `key` table and printed by
// the columns `columns_of` gives, its rows the largest own channels by `metric`. The change
// columns set the flag they get when a change ran over fewer days than its periods (marked "*",
// and the note says so).
Table section_table(const BriefingInput& in, const std::string& key, const std::string& metric,
                    ColumnList<RowData> (*columns_of)(const BriefingInput&, bool* short_days)) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto& ps = in.data.periods;
  Table t;
  t.title = S.format(key + ".table_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  t.subtitle = S.format(in.partial_period ? "partial_period." + key + "_table_subtitle" : key + ".table_subtitle",
                        {{"prev", findings::period_since(ps.all[ps.previous], lang)}});
  t.note = S.get(key + ".table_note");
  bool short_days = false;
  auto columns = columns_of(in, &short_days);
  drop_change_columns(t, columns, in);
  fill_channel_table(in, t.spec, columns, metric, S.get("audience.total"));
  if (short_days && !in.partial_period) t.note += " " + S.get("figures.short_days_note");
  return t;
}

// The header of a change column: "vs Sep" (`key` audience.col_vs) or "vs Sep, pp".
std::string vs_header(const BriefingInput& in, const char* key) {
  const auto& ps = in.data.periods;
  return in.strings.format(key,
                           {{"period", findings::period_short(ps.all[ps.previous], in.strings.language(), false)}});
}

// The engagement rate and its change in points: the last two columns of both tables.
void add_rate_columns(const BriefingInput& in, ColumnList<RowData>& columns) {
  columns.push_back(rate_column(in, in.strings.get("audience.col_rate"), 56, mk::kEngagementRate));
  columns.push_back(pp_column(in, vs_header(in, "audience.col_vs_pp"), 52, mk::kEngagementRate));
}

ColumnList<RowData> audience_columns(const BriefingInput& in, bool* short_days) {
  const auto& S = in.strings;
  ColumnList<RowData> columns = {
      name_column<RowData>(S.get("audience.col_channel")),
      count_column(in, S.get("audience.col_followers"), 62, mk::kFollowers),
      change_column(in, vs_header(in, "audience.col_vs"), 46, mk::kFollowers, model::Better::Up, 100),
      count_column(in, S.get("audience.col_reach"), 70, mk::kReach),
      change_column(in, vs_header(in, "audience.col_vs"), 46, mk::kReach, model::Better::Up, 100, short_days),
      count_column(in, S.get("audience.col_impressions"), 70, mk::kImpressions)};
  add_rate_columns(in, columns);
  return columns;
}

// Engagements per post: the effort's yield, a column of its own.
Column<RowData> per_post_column(const BriefingInput& in) {
  return {in.strings.get("engagement.col_per_post"), 52, Align::Right, [&in](const RowData& d) {
            const auto& ps = in.data.periods;
            const Value e = d.get(mk::kEngagements, ps.report), posts = d.get(mk::kPosts, ps.report);
            const Value v = e && posts && *posts > 0 ? Value(*e / *posts) : std::nullopt;
            TableCell c;
            c.text = v ? text::format_decimal(*v, 0, in.strings.language()) : missing();
            d.figures.value(c, "engagements_per_post", in.strings.get("figures.engagements_per_post"), v);
            return c;
          }};
}

ColumnList<RowData> engagement_columns(const BriefingInput& in, bool* short_days) {
  const auto& S = in.strings;
  ColumnList<RowData> columns = {
      name_column<RowData>(S.get("audience.col_channel")),
      count_column(in, S.get("engagement.col_posts"), 44, mk::kPosts),
      count_column(in, S.get("engagement.col_engagements"), 62, mk::kEngagements),
      change_column(in, vs_header(in, "audience.col_vs"), 46, mk::kEngagements, model::Better::Up, 30, short_days),
      per_post_column(in),
      count_column(in, S.get("engagement.col_clicks"), 56, mk::kLinkClicks)};
  add_rate_columns(in, columns);
  return columns;
}

}  // namespace

void add_audience_section(Document& doc, const BriefingInput& in) {
  if (!has_data(in, {mk::kFollowers, mk::kReach, mk::kImpressions})) return;
  open_section(doc, in, "audience", headline(in, "audience", mk::kFollowers));

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

  doc.blocks.push_back(section_table(in, "audience", mk::kFollowers, audience_columns));
}

// Posts per platform per month as grouped (or stacked) columns: the publishing effort behind
// the engagement lines above, platform by platform — the one input the organisation controls.
// Grouped reads best for comparing platforms month by month; stacked shows the total effort.
std::optional<ColumnChart> posts_chart(const BriefingInput& in) {
  if (in.engagement_chart == model::EngagementChart::None) return std::nullopt;
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  std::vector<std::pair<double, std::string>> platforms;
  for (const auto* c : own_channels(in)) {
    if (std::any_of(platforms.begin(), platforms.end(), [&](const auto& p) { return p.second == c->platform; }))
      continue;
    Value v = value_of(in, mk::kPosts, platform_scope(c->platform), ps.report);
    if (v) platforms.emplace_back(*v, c->platform);
  }
  std::stable_sort(platforms.begin(), platforms.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (platforms.empty()) return std::nullopt;
  if (in.engagement_chart == model::EngagementChart::Grouped && platforms.size() > 4)
    platforms.resize(4);  // readable groups
  ColumnChart chart;
  chart.title = S.get("posts_chart.title");
  const bool grouped = in.engagement_chart == model::EngagementChart::Grouped;
  chart.subtitle = S.get(grouped ? "posts_chart.subtitle_grouped" : "posts_chart.subtitle_stacked");
  auto& spec = chart.spec;
  spec.mode = grouped ? ColumnMode::Grouped : ColumnMode::Stacked;
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
    const auto* ms = in.data.find(mk::kPosts, platform_scope(platform));
    for (std::size_t i = first; i < ps.window_size; ++i) s.values.push_back(ms ? ms->values[i] : std::nullopt);
    spec.series.push_back(std::move(s));
  }
  return chart;
}

void add_engagement_section(Document& doc, const BriefingInput& in) {
  if (!has_data(in, {mk::kEngagements, mk::kPosts, mk::kLinkClicks})) return;
  open_section(doc, in, "engagement", headline(in, "engagement", mk::kEngagements));

  LineCharts charts;
  for (const char* metric : {mk::kEngagements, mk::kLinkClicks})
    if (auto chart = platform_chart(in, metric)) charts.charts.push_back(std::move(*chart));
  if (!charts.charts.empty()) doc.blocks.push_back(std::move(charts));

  doc.blocks.push_back(section_table(in, "engagement", mk::kEngagements, engagement_columns));
  if (auto posts = posts_chart(in)) doc.blocks.push_back(std::move(*posts));
}

}  // namespace boardbrief::document
