// Targets: met, missed or on track, standalone or as a clause of a change.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

// Folds a missed or met target into a change or trend of the same metric for all own channels.
void Engine::fold_targets() {
  for (auto& t : items_) {
    if (!t.alive || t.f.type != Type::Target) continue;
    for (auto& c : items_) {
      if (!c.alive || c.f.scope != "all" || c.f.metric != t.f.metric || c.f.type != Type::Change) continue;
      c.f.wording.clauses.push_back({ClauseKind::Target, t.f.direction, t.f.wording, {}});
      c.f.wording.clauses.back().what.clauses.clear();
      c.f.inputs["target"] = t.f.inputs["target"];
      if (t.f.tone == Tone::Bad) c.f.score = std::max(c.f.score, t.f.score);
      t.alive = false;
      t.dropped_by = "clause_of_other_finding";
      break;
    }
  }
}

// The targets of all own channels in the report period: the headline KPIs' and those on
// catalogue metrics that are not headline KPIs (followers, reach, engagement rate…).
std::vector<TargetCase> Engine::target_cases() {
  std::vector<TargetCase> cases;
  std::set<std::string> done;
  auto row_of = [&](const std::string& metric) -> const model::TargetRow* {
    if (!in_.targets) return nullptr;
    for (const auto& t : *in_.targets)
      if (t.metric == metric && !t.channel_id && report_.first >= t.valid_from && report_.last <= t.valid_to) return &t;
    return nullptr;
  };
  for (const auto& k : in_.kpis) {
    if (!k.target || !k.value) continue;
    const MetricInfo* info = info_of(k.metric);
    if (!info) continue;
    double scale = info->kind == Kind::Rate ? 100.0 : 1.0;
    Series w;
    for (const auto& v : k.window) w.push_back(v ? std::optional<double>(*v * scale) : std::nullopt);
    const auto* row = row_of(k.metric);
    cases.push_back({info, k.metric, k.better, *k.value * scale, k.target->value * scale, k.target->at_most, w,
                     row ? std::optional(row->valid_to) : std::nullopt,
                     k.provisional && info->cls == MetricClass::Care && info->kind != Kind::Level});
    done.insert(k.metric);
  }
  if (!in_.targets) return cases;
  for (const auto& t : *in_.targets) {
    if (t.channel_id || done.count(t.metric) || report_.first < t.valid_from || report_.last > t.valid_to) continue;
    done.insert(t.metric);
    const MetricInfo* info = info_of(t.metric);
    const series::MetricSeries* ms = in_.data.find(t.metric, Scope::all_own());
    if (!info || !ms || !ms->values[ps_.report]) {
      Claim f;
      f.type = Type::Target;
      f.metric = t.metric;
      f.scope = "all";
      f.period = report_.key;
      f.dropped_by = "no_value_for_target";
      f.inputs["target"] = t.value;
      rejected_.push_back(std::move(f));
      continue;
    }
    const model::MetricDef* def = in_.data.metric_def(t.metric);
    model::Better better = def ? def->better : model::Better::Up;
    double scale = info->kind == Kind::Rate ? 100.0 : 1.0;
    Series w;
    for (std::size_t i = 0; i < ps_.window_size; ++i)
      w.push_back(ms->values[i] ? std::optional<double>(*ms->values[i] * scale) : std::nullopt);
    cases.push_back({info, t.metric, better, *ms->values[ps_.report] * scale, t.value * scale,
                     better == model::Better::Down, w, t.valid_to, false});
  }
  return cases;
}

// Met, missed, or on track: missed in the report period, but the target runs on beyond it and
// the Sen slope of the last six periods (with its 95 % interval's near end pointing the right
// way) reaches the target by the end of the target's validity.
void Engine::targets() {
  for (const TargetCase& k : target_cases()) target_claim(k);
}

void Engine::target_claim(const TargetCase& k) {
  const bool met = k.at_most ? k.value <= k.target : k.value >= k.target;
  // On track: project the recent slope to the last period the target is valid for.
  bool on_track = false;
  std::optional<double> projected;
  Wording w;
  if (!met && k.valid_to && *k.valid_to > report_.last && k.window.size() >= 6) {
    Series recent(k.window.end() - 6, k.window.end());
    auto slope = analysis::sen_slope(recent);
    const double steps = std::round(static_cast<double>((*k.valid_to - report_.last).count()) / report_.days());
    if (slope && steps >= 1) {
      // The cautious end of the interval must still point towards the target.
      const double cautious = k.at_most ? slope->upper : slope->lower;
      projected = k.value + slope->slope * steps;
      on_track =
          (k.at_most ? cautious < 0 : cautious > 0) && (k.at_most ? *projected <= k.target : *projected >= k.target);
      w.deadline = *k.valid_to;
    }
  }
  w.form = Form::Target;
  w.status = met ? TargetStatus::Met : on_track ? TargetStatus::OnTrack : TargetStatus::Missed;
  w.value = k.value;
  w.target = k.target;
  w.at_most = k.at_most;
  // Size of the miss relative to the target: 10 % off counts as one unit above the base 2.
  double rel = k.target != 0 ? std::fabs(k.value - k.target) / std::fabs(k.target) : 1.0;
  const bool missed = w.status == TargetStatus::Missed;
  Item it;
  it.f.type = Type::Target;
  it.f.metric = k.metric;
  it.f.scope = "all";
  it.f.family = k.info->family;
  it.f.direction = k.value > k.target ? Direction::Up : Direction::Down;  // the value is above the target line
  it.f.tone = missed ? Tone::Bad : met ? Tone::Good : Tone::Neutral;
  double m = missed ? std::min(R_.weights.max_magnitude, 2.0 + 10.0 * rel) : 1.0;
  it.f.score = analysis::metric_weight(k.info->cls, R_.weights) * m *
               (missed ? R_.weights.adverse
                : met  ? R_.weights.favourable
                       : R_.weights.neutral) *
               R_.weights.record_only;
  it.f.wording = std::move(w);
  it.f.inputs["value"] = k.value;
  it.f.inputs["target"] = k.target;
  if (projected) it.f.inputs["projected_at_deadline"] = *projected;
  it.f.inputs["on_track"] = on_track ? 1 : 0;
  it.f.period = report_.key;
  it.f.provisional = k.provisional;
  it.dedup = false;
  it.c.family = k.info->family;  // counts against the family's summary limit
  it.c.channel = "all";
  it.c.metric = k.metric;
  it.c.period = report_.key;
  it.c.polarity = missed ? Polarity::Adverse : met ? Polarity::Favourable : Polarity::Neutral;
  it.c.metric_weight = analysis::metric_weight(k.info->cls, R_.weights);
  it.c.score = it.f.score;
  items_.push_back(std::move(it));
}

}  // namespace boardbrief::findings::detail
