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
  const bool up = c->absolute > 0;
  const std::string period = period_in_sentence(report_, lang_);
  const std::string subject = subject_text(*s.info, s.scope_name);
  bool boost = false;
  std::string record = record_suffix(s.values, up, &boost);
  double magnitude = c->robust_z ? std::fabs(*c->robust_z) : std::fabs(pred->t);
  std::string sentence, figure;
  if (c->multiplier && c->relative_shown) {
    figure = text::format_multiplier(*c->multiplier, lang_);
    sentence =
        S_.format_sentence("finding.level_change_multiple", {{"metric", subject},
                                                             {"value", bold(value_text(s.info->kind, c->current))},
                                                             {"period", period},
                                                             {"ratio", bold(figure)},
                                                             {"prev_period", period_in_sentence(previous_, lang_)},
                                                             {"record", record}});
  } else if (c->relative_shown) {
    std::string pct = text::format_percent(std::fabs(*c->relative_pct), lang_);
    if (pct == text::format_percent(0, lang_))
      return reject(s, Type::Change, base, "rounds_to_zero", in);  // never "0%"
    figure = text::format_percent_change(*c->relative_pct, lang_);
    sentence = S_.format_sentence(up ? "finding.level_change_up" : "finding.level_change_down",
                                  {{"metric", subject},
                                   {"dpct", bold(pct)},
                                   {"period", period},
                                   {"value", bold(value_text(s.info->kind, c->current))},
                                   {"record", record}});
  } else {
    // Below the baseline floor there is no relative change: the figure is the move itself
    // ("from 2 to 13"), never the bare new value.
    figure = S_.format("finding.from_to", {{"from", bold(value_text(s.info->kind, c->previous))},
                                           {"to", bold(value_text(s.info->kind, c->current))}});
    sentence = S_.format_sentence(up ? "finding.level_change_from_up" : "finding.level_change_from_down",
                                  {{"metric", subject},
                                   {"from", bold(value_text(s.info->kind, c->previous))},
                                   {"to", bold(value_text(s.info->kind, c->current))},
                                   {"period", period}});
    boost = false;
  }
  Item& it = add(s, Type::Change, FindingType::PeriodChange, up, magnitude, boost);
  it.f.sentence = std::move(sentence);
  it.figure = figure.find("**") == std::string::npos ? bold(figure) : figure;
  it.f.inputs.insert(in.begin(), in.end());
  change_index_[std::string(s.info->key) + "@" + it.f.scope] = items_.size() - 1;
}

