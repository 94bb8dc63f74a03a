#include "app/findings_json.h"

#include <toml++/toml.h>

#include <sstream>

#include "calendar/periods.h"
#include "store/timestamp.h"

namespace boardbrief::app {

namespace {

// toml++ serialises a table as JSON, so no hand-written JSON escaping is needed.
toml::table period_table(const model::Period& p, const calendar::TimeZone& tz) {
  auto r = tz.utc_range(p);
  return toml::table{{"key", p.key},
                     {"first_day", calendar::format_day(p.first)},
                     {"last_day", calendar::format_day(p.last)},
                     {"utc_begin", store::format_utc_instant(r.begin.time_since_epoch().count())},
                     {"utc_end", store::format_utc_instant(r.end.time_since_epoch().count())}};
}

void put(toml::table& t, std::string_view key, const std::optional<double>& v) {
  if (v) t.insert(key, *v);
}

}  // namespace

std::string findings_json(const series::ReportData& data, const std::vector<analysis::Kpi>& kpis,
                          const std::vector<findings::Finding>& found, const calendar::TimeZone& tz,
                          const std::string& db_path, std::int64_t as_of_instant,
                          const std::vector<std::pair<std::string, std::string>>& provenance) {
  const auto& ps = data.periods;
  toml::table root;
  root.insert("tool", std::string("boardbrief ") + BOARDBRIEF_VERSION);
  root.insert("database", db_path);
  root.insert("time_zone", tz.name());
  root.insert("as_of", store::format_utc_instant(as_of_instant));
  root.insert("response_window_hours", data.response_window_seconds / 3600);
  root.insert("report_period", period_table(ps.all[ps.report], tz));
  root.insert("previous_period", period_table(ps.all[ps.previous], tz));
  root.insert("year_ago_period", period_table(ps.all[ps.year_ago], tz));
  toml::array window;
  for (std::size_t i = 0; i < ps.window_size; ++i) window.push_back(ps.all[i].key);
  root.insert("trend_window", std::move(window));
  root.insert("interactions_read", data.interactions_read);

  toml::array k_out;
  for (const auto& k : kpis) {
    toml::table t{{"metric", k.metric}, {"provisional", k.provisional}};
    put(t, "value", k.value);
    put(t, "previous", k.previous);
    put(t, "year_ago", k.year_ago);
    if (k.value_infinite) t.insert("value_infinite", true);
    put(t, "numerator", k.numerator);
    put(t, "denominator", k.denominator);
    put(t, "p90", k.p90);
    put(t, "change_vs_previous", k.vs_previous.delta);
    t.insert("change_vs_previous_significant", k.vs_previous.significant);
    put(t, "change_vs_year_ago", k.vs_year_ago.delta);
    t.insert("change_vs_year_ago_significant", k.vs_year_ago.significant);
    if (k.target) {
      t.insert("target", k.target->value);
      t.insert("target_met", k.target->met);
    }
    toml::array w;
    for (std::size_t i = 0; i < k.window.size(); ++i) {
      toml::table point{{"period", ps.all[i].key}};
      put(point, "value", k.window[i]);
      w.push_back(std::move(point));
    }
    t.insert("window", std::move(w));
    k_out.push_back(std::move(t));
  }
  root.insert("kpis", std::move(k_out));

  toml::array f_out;
  int rank = 0;
  for (const auto& f : found) {
    toml::table inputs;
    for (const auto& [name, v] : f.inputs) inputs.insert(name, v);
    f_out.push_back(toml::table{{"rank", ++rank},
                                {"type", findings::type_name(f.type)},
                                {"metric", f.metric},
                                {"scope", f.scope},
                                {"score", f.score},
                                {"sentence", f.sentence},
                                {"inputs", std::move(inputs)}});
  }
  root.insert("findings", std::move(f_out));
  // Provenance (issue 4): the same fields as the PDF's appendix and metadata.
  if (!provenance.empty()) {
    toml::table prov;
    for (const auto& [key, value] : provenance) prov.insert(key, value);
    root.insert("provenance", std::move(prov));
  }
  std::ostringstream out;
  out << toml::json_formatter{root} << "\n";
  return out.str();
}

}  // namespace boardbrief::app
