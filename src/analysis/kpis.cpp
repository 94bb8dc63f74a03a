#include "analysis/kpis.h"

#include <cmath>

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

}  // namespace

std::vector<Kpi> compute_kpis(const ReportData& data, const std::vector<model::TargetRow>& targets) {
  const auto& ps = data.periods;
  std::vector<Kpi> out;
  const series::DialogueSeries* dlg = data.find_dialogue(series::Scope::all_own());
  auto window_of = [&](auto&& value_at) {
    std::vector<std::optional<double>> w;
    for (std::size_t i = 0; i < ps.window_size; ++i) w.push_back(value_at(i));
    return w;
  };

  if (dlg) {
    const auto& P = dlg->periods;
    Kpi u;
    u.metric = "unanswered_share";
    u.kind = ValueKind::Share;
    u.better = model::Better::Down;
    u.window = window_of([&](std::size_t i) { return P[i].unanswered_share(); });
    u.value = P[ps.report].unanswered_share();
    u.previous = P[ps.previous].unanswered_share();
    u.year_ago = P[ps.year_ago].unanswered_share();
    u.provisional = P[ps.report].provisional;
    u.numerator = static_cast<double>(P[ps.report].mature - P[ps.report].answered);
    u.denominator = static_cast<double>(P[ps.report].mature);
    if (u.value && u.previous) u.vs_previous = compare_share(P[ps.report], P[ps.previous], *u.value, *u.previous);
    if (u.value && u.year_ago) u.vs_year_ago = compare_share(P[ps.report], P[ps.year_ago], *u.value, *u.year_ago);
    attach_target(u, data, targets);
    out.push_back(u);

    Kpi f;
    f.metric = "first_response_p50";
    f.kind = ValueKind::Minutes;
    f.better = model::Better::Down;
    bool inf = false;
    f.window = window_of([&](std::size_t i) { return minutes(P[i].frt_p50, inf); });
    f.value = minutes(P[ps.report].frt_p50, f.value_infinite);
    f.previous = minutes(P[ps.previous].frt_p50, inf);
    f.year_ago = minutes(P[ps.year_ago].frt_p50, inf);
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
    attach_target(f, data, targets);
    out.push_back(f);

    Kpi n;
    n.metric = "needs_reply";
    n.kind = ValueKind::Count;
    n.better = model::Better::None;
    // A period outside the database's interactions has no count (not zero): no comparison with it.
    auto count = [&](std::size_t i) {
      return P[i].covered ? std::optional<double>(static_cast<double>(P[i].needs_reply)) : std::nullopt;
    };
    n.window = window_of(count);
    n.value = count(ps.report);
    n.previous = count(ps.previous);
    n.year_ago = count(ps.year_ago);
    n.vs_previous = compare_level(n.value, n.previous, 30);
    n.vs_year_ago = compare_level(n.value, n.year_ago, 30);
    out.push_back(n);

    Kpi s;
    s.metric = "net_sentiment";
    s.kind = ValueKind::Score;
    s.better = model::Better::Up;
    s.window = window_of([&](std::size_t i) { return net_sentiment(P[i]); });
    s.value = net_sentiment(P[ps.report]);
    s.previous = net_sentiment(P[ps.previous]);
    s.year_ago = net_sentiment(P[ps.year_ago]);
    auto score_change = [&](std::optional<double> old) {
      Change c;
      if (s.value && old) {
        c.delta = *s.value - *old;
        c.significant = std::fabs(*c.delta) >= 10;
      }
      return c;
    };
    s.vs_previous = score_change(s.previous);
    s.vs_year_ago = score_change(s.year_ago);
    attach_target(s, data, targets);
    out.push_back(s);
  }

  for (const char* metric : {"share_of_voice", "impressions"}) {
    const series::MetricSeries* ser = data.find(metric, series::Scope::all_own());
    Kpi k;
    k.metric = metric;
    bool share = k.metric == "share_of_voice";
    k.kind = share ? ValueKind::Share : ValueKind::Count;
    if (const auto* def = data.metric_def(metric)) k.better = def->better;
    if (ser) {
      k.window.assign(ser->values.begin(), ser->values.begin() + static_cast<long>(ps.window_size));
      k.value = ser->values[ps.report];
      k.previous = ser->values[ps.previous];
      k.year_ago = ser->values[ps.year_ago];
      const auto& P = data.periods.all;
      k.provisional = ser->days_with_data[ps.report] < P[ps.report].days();
    } else {
      k.window.assign(ps.window_size, std::nullopt);
    }
    if (share) {
      auto share_change = [&](std::optional<double> old) {
        Change c;
        if (k.value && old) {
          c.delta = *k.value - *old;
          c.significant = std::fabs(*c.delta) >= 0.03;
        }
        return c;
      };
      k.vs_previous = share_change(k.previous);
      k.vs_year_ago = share_change(k.year_ago);
    } else {
      k.vs_previous = compare_level(k.value, k.previous, 100);
      k.vs_year_ago = compare_level(k.value, k.year_ago, 100);
    }
    attach_target(k, data, targets);
    out.push_back(k);
  }
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