void Engine::rate_change(const Subject& s) {
  const double cur = *s.values.back(), old = *s.values[s.values.size() - 2];
  double magnitude = 0, shown_diff = 0;
  std::map<std::string, double> inputs;
  const auto& pc = s.proportions.back();
  const auto& pp = s.proportions[s.proportions.size() - 2];
  const Series history(s.values.begin(), s.values.end() - 1);
  if (pc && pp) {
    // Binomial: pooled two-proportion z with enough messages in both periods (docs/findings-method.md §1).
    Series hist_p;  // the tested proportion in percent
    for (const auto& p : s.proportions)
      hist_p.push_back(p ? std::optional<double>(100.0 * static_cast<double>(p->hits) / static_cast<double>(p->total))
                         : std::nullopt);
    hist_p.pop_back();
    auto rc = analysis::compare_rates(*pp, *pc, hist_p, R_.rate);
    std::map<std::string, double> in{{"value", cur},
                                     {"previous", old},
                                     {"current_n", static_cast<double>(pc->total)},
                                     {"previous_n", static_cast<double>(pp->total)}};
    if (rc.z) in["z"] = *rc.z;
    // Minimum basis: enough messages in both periods (ChangeGate::InsufficientData).
    const bool tested = rc.gate != analysis::ChangeGate::InsufficientData && rc.p;
    std::string gate = !tested                                                                     ? "too_few"
                       : !significant(test_id(s, Type::Change, previous_.key), *rc.p, in)          ? "not_significant"
                       : std::fabs(rc.diff_pp) < R_.rate.min_diff_pp && s.info->kind == Kind::Rate ? "too_small"
                                                                                                   : "";
    if (!gate.empty()) {
      reject(s, Type::Change, previous_.key, gate, in);
      // Thin data: the audit trail says so in words (never a finding: if the data are thin, say so).
      if (!tested && s.info->kind == Kind::Rate)
        rejected_.back().sentence =
            S_.format_sentence("finding.too_few", {{"period", period_in_sentence(report_, lang_)}});
      return;
    }
    inputs = in;
    if (s.info->kind == Kind::Score) {
      shown_diff = std::round(cur) - std::round(old);
      if (std::fabs(shown_diff) < R_.min_score_change_points)
        return reject(s, Type::Change, previous_.key, "too_small", {{"value", cur}, {"previous", old}});
      // Ranking against the metric's own history of point changes when there is one.
      std::vector<double> h;
      for (std::size_t i = 1; i < history.size(); ++i)
        if (history[i] && history[i - 1]) h.push_back(*history[i] - *history[i - 1]);
      std::optional<double> z;
      if (static_cast<int>(h.size()) >= R_.rate.min_history) z = analysis::robust_z(h, cur - old);
      magnitude = z ? std::fabs(*z) : rc.magnitude;
    } else {
      shown_diff = rc.displayed_diff_pp;
      magnitude = rc.magnitude;
    }
  } else {
    // Over-dispersed ratios (engagement rate, share of voice): robust z of the pp change.
    std::vector<double> h;
    for (std::size_t i = 1; i < history.size(); ++i)
      if (history[i] && history[i - 1]) h.push_back(*history[i] - *history[i - 1]);
    std::map<std::string, double> in{{"value", cur}, {"previous", old}};
    const auto pred = old > 0 ? analysis::prediction_test(h, cur - old, R_.rate.min_history) : std::nullopt;
    if (!pred) return reject(s, Type::Change, previous_.key, "too_little_history", in);
    in["t"] = pred->t;
    auto z = analysis::robust_z(h, cur - old);
    if (z) in["robust_z"] = *z;
    if (!significant(test_id(s, Type::Change, previous_.key), pred->p, in))
      return reject(s, Type::Change, previous_.key, "not_significant", in);
    if (std::fabs(100.0 * (cur / old - 1)) < R_.level.min_relative_pct)
      return reject(s, Type::Change, previous_.key, "too_small", in);
    shown_diff = std::round((analysis::displayed_pct(cur) - analysis::displayed_pct(old)) * 10) / 10;
    magnitude = z ? std::fabs(*z) : std::fabs(pred->t);
    inputs = in;
  }
  if (shown_diff == 0)
    return reject(s, Type::Change, previous_.key, "rounds_to_zero", {{"value", cur}, {"previous", old}});
  const bool up = shown_diff > 0;
  bool boost = false;
  std::string record = record_suffix(s.values, up, &boost);
  std::string amount =
      s.info->kind == Kind::Score
          ? S_.format(std::fabs(shown_diff) == 1 ? "finding.score_point" : "finding.score_points",
                      {{"n", text::format_integer(static_cast<std::int64_t>(std::fabs(shown_diff)), lang_)}})
          : text::format_points(std::fabs(shown_diff), lang_);
  std::string sentence = S_.format_sentence(up ? "finding.rate_change_up" : "finding.rate_change_down",
                                            {{"metric", subject_text(*s.info, s.scope_name)},
                                             {"value", bold(value_text(s.info->kind, cur))},
                                             {"period", period_in_sentence(report_, lang_)},
                                             {"dpp", bold(amount)},
                                             {"prev_period", period_in_sentence(previous_, lang_)},
                                             {"record", record}});
  Item& it = add(s, Type::Change, FindingType::PeriodChange, up, magnitude, boost);
  it.f.sentence = std::move(sentence);
  it.figure = bold(s.info->kind == Kind::Score ? text::format_score_change(shown_diff, lang_)
                                               : text::format_pp_change(shown_diff, lang_));
  it.f.inputs.insert(inputs.begin(), inputs.end());
  it.f.inputs["value"] = cur;
  it.f.inputs["previous"] = old;
  it.f.inputs["delta_points"] = shown_diff;
  change_index_[std::string(s.info->key) + "@" + it.f.scope] = items_.size() - 1;
}

}  // namespace boardbrief::findings::detail
