#include "app/findings_json.h"

#include <toml++/toml.h>

#include <filesystem>
#include <sstream>

#include "app/decisions_json.h"
#include "calendar/periods.h"
#include "store/timestamp.h"
#include "text/report_keys.h"
#include "text/strings.h"

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

using findings::direction_name;
using findings::tone_name;

const model::Period* period_of(const series::PeriodSet& ps, const std::string& key) {
  for (const auto& p : ps.all)
    if (p.key == key) return &p;
  return nullptr;
}

toml::array contributions_array(const std::vector<findings::Contribution>& cs) {
  toml::array out;
  for (const auto& c : cs)
    out.push_back(toml::table{{"by", c.by}, {"key", c.key}, {"value", c.value}, {"share", c.share}});
  return out;
}

// The one selection phrased in English, Danish and the report language (a third language file
// is enough): the same claims in the same order, so list position is identity.
struct Phrasings {
  const findings::Selection& selection;
  text::Strings en, da;
  findings::Considered en_list, da_list, printed;
};

toml::table finding_table(const findings::Finding& en, const findings::Finding& da, const findings::Finding& printed,
                          const Phrasings& ph, const calendar::TimeZone& tz);

// Candidates folded into a finding, each with the rule that folded it and its own sentence.
toml::array absorbed_array(const findings::Claim& host, const Phrasings& ph, const calendar::TimeZone& tz) {
  toml::array absorbed;
  for (const auto& a : host.absorbed) {
    const auto en = findings::phrase_claim(a, ph.selection, ph.en), da = findings::phrase_claim(a, ph.selection, ph.da);
    auto at = finding_table(en, da, findings::Finding{}, ph, tz);
    at.insert("dropped_by", a.dropped_by);
    absorbed.push_back(std::move(at));
  }
  return absorbed;
}

toml::table finding_table(const findings::Finding& f, const findings::Finding& da, const findings::Finding& printed,
                          const Phrasings& ph, const calendar::TimeZone& tz) {
  const series::PeriodSet& ps = ph.selection.periods;
  toml::table inputs;
  for (const auto& [name, v] : f.inputs) inputs.insert(name, v);
  toml::table t{{"type", findings::type_name(f.type)},
                {"metric", f.metric},
                {"scope", f.scope},
                {"family", f.family},
                {"direction", direction_name(f.direction)},
                {"tone", tone_name(f.tone)},
                {"score", f.score},
                {"provisional", f.provisional},
                {"inputs", std::move(inputs)}};
  if (const auto* p = period_of(ps, f.period)) t.insert("period", period_table(*p, tz));
  if (const auto* p = period_of(ps, f.baseline)) t.insert("compared_with", period_table(*p, tz));
  if (!f.sentence.empty()) t.insert("sentence_en", f.sentence);
  if (!da.sentence.empty()) t.insert("sentence_da", da.sentence);
  if (!printed.sentence.empty()) t.insert("sentence", printed.sentence);
  if (!f.contributions.empty()) t.insert("contributions", contributions_array(f.contributions));
  if (!f.absorbed.empty()) t.insert("absorbed", absorbed_array(f, ph, tz));
  return t;
}

toml::array figures_array(const std::vector<PrintedFigure>& figures) {
  toml::array out;
  for (const auto& f : figures) {
    toml::table t{{"key", f.key}, {"label", f.label}, {"scope", f.scope}, {"period", f.period}, {"text", f.text}};
    if (f.value)
      t.insert("value", *f.value);
    else
      t.insert("value_beyond_window", true);  // printed as "> 72 h": no finite value
    toml::array pages;
    for (int p : f.pages) pages.push_back(p);
    t.insert("pages", std::move(pages));
    out.push_back(std::move(t));
  }
  return out;
}

toml::array kpis_array(const std::vector<analysis::Kpi>& kpis, const series::PeriodSet& ps) {
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
    if (k.business_value && !k.business_infinite) t.insert("business_hours_value", *k.business_value);
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
  return k_out;
}

// Kept findings in rank order (summary first, then "other findings"); every candidate that did
// not make it, with the gate or rule that dropped it.
void add_findings(toml::table& root, const Phrasings& ph, const calendar::TimeZone& tz) {
  toml::array f_out;
  const auto& kept = ph.en_list.kept;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    auto t = finding_table(kept[i], ph.da_list.kept[i], ph.printed.kept[i], ph, tz);
    t.insert("rank", static_cast<std::int64_t>(i + 1));
    t.insert("summary", kept[i].summary);
    f_out.push_back(std::move(t));
  }
  root.insert("findings", std::move(f_out));
  toml::array d_out;
  const auto& dropped = ph.en_list.dropped;
  for (std::size_t i = 0; i < dropped.size(); ++i) {
    auto t = finding_table(dropped[i], ph.da_list.dropped[i], ph.printed.dropped[i], ph, tz);
    t.insert("dropped_by", dropped[i].dropped_by);
    d_out.push_back(std::move(t));
  }
  root.insert("findings_dropped", std::move(d_out));
}

// The report's periods, window and the family's false-discovery level.
void add_header(toml::table& root, const series::ReportData& data, const calendar::TimeZone& tz,
                const std::string& db_path, std::int64_t as_of_instant, double fdr_level) {
  const auto& ps = data.periods;
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
  // The report's family of tests (docs/findings-method.md): every finding's p and q are in its inputs.
  root.insert("false_discovery_rate", fdr_level);
}

text::Strings load_language(const std::string& lang_dir, const std::string& code) {
  return text::Strings::load((std::filesystem::path(lang_dir) / (code + ".toml")).string(), text::report_keys(),
                             text::Strings::Conventions::Required);
}

}  // namespace

std::string findings_json(const findings::Selection& selection, const series::ReportData& data,
                          const std::vector<analysis::Kpi>& kpis, const std::string& lang_dir,
                          const std::string& report_lang, const calendar::TimeZone& tz, const std::string& db_path,
                          std::int64_t as_of_instant, const findings::EngineRules& rules,
                          const std::vector<std::pair<std::string, std::string>>& provenance,
                          const std::vector<PrintedFigure>& figures, const DecisionsRun* decisions) {
  Phrasings ph{selection, load_language(lang_dir, "en"), load_language(lang_dir, "da"), {}, {}, {}};
  ph.en_list = findings::phrase(selection, ph.en);
  ph.da_list = findings::phrase(selection, ph.da);
  ph.printed = report_lang == "en"   ? ph.en_list
               : report_lang == "da" ? ph.da_list
                                     : findings::phrase(selection, load_language(lang_dir, report_lang));
  toml::table root;
  add_header(root, data, tz, db_path, as_of_instant, rules.fdr_level);
  root.insert("kpis", kpis_array(kpis, data.periods));
  add_findings(root, ph, tz);
  // Provenance (docs/templates.md): the same fields as the PDF's appendix and metadata.
  if (!provenance.empty()) {
    toml::table prov;
    for (const auto& [key, value] : provenance) prov.insert(key, value);
    root.insert("provenance", std::move(prov));
  }
  root.insert("figures", figures_array(figures));
  if (decisions) add_decisions_json(root, *decisions);
  std::ostringstream out;
  out << toml::json_formatter{root} << "\n";
  return out.str();
}

}  // namespace boardbrief::app
