#include "app/findings_json.h"

#include <toml++/toml.h>

#include <filesystem>
#include <map>
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

const char* direction_name(findings::Direction d) {
  switch (d) {
    case findings::Direction::Up: return "up";
    case findings::Direction::Down: return "down";
    case findings::Direction::None: return "none";
  }
  return "?";
}

const char* tone_name(findings::Tone t) {
  switch (t) {
    case findings::Tone::Good: return "good";
    case findings::Tone::Bad: return "bad";
    case findings::Tone::Neutral: return "neutral";
  }
  return "?";
}

const model::Period* period_of(const series::PeriodSet& ps, const std::string& key) {
  for (const auto& p : ps.all)
    if (p.key == key) return &p;
  return nullptr;
}

// A finding's identity: what it is about, never its place in a list. The English, Danish and
// report-language runs select the same language-neutral findings; their sentences are joined
// by this key (an anomaly's day tells two spikes of one metric apart).
std::string identity(const findings::Finding& f) {
  std::string k = std::string(findings::type_name(f.type)) + "|" + f.metric + "|" + f.scope + "|" +
                  direction_name(f.direction) + "|" + f.period + "|" + f.baseline + "|" + f.dropped_by;
  auto d = f.inputs.find("day_offset");
  if (d != f.inputs.end()) k += "|" + std::to_string(static_cast<long>(d->second));
  return k;
}

std::map<std::string, const findings::Finding*> by_identity(const std::vector<findings::Finding>& v) {
  std::map<std::string, const findings::Finding*> out;
  for (const auto& f : v) out.emplace(identity(f), &f);
  return out;
}

toml::array contributions_array(const std::vector<findings::Contribution>& cs) {
  toml::array out;
  for (const auto& c : cs)
    out.push_back(toml::table{{"by", c.by}, {"key", c.key}, {"value", c.value}, {"share", c.share}});
  return out;
}

// `printed`: the same candidate in the report language's run (English, Danish or another file).
toml::table finding_table(const findings::Finding& f, const findings::Finding* da, const findings::Finding* printed,
                          const series::PeriodSet& ps, const calendar::TimeZone& tz) {
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
  if (da && !da->sentence.empty()) t.insert("sentence_da", da->sentence);
  if (printed && !printed->sentence.empty()) t.insert("sentence", printed->sentence);
  if (!f.contributions.empty()) t.insert("contributions", contributions_array(f.contributions));
  if (!f.absorbed.empty()) {
    // Candidates folded into this finding, each with the rule that folded it.
    toml::array absorbed;
    for (const auto& a : f.absorbed) {
      auto at = finding_table(a, nullptr, nullptr, ps, tz);
      at.insert("dropped_by", a.dropped_by);
      absorbed.push_back(std::move(at));
    }
    t.insert("absorbed", std::move(absorbed));
  }
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

}  // namespace

std::string findings_json(const findings::EngineInput& in, const std::string& lang_dir, const std::string& report_lang,
                          const calendar::TimeZone& tz, const std::string& db_path, std::int64_t as_of_instant,
                          const findings::EngineRules& rules,
                          const std::vector<std::pair<std::string, std::string>>& provenance,
                          const std::function<void(findings::Considered&, const text::Strings&)>& adjust,
                          const std::vector<PrintedFigure>& figures, const DecisionsRun* decisions) {
  namespace fs = std::filesystem;
  const series::ReportData& data = in.data;
  const std::vector<analysis::Kpi>& kpis = in.kpis;
  auto en_strings = text::Strings::load((fs::path(lang_dir) / "en.toml").string(), text::report_keys(),
                                        text::Strings::Conventions::Required);
  auto da_strings = text::Strings::load((fs::path(lang_dir) / "da.toml").string(), text::report_keys(),
                                        text::Strings::Conventions::Required);
  findings::Considered en = findings::consider_findings(in, en_strings, rules);
  findings::Considered da = findings::consider_findings(in, da_strings, rules);
  if (adjust) {
    adjust(en, en_strings);
    adjust(da, da_strings);
  }
  // A third report language (a new language file is enough): `sentence` is its own.
  findings::Considered third;
  if (report_lang != "en" && report_lang != "da")
    third = findings::consider_findings(in,
                                        text::Strings::load((fs::path(lang_dir) / (report_lang + ".toml")).string(),
                                                            text::report_keys(), text::Strings::Conventions::Required),
                                        rules);
  const findings::Considered& printed = report_lang == "en" ? en : report_lang == "da" ? da : third;
  const auto da_kept = by_identity(da.kept), da_dropped = by_identity(da.dropped);
  const auto pr_kept = by_identity(printed.kept), pr_dropped = by_identity(printed.dropped);
  auto same = [](const std::map<std::string, const findings::Finding*>& m, const findings::Finding& f) {
    auto it = m.find(identity(f));
    return it == m.end() ? nullptr : it->second;
  };
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
  // The report's family of tests (docs/findings-method.md): every finding's p and q are in its inputs.
  root.insert("false_discovery_rate", rules.fdr_level);

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
  root.insert("kpis", std::move(k_out));

  // Kept findings in rank order (summary first, then "other findings").
  toml::array f_out;
  for (std::size_t i = 0; i < en.kept.size(); ++i) {
    auto t = finding_table(en.kept[i], same(da_kept, en.kept[i]), same(pr_kept, en.kept[i]), ps, tz);
    t.insert("rank", static_cast<std::int64_t>(i + 1));
    t.insert("summary", en.kept[i].summary);
    f_out.push_back(std::move(t));
  }
  root.insert("findings", std::move(f_out));
  // Every candidate that did not make it, with the gate or rule that dropped it.
  toml::array d_out;
  for (std::size_t i = 0; i < en.dropped.size(); ++i) {
    auto t = finding_table(en.dropped[i], same(da_dropped, en.dropped[i]), same(pr_dropped, en.dropped[i]), ps, tz);
    t.insert("dropped_by", en.dropped[i].dropped_by);
    d_out.push_back(std::move(t));
  }
  root.insert("findings_dropped", std::move(d_out));
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
