// Changes against the previous period: levels and durations by a prediction test of the log
// change against the earlier log changes, binomial rates by the two-proportion test with enough
// messages in both periods, over-dispersed ratios by a prediction test of the point change. Every
// p-value joins the report's family of tests (docs/findings-method.md).
#include "findings/engine_parts.h"

#include "analysis/fdr.h"

namespace boardbrief::findings::detail {

namespace {

// Changes between consecutive observed periods of `s` (a gap breaks the pair); log changes
// need both values > 0.
std::vector<double> period_changes(const Series& s, bool log_change) {
  std::vector<double> out;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (!s[i] || !s[i - 1]) continue;
    if (!log_change)
      out.push_back(*s[i] - *s[i - 1]);
    else if (*s[i] > 0 && *s[i - 1] > 0)
      out.push_back(std::log(*s[i] / *s[i - 1]));
  }
  return out;
}

}  // namespace

void Engine::changes(const Subject& s) {
  if (s.values.size() < 2 || !s.values.back() || !s.values[s.values.size() - 2]) {
    reject(s, Type::Change, previous_.key, "missing_value");
    return;
  }
  if (s.info->kind == Kind::Level || s.info->kind == Kind::Minutes)
    level_change(s);
  else
    rate_change(s);
}

void Engine::level_change(const Subject& s) {
  const std::string& base = previous_.key;
  if (!s.enough_sample) return reject(s, Type::Change, base, "sample_size");
  // A sum over a period with missing days is not comparable (missing days are not zero).
  const std::size_t n = s.values.size();
  if (s.sum && (s.coverage[n - 1] < 1.0 || s.coverage[n - 2] < 1.0))
    return reject(s, Type::Change, base, "missing_days");
  auto c = analysis::compare_level(s.values, s.info->level, R_.level);
  if (!c) return reject(s, Type::Change, base, "missing_value");
  std::map<std::string, double> in{{"value", c->current}, {"previous", c->previous}};
  if (c->relative_pct) in["relative_change_pct"] = *c->relative_pct;
  if (c->robust_z) in["robust_z"] = *c->robust_z;
  if (c->absolute == 0) return reject(s, Type::Change, base, "no_change", in);
  if (c->previous <= 0 || c->current <= 0) return reject(s, Type::Change, base, "too_few", in);
  // Minimum basis: enough earlier changes to know the metric's normal variation.
  const auto pred = analysis::prediction_test(period_changes(Series(s.values.begin(), s.values.end() - 1), true),
                                              std::log(c->current / c->previous), R_.level.min_history);
  if (!pred) return reject(s, Type::Change, base, "too_little_history", in);
  in["t"] = pred->t;
  if (!significant(test_id(s, Type::Change, base), pred->p, in))
    return reject(s, Type::Change, base, "not_significant", in);
  if (c->relative_shown ? std::fabs(*c->relative_pct) < R_.level.min_relative_pct
                        : std::fabs(c->absolute) < R_.min_absolute_change)
    return reject(s, Type::Change, base, "too_small", in);
  if (c->relative_shown && !c->multiplier && rounds_to_zero_percent(*c->relative_pct))
    return reject(s, Type::Change, base, "rounds_to_zero", in);  // never "0%"
  const bool up = c->absolute > 0;
  Wording w;
  w.value = c->current;
  w.previous = c->previous;
  w.year_ago = s.year_ago;
  bool boost = false;
  w.record = record_of(s.values, up, &boost);
  if (c->multiplier && c->relative_shown) {
    w.form = Form::LevelMultiple;
    w.change = *c->multiplier;
  } else if (c->relative_shown) {
    w.form = Form::LevelPercent;
    w.change = *c->relative_pct;
  } else {
    // Below the baseline floor there is no relative change: the figure is the move itself
    // ("from 2 to 13"), never the bare new value.
    w.form = Form::LevelFromTo;
    w.record = {};
    boost = false;
  }
  const double magnitude = c->robust_z ? std::fabs(*c->robust_z) : std::fabs(pred->t);
  Item& it = add(s, Type::Change, FindingType::PeriodChange, up, magnitude, boost);
  it.f.wording = std::move(w);
  it.f.inputs.insert(in.begin(), in.end());
  change_index_[std::string(s.info->key) + "@" + it.f.scope] = items_.size() - 1;
}

namespace {

// The earlier point changes of a rate or score (a gap breaks the pair).
std::vector<double> point_changes(const Series& history) {
  std::vector<double> h;
  for (std::size_t i = 1; i < history.size(); ++i)
    if (history[i] && history[i - 1]) h.push_back(*history[i] - *history[i - 1]);
  return h;
}

}  // namespace

