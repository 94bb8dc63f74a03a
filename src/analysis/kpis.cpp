#include "analysis/kpis.h"

#include <cmath>

#include "model/metric_keys.h"

namespace boardbrief::analysis {

namespace {

using series::DialoguePeriod;
using series::ReportData;

Change compare_share(const DialoguePeriod& cur, const DialoguePeriod& old, double vcur, double vold) {
  Change c;
  c.delta = vcur - vold;
  // Pooled two-proportion z with the sample-size gate in both periods (docs/findings-method.md).
  double n1 = static_cast<double>(cur.mature), n0 = static_cast<double>(old.mature);
  if (n1 < 30 || n0 < 30) return c;
  double pooled = (vcur * n1 + vold * n0) / (n1 + n0);
  if (pooled * (n0 + n1) < 5 || (1 - pooled) * (n0 + n1) < 5) return c;
  double se = std::sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
  if (se <= 0) return c;
  double z = (vcur - vold) / se;
  double p = std::erfc(std::fabs(z) / std::sqrt(2.0));
  c.significant = p <= 0.05 && std::fabs(vcur - vold) >= 0.03;
  return c;
}

Change compare_level(std::optional<double> cur, std::optional<double> old, double floor) {
  Change c;
  if (!cur || !old) return c;
  c.delta = *cur - *old;
  if (*old > 0) c.relative = *cur / *old - 1;
  c.significant = *old >= floor && c.relative && std::fabs(*c.relative) >= 0.10;
  return c;
}

std::optional<double> minutes(const std::optional<series::Duration>& d, bool& infinite) {
  infinite = false;
  if (!d) return std::nullopt;
  if (d->infinite) {
    infinite = true;
    return std::nullopt;
  }
  return static_cast<double>(d->seconds) / 60.0;
}

std::optional<double> net_sentiment(const DialoguePeriod& p) {
  std::int64_t n = p.positive + p.negative;
  if (n < kMinSentimentCount) return std::nullopt;
  return 100.0 * static_cast<double>(p.positive - p.negative) / static_cast<double>(n);
}

void attach_target(Kpi& k, const ReportData& data, const std::vector<model::TargetRow>& targets) {
  const auto& period = data.periods.all[data.periods.report];
  for (const auto& t : targets) {
    if (t.metric != k.metric || t.channel_id) continue;
    if (period.first < t.valid_from || period.last > t.valid_to) continue;
    TargetStatus s;
    s.value = t.value;
    s.at_most = k.better == model::Better::Down;
    if (k.value)
      s.met = s.at_most ? *k.value <= t.value : *k.value >= t.value;
    else
      s.met = false;
    k.target = s;
  }
}

// A change in points (sentiment score, share of voice) counts when it is at least `floor`.
Change compare_points(std::optional<double> cur, std::optional<double> old, double floor) {
  Change c;
  if (!cur || !old) return c;
  c.delta = *cur - *old;
  c.significant = std::fabs(*c.delta) >= floor;
  return c;
}

// The KPI's 13-period history: value_at(i) for each period of the window.
template <typename ValueAt>
std::vector<std::optional<double>> window_of(const series::PeriodSet& ps, ValueAt&& value_at) {
  std::vector<std::optional<double>> w;
  for (std::size_t i = 0; i < ps.window_size; ++i) w.push_back(value_at(i));
  return w;
}

// The report period's value, the previous one and the year-ago one, from value_at.
template <typename ValueAt>
void fill_values(Kpi& k, const series::PeriodSet& ps, ValueAt&& value_at) {
  k.window = window_of(ps, value_at);
  k.value = value_at(ps.report);
  k.previous = value_at(ps.previous);
  k.year_ago = value_at(ps.year_ago);
}

// A KPI with its values per period from value_at.
template <typename ValueAt>
Kpi make_kpi(const char* metric, ValueKind kind, model::Better better, const series::PeriodSet& ps,
             ValueAt&& value_at) {
  Kpi k;
  k.metric = metric;
  k.kind = kind;
  k.better = better;
  fill_values(k, ps, value_at);
  return k;
}

Kpi unanswered_share(const series::PeriodSet& ps, const std::vector<DialoguePeriod>& P) {
  Kpi u = make_kpi(model::metric_key::kUnansweredShare, ValueKind::Share, model::Better::Down, ps,
                   [&](std::size_t i) { return P[i].unanswered_share(); });
  u.provisional = P[ps.report].provisional;
  u.numerator = static_cast<double>(P[ps.report].mature - P[ps.report].answered);
  u.denominator = static_cast<double>(P[ps.report].mature);
  if (u.value && u.previous) u.vs_previous = compare_share(P[ps.report], P[ps.previous], *u.value, *u.previous);
  if (u.value && u.year_ago) u.vs_year_ago = compare_share(P[ps.report], P[ps.year_ago], *u.value, *u.year_ago);
  return u;
}

Kpi first_response(const series::PeriodSet& ps, const std::vector<DialoguePeriod>& P) {
  bool inf = false;
  Kpi f = make_kpi(model::metric_key::kFirstResponseP50, ValueKind::Minutes, model::Better::Down, ps,
                   [&](std::size_t i) { return minutes(P[i].frt_p50, inf); });
  f.value = minutes(P[ps.report].frt_p50, f.value_infinite);
  f.p90 = minutes(P[ps.report].frt_p90, f.p90_infinite);
  if (P[ps.report].business_p50) f.business_value = minutes(P[ps.report].business_p50, f.business_infinite);
  f.provisional = P[ps.report].provisional;
  f.vs_previous = compare_level(f.value, f.previous, 0);
  f.vs_year_ago = compare_level(f.value, f.year_ago, 0);
  // Durations are noisy at small samples: a comparison counts only with enough mature
  // messages in BOTH periods (docs/findings-method.md, "Minimum basis"); a September of three
  // messages says nothing about October's median.
  const std::int64_t min_mature = 30;
  if (P[ps.report].mature < min_mature || P[ps.previous].mature < min_mature) f.vs_previous.significant = false;
  if (P[ps.report].mature < min_mature || P[ps.year_ago].mature < min_mature) f.vs_year_ago.significant = false;
  return f;
}

Kpi needs_reply(const series::PeriodSet& ps, const std::vector<DialoguePeriod>& P) {
  // A period outside the database's interactions has no count (not zero): no comparison with it.
  Kpi n = make_kpi(model::metric_key::kNeedsReply, ValueKind::Count, model::Better::None, ps, [&](std::size_t i) {
    return P[i].covered ? std::optional<double>(static_cast<double>(P[i].needs_reply)) : std::nullopt;
  });
  n.vs_previous = compare_level(n.value, n.previous, 30);
  n.vs_year_ago = compare_level(n.value, n.year_ago, 30);
  return n;
}

Kpi net_sentiment_kpi(const series::PeriodSet& ps, const std::vector<DialoguePeriod>& P) {
  Kpi s = make_kpi(model::metric_key::kNetSentiment, ValueKind::Score, model::Better::Up, ps,
                   [&](std::size_t i) { return net_sentiment(P[i]); });
  s.vs_previous = compare_points(s.value, s.previous, 10);
  s.vs_year_ago = compare_points(s.value, s.year_ago, 10);
  return s;
}

// A stored metric of all own channels: share of voice (a share) or impressions (a count).
Kpi stored_metric(const ReportData& data, const char* metric) {
  const auto& ps = data.periods;
  Kpi k;
  k.metric = metric;
  const bool share = k.metric == model::metric_key::kShareOfVoice;
  k.kind = share ? ValueKind::Share : ValueKind::Count;
  if (const auto* def = data.metric_def(metric)) k.better = def->better;
  if (const series::MetricSeries* ser = data.find(metric, series::Scope::all_own())) {
    fill_values(k, ps, [&](std::size_t i) { return ser->values[i]; });
    k.provisional = ser->days_with_data[ps.report] < ps.all[ps.report].days();
  } else {
    k.window.assign(ps.window_size, std::nullopt);
  }
  k.vs_previous = share ? compare_points(k.value, k.previous, 0.03) : compare_level(k.value, k.previous, 100);
  k.vs_year_ago = share ? compare_points(k.value, k.year_ago, 0.03) : compare_level(k.value, k.year_ago, 100);
  return k;
}

}  // namespace

std::vector<Kpi> compute_kpis(const ReportData& data, const std::vector<model::TargetRow>& targets) {
  const auto& ps = data.periods;
  std::vector<Kpi> out;
  if (const series::DialogueSeries* dlg = data.find_dialogue(series::Scope::all_own())) {
    out.push_back(unanswered_share(ps, dlg->periods));
    out.push_back(first_response(ps, dlg->periods));
    out.push_back(needs_reply(ps, dlg->periods));
    out.push_back(net_sentiment_kpi(ps, dlg->periods));
  }
  for (const char* metric : {model::metric_key::kShareOfVoice, model::metric_key::kImpressions})
    out.push_back(stored_metric(data, metric));
  // Targets (the count of messages needing a reply is neither better up nor down: it has none).
  for (auto& k : out)
    if (k.metric != model::metric_key::kNeedsReply) attach_target(k, data, targets);
  return out;
}

Change unanswered_share_change(const series::DialoguePeriod& cur, const series::DialoguePeriod& old) {
  const auto v = cur.unanswered_share(), v0 = old.unanswered_share();
  if (!v || !v0) return {};
  return compare_share(cur, old, *v, *v0);
}

Change count_change(std::optional<double> cur, std::optional<double> old, double floor) {
  return compare_level(cur, old, floor);
}

}  // namespace boardbrief::analysis
