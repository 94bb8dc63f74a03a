#include "findings/engine.h"

#include "analysis/fdr.h"
#include "findings/engine_parts.h"

namespace boardbrief::findings {

namespace detail {

Scope parse_scope(const std::string& key) {
  Scope s;
  if (key.rfind("platform:", 0) == 0) {
    s.kind = Scope::Kind::Platform;
    s.platform = key.substr(9);
  } else if (key.rfind("channel:", 0) == 0) {
    s.kind = Scope::Kind::Channel;
    s.channel_id = std::stoll(key.substr(8));
  }
  return s;
}

Polarity Engine::polarity(model::Better b, bool up) const {
  if (b == model::Better::None) return Polarity::Neutral;
  return (b == model::Better::Up) == up ? Polarity::Favourable : Polarity::Adverse;
}

Tone Engine::tone(Polarity p) const {
  return p == Polarity::Adverse ? Tone::Bad : p == Polarity::Favourable ? Tone::Good : Tone::Neutral;
}

Record Engine::record_of(const Series& values, bool up, bool* boost) const {
  *boost = false;
  auto rec = analysis::find_record(values, up ? analysis::Extreme::Highest : analysis::Extreme::Lowest, R_.record);
  if (!rec || !rec->reportable) return {};
  *boost = rec->boost;
  const int t = static_cast<int>(values.size()) - 1;
  if (rec->lag) return {RecordKind::Since, static_cast<std::size_t>(t - *rec->lag), 0};
  std::size_t first = 0;
  while (first < values.size() && !values[first]) ++first;
  // The series fills the whole window: older data may exist, so do not say "on record".
  if (first == 0) return {RecordKind::InWindow, 0, static_cast<int>(values.size())};
  return {RecordKind::Ever, first, 0};
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
  Claim f;
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

Selection Engine::run() {
  build_candidates();  // collects the family's p-values
  control_false_discoveries();
  build_candidates();
  fold_rules();
  across_channels();
  fold_across_by_platform();
  fold_into_all();
  apply_materiality();
  fold_year_ago();
  fold_targets();
  fold_same_day_events();
  attribute();
  specific_why();
  business_hours();
  return ranked();
}

// The summary and the other findings by score and the cap's limits; every other candidate
// dropped with the rule that dropped it.
Selection Engine::ranked() {
  std::vector<std::size_t> live;
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (items_[i].alive && items_[i].f.told()) live.push_back(i);
  std::vector<analysis::Candidate> cands;
  for (auto i : live) {
    items_[i].c.score = items_[i].f.score;
    cands.push_back(items_[i].c);
    // All own channels together are the company, not one channel: no per-channel limit.
    if (cands.back().channel == "all") cands.back().channel = "all#" + std::to_string(cands.size());
  }
  auto sel = analysis::select_findings(cands, R_.cap);
  Selection out;
  out.periods = ps_;
  out.channels = in_.data.channels;
  out.response_window_seconds = in_.data.response_window_seconds;
  std::vector<bool> chosen(items_.size(), false);
  for (const auto* part : {&sel.summary, &sel.others})
    for (auto j : *part) {
      out.kept.push_back(items_[live[j]].f);
      out.kept.back().summary = part == &sel.summary;
      chosen[live[j]] = true;
    }
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (chosen[i]) continue;
    Claim f = items_[i].f;
    f.dropped_by = !items_[i].dropped_by.empty() ? items_[i].dropped_by
                   : !items_[i].alive            ? "folded"
                   : !f.told()                   ? "not_phrased"
                                                 : "cap";
    out.dropped.push_back(std::move(f));
  }
  out.dropped.insert(out.dropped.end(), rejected_.begin(), rejected_.end());
  return out;
}

}  // namespace detail

Selection select_claims(const EngineInput& in, const EngineRules& rules) {
  detail::Engine e(in, rules);
  return e.run();
}

Considered consider_findings(const EngineInput& in, const text::Strings& strings, const EngineRules& rules) {
  return phrase(select_claims(in, rules), strings);
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

}  // namespace boardbrief::findings