// Binomial rates and scores: pooled two-proportion z with enough messages in both periods
// (docs/findings-method.md §1).
Engine::RateTest Engine::binomial_rate_test(const Subject& s) {
  const double cur = *s.values.back(), old = *s.values[s.values.size() - 2];
  const auto& pc = s.proportions.back();
  const auto& pp = s.proportions[s.proportions.size() - 2];
  Series hist_p;  // the tested proportion in percent
  for (const auto& p : s.proportions)
    hist_p.push_back(p ? std::optional<double>(100.0 * static_cast<double>(p->hits) / static_cast<double>(p->total))
                       : std::nullopt);
  hist_p.pop_back();
  auto rc = analysis::compare_rates(*pp, *pc, hist_p, R_.rate);
  RateTest r;
  r.inputs = {{"value", cur},
              {"previous", old},
              {"current_n", static_cast<double>(pc->total)},
              {"previous_n", static_cast<double>(pp->total)}};
  if (rc.z) r.inputs["z"] = *rc.z;
  // Minimum basis: enough messages in both periods (ChangeGate::InsufficientData).
  const bool tested = rc.gate != analysis::ChangeGate::InsufficientData && rc.p;
  r.gate = !tested                                                                     ? "too_few"
           : !significant(test_id(s, Type::Change, previous_.key), *rc.p, r.inputs)    ? "not_significant"
           : std::fabs(rc.diff_pp) < R_.rate.min_diff_pp && s.info->kind == Kind::Rate ? "too_small"
                                                                                       : "";
  if (!r.gate.empty() || s.info->kind != Kind::Score) {
    r.shown = rc.displayed_diff_pp;
    r.magnitude = rc.magnitude;
    return r;
  }
  r.shown = std::round(cur) - std::round(old);
  if (std::fabs(r.shown) < R_.min_score_change_points) {
    r.gate = "too_small";
    r.inputs = {{"value", cur}, {"previous", old}};
    return r;
  }
  // Ranking against the metric's own history of point changes when there is one.
  const std::vector<double> h = point_changes(Series(s.values.begin(), s.values.end() - 1));
  std::optional<double> z;
  if (static_cast<int>(h.size()) >= R_.rate.min_history) z = analysis::robust_z(h, cur - old);
  r.magnitude = z ? std::fabs(*z) : rc.magnitude;
  return r;
}

// Over-dispersed ratios (engagement rate, share of voice): the point change against the earlier
// point changes.
Engine::RateTest Engine::ratio_test(const Subject& s) {
  const double cur = *s.values.back(), old = *s.values[s.values.size() - 2];
  const std::vector<double> h = point_changes(Series(s.values.begin(), s.values.end() - 1));
  RateTest r;
  r.inputs = {{"value", cur}, {"previous", old}};
  const auto pred = old > 0 ? analysis::prediction_test(h, cur - old, R_.rate.min_history) : std::nullopt;
  if (!pred) {
    r.gate = "too_little_history";
    return r;
  }
  r.inputs["t"] = pred->t;
  auto z = analysis::robust_z(h, cur - old);
  if (z) r.inputs["robust_z"] = *z;
  if (!significant(test_id(s, Type::Change, previous_.key), pred->p, r.inputs))
    r.gate = "not_significant";
  else if (std::fabs(100.0 * (cur / old - 1)) < R_.level.min_relative_pct)
    r.gate = "too_small";
  r.shown = std::round((analysis::displayed_pct(cur) - analysis::displayed_pct(old)) * 10) / 10;
  r.magnitude = z ? std::fabs(*z) : std::fabs(pred->t);
  return r;
}

void Engine::rate_change(const Subject& s) {
  const double cur = *s.values.back(), old = *s.values[s.values.size() - 2];
  const bool binomial = s.proportions.back() && s.proportions[s.proportions.size() - 2];
  RateTest r = binomial ? binomial_rate_test(s) : ratio_test(s);
  if (!r.gate.empty()) {
    reject(s, Type::Change, previous_.key, r.gate, r.inputs);
    // Thin data: the audit trail says so in words (never a finding: if the data are thin, say so).
    if (binomial && r.gate == "too_few" && s.info->kind == Kind::Rate) rejected_.back().wording.form = Form::TooFew;
    return;
  }
  if (r.shown == 0)
    return reject(s, Type::Change, previous_.key, "rounds_to_zero", {{"value", cur}, {"previous", old}});
  const bool up = r.shown > 0;
  Wording w;
  w.form = Form::RateChange;
  w.value = cur;
  w.previous = old;
  w.change = r.shown;
  bool boost = false;
  w.record = record_of(s.values, up, &boost);
  Item& it = add(s, Type::Change, FindingType::PeriodChange, up, r.magnitude, boost);
  it.f.wording = std::move(w);
  it.f.inputs.insert(r.inputs.begin(), r.inputs.end());
  it.f.inputs["value"] = cur;
  it.f.inputs["previous"] = old;
  it.f.inputs["delta_points"] = r.shown;
  change_index_[std::string(s.info->key) + "@" + it.f.scope] = items_.size() - 1;
}

}  // namespace boardbrief::findings::detail
