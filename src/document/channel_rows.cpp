#include "document/channel_rows.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "analysis/stats.h"
#include "document/channel_groups.h"
#include "document/colour_rule.h"
#include "document/names.h"
#include "text/number_format.h"

namespace boardbrief::document {

using text::Language;

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

void CellFigures::value(const TableCell& c, const std::string& measure, const std::string& name, Value v) const {
  if (v && c.text != missing()) N.value(measure, name, scope, scope_name, *v, c.text);
}

void CellFigures::change(const TableCell& c, const std::string& measure, const std::string& name, Value v) const {
  if (v && c.text != missing()) N.change(N.previous, measure, name, scope, scope_name, *v, c.text);
}

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

CellFigures others_figures(const BriefingInput& in, std::size_t n) {
  return CellFigures{in.names(), "others", others_label(in.strings, n)};
}

namespace {

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

RowData scope_row(const BriefingInput& in, series::Scope scope, std::string label, std::string platform) {
  return {std::move(label), std::move(platform),
          [&in, scope](const std::string& metric, std::size_t period) { return value_of(in, metric, scope, period); },
          [&in, scope](const std::string& metric) { return short_of_days(in, metric, scope); },
          cell_figures(in, scope)};
}

RowData group_row(const BriefingInput& in, std::vector<const model::Channel*> channels) {
  return {others_label(in.strings, channels.size()), "",
          [&in, channels](const std::string& metric, std::size_t period) {
            return group_value(in.data, metric, channels, period);
          },
          [&in, channels](const std::string& metric) {
            return std::any_of(channels.begin(), channels.end(), [&](const model::Channel* c) {
              return short_of_days(in, metric, channel_scope(c->id));
            });
          },
          others_figures(in, channels.size())};
}

std::string metric_label(const BriefingInput& in, const std::string& metric) {
  return in.strings.get("metric." + metric + ".label");
}

}  // namespace

void fill_channel_table(const BriefingInput& in, TableSpec& spec, const ColumnList<RowData>& columns,
                        const std::string& metric, const std::string& total_label) {
  const auto& ps = in.data.periods;
  spec.columns = table_header(columns);
  spec.names_lead = in.strings.get("channel_groups.names_lead");
  auto groups = group_channels(own_channels(in), [&](const model::Channel& c) {
    return value_of(in, metric, channel_scope(c.id), ps.report).value_or(-1);
  });
  for (const auto* c : groups.shown)
    spec.rows.push_back(table_row(
        columns, scope_row(in, channel_scope(c->id), channel_label(in.strings, in.data.channels, *c), c->platform)));
  if (!groups.others.empty()) spec.rows.push_back(table_row(columns, group_row(in, groups.others)));
  spec.total = table_row(columns, scope_row(in, series::Scope::all_own(), total_label, ""), true);
}

Column<RowData> count_column(const BriefingInput& in, std::string header, double width, const std::string& metric) {
  return {std::move(header), width, Align::Right, [&in, metric](const RowData& d) {
            const Value v = d.get(metric, in.data.periods.report);
            TableCell c;
            c.text = count_cell(v, in.strings.language());
            d.figures.value(c, metric, metric_label(in, metric), v);
            return c;
          }};
}

Column<RowData> change_column(const BriefingInput& in, std::string header, double width, const std::string& metric,
                              model::Better better, double floor, bool* short_days) {
  auto cell = [&in, metric, better, floor, short_days](const RowData& d) {
    const auto& ps = in.data.periods;
    const Value now = d.get(metric, ps.report), before = d.get(metric, ps.previous);
    const bool comparable = now && before && *before > 0;
    TableCell c;
    c.role = Role::Neutral;
    c.text = comparable ? text::format_percent_change(100.0 * (*now / *before - 1), in.strings.language()) : missing();
    if (comparable && c.text.find("\u00B1") == std::string::npos)
      c.role = change_role(analysis::count_change(now, before, floor).significant, *now - *before, better);
    if (short_days && c.text != missing() && d.short_days(metric)) {
      c.text += "*";
      *short_days = true;
    }
    d.figures.change(c, metric, metric_label(in, metric),
                     comparable ? Value(100.0 * (*now / *before - 1)) : std::nullopt);
    return c;
  };
  return {std::move(header), width, Align::Right, cell, true};
}

Column<RowData> rate_column(const BriefingInput& in, std::string header, double width, const std::string& metric) {
  return {std::move(header), width, Align::Right, [&in, metric](const RowData& d) {
            const Value v = d.get(metric, in.data.periods.report);
            TableCell c;
            c.text = v ? text::format_percent(std::round(*v * 1000) / 10, in.strings.language()) : missing();
            d.figures.value(c, metric, metric_label(in, metric), v);
            return c;
          }};
}

Column<RowData> pp_column(const BriefingInput& in, std::string header, double width, const std::string& metric) {
  auto cell = [&in, metric](const RowData& d) {
    const auto& ps = in.data.periods;
    const Value now = d.get(metric, ps.report), before = d.get(metric, ps.previous);
    // In points as printed: the difference of the values rounded to 0.1.
    const Value pp =
        now && before ? Value(std::round(*now * 1000) / 10 - std::round(*before * 1000) / 10) : std::nullopt;
    TableCell c;
    c.role = Role::Neutral;
    c.text = pp ? text::format_signed(*pp, 1, in.strings.language()) : missing();
    d.figures.change(c, metric, metric_label(in, metric), pp);
    return c;
  };
  return {std::move(header), width, Align::Right, cell, true};
}

}  // namespace boardbrief::document
