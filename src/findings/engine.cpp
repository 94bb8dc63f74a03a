#include "findings/engine.h"

#include "findings/engine_parts.h"

#include "analysis/fdr.h"

namespace boardbrief::findings {

namespace detail {

Polarity Engine::polarity(model::Better b, bool up) const {
  if (b == model::Better::None) return Polarity::Neutral;
  return (b == model::Better::Up) == up ? Polarity::Favourable : Polarity::Adverse;
}

Tone Engine::tone(Polarity p) const {
  return p == Polarity::Adverse ? Tone::Bad : p == Polarity::Favourable ? Tone::Good : Tone::Neutral;
}

std::string Engine::value_text(Kind k, double v) const {
  switch (k) {
    case Kind::Rate: return text::format_percent(v, lang_);
    case Kind::Minutes: return text::format_duration(v, lang_);
    case Kind::Score: return text::format_signed(v, 0, lang_);
    case Kind::Level: return text::format_count(v, lang_);
  }
  return {};
}

std::string Engine::unit(bool plural) const {
  const char* u = "period";
  switch (report_.kind) {
    case model::Granularity::Week: u = "week"; break;
    case model::Granularity::Month: u = "month"; break;
    case model::Granularity::Quarter: u = "quarter"; break;
    case model::Granularity::Year: u = "year"; break;
    case model::Granularity::Custom: u = "period"; break;
  }
  return S_.get(std::string("finding.unit_") + u + (plural ? "s" : ""));
}

std::string Engine::record_suffix(const Series& values, bool up, bool* boost) const {
  *boost = false;
  auto rec = analysis::find_record(values, up ? analysis::Extreme::Highest : analysis::Extreme::Lowest, R_.record);
  if (!rec || !rec->reportable) return "";
  *boost = rec->boost;
  const int t = static_cast<int>(values.size()) - 1;
  if (rec->lag) {
    const auto& since = ps_.all[static_cast<std::size_t>(t - *rec->lag)];
    return S_.format(up ? "finding.record_highest" : "finding.record_lowest",
                     {{"month_year", period_since(since, lang_)}});
  }
  std::size_t first = 0;
  while (first < values.size() && !values[first]) ++first;
  if (first == 0) {
    // The series fills the whole window: older data may exist, so do not say "on record".
    return S_.format(up ? "finding.record_highest_in" : "finding.record_lowest_in",
                     {{"n", std::to_string(values.size())}, {"units", unit(true)}});
  }
  return S_.format(up ? "finding.record_highest_ever" : "finding.record_lowest_ever",
                   {{"month_year", period_since(ps_.all[first], lang_)}});
}

Item& Engine::add(const Subject& s, Type type, FindingType ftype, bool up, double magnitude, bool record) {
  Item it;
  it.f.type = type;
  it.f.metric = s.info->key;
  it.f.scope = s.scope.key();
  it.f.family = s.info->family;
  it.f.direction = up ? Direction::Up : Direction::Down;
  Polarity pol = polarity(s.better, up);
  it.f.tone = tone(pol);
  it.f.why = S_.get(s.info->why);
  analysis::ScoreInput si;
  si.metric_class = s.info->cls;
  si.type = ftype;
  si.magnitude = magnitude;
  si.polarity = pol;
  si.record = record;
  it.f.score = analysis::finding_score(si, R_.weights);
  it.c.family = s.info->family;
  it.c.channel = it.f.scope;
  it.c.metric = s.info->key;
  it.c.period = report_.key;
  it.c.direction = up ? analysis::Direction::Up : analysis::Direction::Down;
  it.c.type = ftype;
  it.c.polarity = pol;
  it.c.metric_weight = analysis::metric_weight(s.info->cls, R_.weights);
  it.c.score = it.f.score;
  it.f.inputs["magnitude"] = magnitude;
  it.f.period = report_.key;
  it.f.provisional = s.provisional;
  if (type == Type::Change) it.f.baseline = previous_.key;
  items_.push_back(std::move(it));
  return items_.back();
}

void Engine::reject(const Subject& s, Type type, const std::string& baseline, const std::string& gate,
                    std::map<std::string, double> inputs) {
  Finding f;
  f.type = type;
  f.metric = s.info->key;
  f.scope = s.scope.key();
  f.family = s.info->family;
  f.period = report_.key;
  f.baseline = baseline;
  f.provisional = s.provisional;
  f.dropped_by = gate;
  f.inputs = std::move(inputs);
  rejected_.push_back(std::move(f));
}

std::string Engine::test_id(const Subject& s, Type type, const std::string& baseline) {
  return std::string(type_name(type)) + "|" + s.info->key + "|" + s.scope.key() + "|" + baseline;
}

bool Engine::significant(const std::string& id, double p, std::map<std::string, double>& inputs) {
  inputs["p"] = p;
  if (collecting_) {
    tests_.emplace_back(id, p);
    return false;
  }
  auto q = q_.find(id);
  inputs["q"] = q == q_.end() ? 1.0 : q->second;
  inputs["family_size"] = family_size_;
  return cutoff_ > 0 && p <= cutoff_;
}

void Engine::control_false_discoveries() {
  std::vector<double> p;
  for (const auto& t : tests_) p.push_back(t.second);
  auto bh = analysis::benjamini_hochberg(p, R_.fdr_level);
  for (std::size_t i = 0; i < tests_.size(); ++i) q_[tests_[i].first] = bh.q[i];
  cutoff_ = bh.cutoff;
  family_size_ = static_cast<int>(tests_.size());
  items_.clear();
  rejected_.clear();
  change_index_.clear();
  collecting_ = false;
}

void Engine::build_candidates() {
  for (const Subject& s : subjects()) {
    changes(s);
    year_ago_change(s);
    trend(s);
  }
  spikes();
  targets();
  data_gaps();
}

Considered Engine::run() {
  build_candidates();  // collects the family's p-values
  control_false_discoveries();
  build_candidates();
  fold_rules();
  across_channels();
  fold_into_all();
  apply_materiality();
  fold_year_ago();
  fold_targets();
  fold_same_day_events();
  attribute();
  specific_why();
  business_hours();

  std::vector<std::size_t> live;
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (items_[i].alive && !items_[i].f.sentence.empty()) live.push_back(i);
  std::vector<analysis::Candidate> cands;
  for (auto i : live) {
    items_[i].c.score = items_[i].f.score;
    cands.push_back(items_[i].c);
    // All own channels together are the company, not one channel: no per-channel limit.
    if (cands.back().channel == "all") cands.back().channel = "all#" + std::to_string(cands.size());
  }
  auto sel = analysis::select_findings(cands, R_.cap);
  Considered out;
  std::vector<bool> chosen(items_.size(), false);
  for (auto j : sel.summary) {
    out.kept.push_back(items_[live[j]].f);
    out.kept.back().summary = true;
    chosen[live[j]] = true;
  }
  for (auto j : sel.others) {
    out.kept.push_back(items_[live[j]].f);
    out.kept.back().summary = false;
    chosen[live[j]] = true;
  }
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (chosen[i]) continue;
    Finding f = items_[i].f;
    f.dropped_by = !items_[i].dropped_by.empty() ? items_[i].dropped_by
                   : !items_[i].alive            ? "folded"
                   : f.sentence.empty()          ? "not_phrased"
                                                 : "cap";
    out.dropped.push_back(std::move(f));
  }
  out.dropped.insert(out.dropped.end(), rejected_.begin(), rejected_.end());
  mark_provisional(out);
  // Where the change came from is its own sentence, after any "(provisional)" marker.
  for (auto* list : {&out.kept, &out.dropped})
    for (auto& f : *list)
      if (!f.attribution.empty() && !f.sentence.empty()) f.sentence += " " + f.attribution;
  return out;
}

}  // namespace detail

Considered consider_findings(const EngineInput& in, const text::Strings& strings, const EngineRules& rules) {
  detail::Engine e(in, strings, rules);
  return e.run();
}

std::vector<Finding> find_findings(const EngineInput& in, const text::Strings& strings, const EngineRules& rules) {
  return consider_findings(in, strings, rules).kept;
}

std::vector<Finding> summary_findings(const std::vector<Finding>& all) {
  std::vector<Finding> out;
  for (const auto& f : all) {
    if (!f.summary) break;
    out.push_back(f);
  }
  return out;
}

std::string no_significant_changes(const text::Strings& strings, const series::PeriodSet& periods) {
  return strings.format_sentence(
      "finding.no_significant_changes",
      {{"period", period_in_sentence(periods.all[periods.report], strings.language())},
       {"prev_period", period_in_sentence(periods.all[periods.previous], strings.language())}});
}

}  // namespace boardbrief::findings
