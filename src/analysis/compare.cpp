#include "analysis/compare.h"

#include <cassert>
#include <cmath>
#include <vector>

namespace boardbrief::analysis {
namespace {

// Changes between consecutive observed periods (a gap breaks the pair).
std::vector<double> consecutive_changes(const Series& s, bool log_change) {
  std::vector<double> changes;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (!s[i] || !s[i - 1]) continue;
    if (!log_change) {
      changes.push_back(*s[i] - *s[i - 1]);
    } else if (*s[i] > 0 && *s[i - 1] > 0) {
      changes.push_back(std::log(*s[i] / *s[i - 1]));
    }
  }
  return changes;
}

}  // namespace

double baseline_floor(LevelKind kind) {
  switch (kind) {
    case LevelKind::EventCount: return 30;
    case LevelKind::PostCount: return 10;
    case LevelKind::Exposure: return 100;
  }
  return 0;
}

std::optional<LevelChange> compare_level(const Series& levels, LevelKind kind, const LevelRules& rules) {
  if (levels.size() < 2 || !levels.back() || !levels[levels.size() - 2]) return std::nullopt;
  LevelChange c;
  c.previous = *levels[levels.size() - 2];
  c.current = *levels.back();
  c.absolute = c.current - c.previous;
  if (c.previous <= 0) {  // "from 0 to N", never "+∞ %"
    c.gate = ChangeGate::InsufficientData;
    return c;
  }
  c.relative_pct = 100.0 * (c.current / c.previous - 1.0);
  c.relative_shown = c.previous >= baseline_floor(kind);
  if (c.current / c.previous >= rules.multiplier_from) c.multiplier = c.current / c.previous;

  const std::vector<double> history = consecutive_changes(Series(levels.begin(), levels.end() - 1), true);
  c.history_changes = static_cast<int>(history.size());
  if (c.history_changes >= rules.min_history && c.current > 0) {
    c.robust_z = robust_z(history, std::log(c.current / c.previous));
  }
  const double rel = std::fabs(*c.relative_pct);
  if (c.robust_z) {
    const double z = std::fabs(*c.robust_z);
    c.unusual = z >= rules.report_z && rel >= rules.min_relative_pct;
    c.gate = c.unusual ? ChangeGate::Report : z >= rules.appendix_z ? ChangeGate::Appendix : ChangeGate::Suppress;
  } else {
    // Too little history to know what is normal: only large changes, and never "unusual".
    c.gate = rel >= rules.min_relative_pct_no_history ? ChangeGate::Report : ChangeGate::Suppress;
  }
  return c;
}

Interval wilson_interval(Proportion p, double z) {
  assert(p.total > 0);
  const double n = static_cast<double>(p.total);
  const double phat = static_cast<double>(p.hits) / n;
  const double z2 = z * z;
  const double denom = 1 + z2 / n;
  const double center = (phat + z2 / (2 * n)) / denom;
  const double half = z / denom * std::sqrt(phat * (1 - phat) / n + z2 / (4 * n * n));
  return {center - half, center + half};
}

double displayed_pct(double pct) {
  const double scale = std::fabs(pct) >= 10 ? 1.0 : 10.0;
  const double nudged = pct * scale + std::copysign(1e-9, pct);
  return std::round(nudged) / scale;  // std::round is half away from zero
}

RateChange compare_rates(Proportion previous, Proportion current, const Series& history_pct, const RateRules& rules) {
  assert(previous.total > 0 && current.total > 0);
  const double n0 = static_cast<double>(previous.total);
  const double n1 = static_cast<double>(current.total);
  const double p0 = previous.hits / n0;
  const double p1 = current.hits / n1;
  RateChange c;
  c.previous_pct = 100 * p0;
  c.current_pct = 100 * p1;
  c.diff_pp = c.current_pct - c.previous_pct;
  // Rounded to 1 decimal again so that 8.4 − 7.3 does not print as 1.0999999.
  c.displayed_diff_pp = std::round((displayed_pct(c.current_pct) - displayed_pct(c.previous_pct)) * 10) / 10;
  if (p0 > 0) c.ratio = p1 / p0;

  const double pooled = (previous.hits + current.hits) / (n0 + n1);
  if (pooled > 0 && pooled < 1) {
    c.z = (p1 - p0) / std::sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
    c.p = two_sided_p(*c.z);
  }
  const std::vector<double> history = consecutive_changes(history_pct, false);
  if (static_cast<int>(history.size()) >= rules.min_history) {
    c.robust_z = robust_z(history, c.diff_pp);
  }
  c.magnitude = c.robust_z ? std::fabs(*c.robust_z) : c.z ? std::fabs(*c.z) : 0.0;

  const auto enough = [&](double n) {
    return n >= rules.min_total && n * pooled >= rules.min_expected && n * (1 - pooled) >= rules.min_expected;
  };
  if (!enough(n0) || !enough(n1) || !c.p) {
    c.gate = ChangeGate::InsufficientData;  // "too few messages to compare"
  } else if (*c.p <= rules.alpha && std::fabs(c.diff_pp) >= rules.min_diff_pp) {
    c.gate = ChangeGate::Report;
  } else {
    c.gate = ChangeGate::Suppress;
  }
  return c;
}

}  // namespace boardbrief::analysis
