// Targets: met, missed or on track, standalone or as a clause of a change.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

// Folds a missed or met target into a change or trend of the same metric for all own channels.
void Engine::fold_targets() {
  for (auto& t : items_) {
    if (!t.alive || t.f.type != Type::Target) continue;
    for (auto& c : items_) {
      if (!c.alive || c.f.scope != "all" || c.f.metric != t.f.metric || c.f.type != Type::Change) continue;
      c.f.sentence.pop_back();  // the full stop
      c.f.sentence += t.clause + ".";
      c.f.inputs["target"] = t.f.inputs["target"];
      if (t.f.tone == Tone::Bad) c.f.score = std::max(c.f.score, t.f.score);
      t.alive = false;
      t.dropped_by = "clause_of_other_finding";
      break;
    }
  }
}

// Met, missed, or on track: missed in the report period, but the target runs on beyond it and
// the Sen slope of the last six periods (with its 95 % interval's near end pointing the right
// way) reaches the target by the end of the target's validity.
void Engine::targets() {
  struct Case {
    const MetricInfo* info;
    std::string metric;
    model::Better better;
    double value, target;  // in the display unit (percent for rates)
    bool at_most;
    Series window;  // display unit, trailing window
    std::optional<date::local_days> valid_to;
    bool provisional;
  };
  std::vector<Case> cases;
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
  // Targets on catalogue metrics that are not headline KPIs (followers, reach, engagement rate…).
  if (in_.targets) {
    for (const auto& t : *in_.targets) {
      if (t.channel_id || done.count(t.metric) || report_.first < t.valid_from || report_.last > t.valid_to) continue;
      done.insert(t.metric);
      const MetricInfo* info = info_of(t.metric);
      const series::MetricSeries* ms = in_.data.find(t.metric, Scope::all_own());
      Subject s;
      s.info = info;
      s.scope = Scope::all_own();
      if (!info || !ms || !ms->values[ps_.report]) {
        Finding f;
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
  }
  for (const Case& k : cases) {
    const MetricInfo* info = k.info;
    const Kind kind = info->kind;
    const bool met = k.at_most ? k.value <= k.target : k.value >= k.target;
    // On track: project the recent slope to the last period the target is valid for.
    bool on_track = false;
    std::optional<double> projected;
    std::string deadline;
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
        deadline = text::format_date(*k.valid_to, lang_);
      }
    }
    const std::string status = met ? "met" : on_track ? "on_track" : "missed";
    const std::string bound = k.at_most ? "_at_most" : "_at_least";
    std::string sentence =
        S_.format_sentence("finding.target_" + status + bound, {{"metric", subject_text(*info, "")},
                                                                {"value", bold(value_text(kind, k.value))},
                                                                {"period", period_in_sentence(report_, lang_)},
                                                                {"target", bold(value_text(kind, k.target))},
                                                                {"deadline", deadline}});
    // Size of the miss relative to the target: 10 % off counts as one unit above the base 2.
    double rel = k.target != 0 ? std::fabs(k.value - k.target) / std::fabs(k.target) : 1.0;
    const bool missed = status == "missed";
    Item it;
    it.f.type = Type::Target;
    it.f.metric = k.metric;
    it.f.scope = "all";
    it.f.family = info->family;
    bool up = k.value > k.target;  // the value is above the target line
    it.f.direction = up ? Direction::Up : Direction::Down;
    it.f.tone = missed ? Tone::Bad : met ? Tone::Good : Tone::Neutral;
    it.f.why = S_.get(info->why);
    double m = missed ? std::min(R_.weights.max_magnitude, 2.0 + 10.0 * rel) : 1.0;
    it.f.score = analysis::metric_weight(info->cls, R_.weights) * m *
                 (missed ? R_.weights.adverse
                  : met  ? R_.weights.favourable
                         : R_.weights.neutral) *
                 R_.weights.record_only;
    it.f.sentence = std::move(sentence);
    it.clause = S_.format("finding.clause_target_" + status + bound,
                          {{"target", bold(value_text(kind, k.target))}, {"deadline", deadline}});
    it.f.inputs["value"] = k.value;
    it.f.inputs["target"] = k.target;
    if (projected) it.f.inputs["projected_at_deadline"] = *projected;
    it.f.inputs["on_track"] = on_track ? 1 : 0;
    it.f.period = report_.key;
    it.f.provisional = k.provisional;
    it.dedup = false;
    it.c.family = info->family;  // counts against the family's summary limit
    it.c.channel = "all";
    it.c.metric = k.metric;
    it.c.period = report_.key;
    it.c.polarity = missed ? Polarity::Adverse : met ? Polarity::Favourable : Polarity::Neutral;
    it.c.metric_weight = analysis::metric_weight(info->cls, R_.weights);
    it.c.score = it.f.score;
    items_.push_back(std::move(it));
  }
}

}  // namespace boardbrief::findings::detail
