// Changes against the same period one year earlier, standalone or as a clause of a trend or change.
#include "findings/engine_parts.h"

#include "analysis/fdr.h"

namespace boardbrief::findings::detail {

// No history of year-on-year changes exists inside a 13-period window, so levels and durations
// pass a variance gate: the log change against the spread of the window's other log levels
// (t = Δ/(sd·√2), n − 1 degrees of freedom; a trending window has a wide spread, so the gate is
// conservative there). Binomial rates use the two-proportion test with enough messages in both
// periods; over-dispersed ratios (engagement rate, share of voice) have no test and are not
// compared (docs/findings-method.md).
void Engine::year_ago_change(const Subject& s) {
  const model::Period& ya = ps_.all[ps_.year_ago];
  if (ps_.year_ago == ps_.previous || ps_.year_ago == ps_.report) return;  // weekly/custom overlap
  if (!s.values.back()) return;  // already recorded against the previous period
  if (!s.year_ago) return reject(s, Type::Change, ya.key, "missing_value");
  std::map<std::string, double> in{{"value", *s.values.back()}, {"year_ago", *s.year_ago}};
  if (s.info->kind == Kind::Level || s.info->kind == Kind::Minutes)
    year_ago_level(s, in);
  else
    year_ago_rate(s, in);
}

void Engine::year_ago_level(const Subject& s, std::map<std::string, double>& in) {
  const std::string& ya = ps_.all[ps_.year_ago].key;
  const double cur = *s.values.back(), old = *s.year_ago;
  if (s.info->kind == Kind::Minutes && !s.enough_sample_year) return reject(s, Type::Change, ya, "sample_size", in);
  if (s.sum && (s.coverage.back() < 1.0 || s.year_ago_coverage < 1.0))
    return reject(s, Type::Change, ya, "missing_days", in);
  auto c = analysis::compare_level(Series{old, cur}, s.info->level, R_.level);
  if (!c) return reject(s, Type::Change, ya, "missing_value", in);
  if (c->relative_pct) in["relative_change_pct"] = *c->relative_pct;
  if (c->absolute == 0) return reject(s, Type::Change, ya, "no_change", in);
  if (!c->relative_shown) return reject(s, Type::Change, ya, "below_baseline_floor", in);
  if (c->current <= 0) return reject(s, Type::Change, ya, "too_few", in);
  // The spread of the other periods' log levels: neither the report period nor the year-ago one.
  std::vector<double> logs;
  for (std::size_t i = 0; i + 1 < s.values.size(); ++i)
    if (i != ps_.year_ago && s.values[i] && *s.values[i] > 0) logs.push_back(std::log(*s.values[i]));
  // Minimum basis: enough levels in the window to know its spread.
  if (static_cast<int>(logs.size()) < std::max(R_.level.min_history, 2))
    return reject(s, Type::Change, ya, "too_little_history", in);
  double mean = 0, ss = 0;
  for (double l : logs) mean += l / static_cast<double>(logs.size());
  for (double l : logs) ss += (l - mean) * (l - mean);
  const double level_sd = std::sqrt(ss / static_cast<double>(logs.size() - 1));
  if (!(level_sd > 0)) return reject(s, Type::Change, ya, "no_variation", in);
  const double t = std::log(c->current / c->previous) / (level_sd * std::sqrt(2.0));
  in["t"] = t;
  if (!significant(test_id(s, Type::Change, ya), analysis::student_t_p(t, static_cast<double>(logs.size() - 1)), in))
    return reject(s, Type::Change, ya, "not_significant", in);
  if (std::fabs(*c->relative_pct) < R_.level.min_relative_pct) return reject(s, Type::Change, ya, "too_small", in);
  Wording w;
  w.value = cur;
  w.previous = old;
  if (c->multiplier) {
    in["multiplier"] = *c->multiplier;
    w.form = Form::YearMultiple;
    w.change = *c->multiplier;
  } else {
    if (rounds_to_zero_percent(*c->relative_pct)) return reject(s, Type::Change, ya, "rounds_to_zero", in);
    w.form = Form::YearPercent;
    w.change = *c->relative_pct;
  }
  // The gate's level: no history to measure against.
  add_year_ago(s, c->absolute > 0, R_.level.report_z, std::move(w), in);
}

void Engine::year_ago_rate(const Subject& s, std::map<std::string, double>& in) {
  const std::string& ya = ps_.all[ps_.year_ago].key;
  const double cur = *s.values.back(), old = *s.year_ago;
  const auto& pc = s.proportions.back();
  if (!pc || !s.year_ago_proportion) return reject(s, Type::Change, ya, "no_gate_for_ratio", in);
  auto rc = analysis::compare_rates(*s.year_ago_proportion, *pc, {}, R_.rate);
  in["current_n"] = static_cast<double>(pc->total);
  in["year_ago_n"] = static_cast<double>(s.year_ago_proportion->total);
  if (rc.z) in["z"] = *rc.z;
  if (rc.p) in["p"] = *rc.p;
  if (rc.gate == analysis::ChangeGate::InsufficientData || !rc.p) return reject(s, Type::Change, ya, "too_few", in);
  if (!significant(test_id(s, Type::Change, ya), *rc.p, in)) return reject(s, Type::Change, ya, "not_significant", in);
  if (s.info->kind == Kind::Rate && std::fabs(rc.diff_pp) < R_.rate.min_diff_pp)
    return reject(s, Type::Change, ya, "too_small", in);
  const double shown = s.info->kind == Kind::Score ? std::round(cur) - std::round(old) : rc.displayed_diff_pp;
  if (s.info->kind == Kind::Score && std::fabs(shown) < R_.min_score_change_points)
    return reject(s, Type::Change, ya, "too_small", in);
  if (shown == 0) return reject(s, Type::Change, ya, "rounds_to_zero", in);
  in["delta_points"] = shown;
  Wording w;
  w.form = Form::YearRate;
  w.value = cur;
  w.previous = old;
  w.change = shown;
  // Large samples make |z| huge for any real change; a year-on-year change has no history to
  // be measured against, so it ranks at the gate's level like a level change without history.
  add_year_ago(s, shown > 0, std::min(rc.magnitude, R_.level.report_z), std::move(w), in);
}

void Engine::add_year_ago(const Subject& s, bool up, double magnitude, Wording w,
                          const std::map<std::string, double>& in) {
  const model::Period& ya = ps_.all[ps_.year_ago];
  Item& it = add(s, Type::Change, FindingType::PeriodChange, up, magnitude, false);
  it.f.wording = std::move(w);
  it.f.baseline = ya.key;
  it.f.inputs.insert(in.begin(), in.end());
  it.year_ago = true;
  it.dedup = false;  // joins a trend or change of the same metric as a clause (fold_year_ago)
  it.c.period = report_.key + "/" + ya.key;
}

// A year-on-year change that agrees with a trend or previous-period change of the same metric
// and scope becomes a clause of that sentence ("…; 2.7× the level of October 2025"). When a
// spike explained the previous-period change (docs/findings-method.md §5), the spike's sentence already tells
// the period's story, so the year-on-year change joins it ("…down to −25, 9 points below
// October 2025") rather than standing as a second finding about the same fall.
void Engine::fold_year_ago() {
  for (auto& y : items_) {
    if (!y.alive || !y.year_ago) continue;
    Item* host = nullptr;
    for (auto& h : items_) {
      if (!h.alive || h.year_ago || h.f.metric != y.f.metric || h.f.scope != y.f.scope ||
          h.f.direction != y.f.direction || (h.f.type != Type::Change && h.f.type != Type::Trend))
        continue;
      if (!host || h.f.score > host->f.score) host = &h;
    }
    ClauseKind kind = ClauseKind::YearAgo;
    if (!host) {
      for (auto& h : items_)
        if (h.alive && h.f.type == Type::Anomaly && h.explains == y.f.metric && h.f.scope == y.f.scope &&
            h.explains_direction == y.f.direction && h.f.told())
          host = &h;
      if (!host) continue;
      kind = ClauseKind::YearAgoAfterSpike;
    }
    host->f.wording.clauses.push_back({kind, y.f.direction, y.f.wording, y.f.metric});
    for (const auto& [k, v] : y.f.inputs)
      if (k != "magnitude" && k != "value") host->f.inputs["year_ago_" + k] = v;
    host->f.inputs["year_ago_folded"] = 1;
    host->f.score = std::max(host->f.score, y.f.score);
    y.alive = false;
    y.dropped_by = "clause_of_other_finding";
    absorb(*host, y);
  }
}

}  // namespace boardbrief::findings::detail
