#include "app/decisions_json.h"

#include "calendar/periods.h"

namespace boardbrief::app {

namespace {

using findings::direction_name;
using findings::tone_name;

bool same(const toml::table& t, const findings::Finding& f) {
  auto text = [&](const char* key) { return t[key].value<std::string>().value_or(""); };
  return text("type") == findings::type_name(f.type) && text("metric") == f.metric && text("scope") == f.scope &&
         text("direction") == direction_name(f.direction) && text("tone") == tone_name(f.tone);
}

const char* status_name(model::ActionStatus s) {
  return s == model::ActionStatus::Done ? "done" : s == model::ActionStatus::InProgress ? "in progress" : "planned";
}

toml::table action_table(const model::Action& a) {
  toml::table t{{"metric", a.metric},
                {"owner", a.owner},
                {"action", a.action},
                {"due", calendar::format_day(a.due)},
                {"status", status_name(a.status)},
                {"line", a.line}};
  if (!a.scope.empty()) t.insert("scope", a.scope);
  return t;
}

void mark_findings(toml::table& root, const DecisionsRun& d) {
  toml::array* list = root["findings"].as_array();
  if (!list || !d.kept) return;
  for (auto&& node : *list) {
    toml::table* t = node.as_table();
    if (!t) continue;
    for (std::size_t i = 0; i < d.kept->size(); ++i) {
      if (!same(*t, (*d.kept)[i])) continue;
      if (i < d.continuity.kept.size()) {
        t->insert("status", findings::status_name(d.continuity.kept[i].status));
        t->insert("since", d.continuity.kept[i].since);
      }
      if (d.actions && i < d.doc.matches.by_finding.size()) {
        toml::array acts;
        for (std::size_t j : d.doc.matches.by_finding[i]) acts.push_back(action_table(d.actions->actions[j]));
        t->insert("actions", std::move(acts));
      }
      break;
    }
  }
}

}  // namespace

void add_decisions_json(toml::table& root, const DecisionsRun& d) {
  root.insert("bottom_line",
              toml::table{{"text", d.bottom_line}, {"text_en", d.bottom_line_en}, {"text_da", d.bottom_line_da}});
  mark_findings(root, d);
  toml::array resolved;
  for (const auto& r : d.continuity.resolved)
    resolved.push_back(toml::table{{"type", findings::type_name(r.last.type)},
                                   {"metric", r.last.metric},
                                   {"scope", r.last.scope},
                                   {"direction", direction_name(r.last.direction)},
                                   {"since", r.since},
                                   {"last_period", r.last.period},
                                   {"sentence", r.last.sentence}});
  root.insert("resolved", std::move(resolved));
  root.insert("periods_recomputed_for_continuity", static_cast<std::int64_t>(d.continuity.periods_recomputed));
  toml::array outlook;
  for (std::size_t i = 0; i < d.doc.outlook.size(); ++i) {
    const auto& o = d.doc.outlook[i];
    toml::table t{{"metric", o.metric},
                  {"scope", "all"},
                  {"by", o.by.key},
                  {"horizon_periods", o.projection.horizon},
                  {"level_now", o.projection.level},
                  {"slope_per_period", o.projection.slope},
                  {"slope_low", o.projection.slope_low},
                  {"slope_high", o.projection.slope_high},
                  {"projected", o.projection.central},
                  {"projected_low", o.projection.low},
                  {"projected_high", o.projection.high},
                  {"target", o.target.value},
                  {"target_at_most", o.target.at_most}};
    if (i < d.outlook_sentences.size()) t.insert("sentence", d.outlook_sentences[i]);
    outlook.push_back(std::move(t));
  }
  root.insert("outlook", std::move(outlook));
  if (d.actions) {
    toml::array unmatched;
    for (std::size_t j : d.doc.matches.unmatched) unmatched.push_back(action_table(d.actions->actions[j]));
    root.insert("actions", toml::table{{"file", d.doc.actions_file},
                                       {"sha256", d.actions->sha256},
                                       {"count", static_cast<std::int64_t>(d.actions->actions.size())},
                                       {"unmatched", std::move(unmatched)}});
  }
}

}  // namespace boardbrief::app
