#include "analysis/spikes.h"

#include <algorithm>
#include <cmath>

namespace boardbrief::analysis {
namespace {

constexpr int kWeek = 7;

// λ_1(α = 0.05, two-sided) of S-H-ESD (Rosner's generalized ESD), for interpolation above 140 days.
constexpr std::array<std::array<double, 2>, 4> kLambda1{{{120, 3.445}, {150, 3.517}, {180, 3.574}, {365, 3.778}}};

// Centred 7-day median of the observed values, the window shifted inside the series at the
// edges. nullopt when every day in the window is missing.
std::optional<double> level_at(const Series& y, int t) {
  const int n = static_cast<int>(y.size());
  const int start = std::clamp(t - kWeek / 2, 0, n - kWeek);
  std::vector<double> window;
  for (int i = start; i < start + kWeek; ++i) {
    if (y[i]) window.push_back(*y[i]);
  }
  if (window.empty()) return std::nullopt;
  return median(std::move(window));
}

}  // namespace

double spike_threshold(int n) {
  constexpr double kIglewiczHoaglin = 3.5;
  if (n <= 140) return kIglewiczHoaglin;
  if (n >= kLambda1.back()[0]) return kLambda1.back()[1];
  std::size_t i = 1;
  while (kLambda1[i][0] < n) ++i;
  const auto& lo = kLambda1[i - 1];
  const auto& hi = kLambda1[i];
  const double lambda = lo[1] + (n - lo[0]) * (hi[1] - lo[1]) / (hi[0] - lo[0]);
  // Between 140 and ~143 days the interpolation dips under 3.5; stay at least as strict.
  return std::max(kIglewiczHoaglin, lambda);
}

SpikeScan detect_spikes(const Series& y, date::weekday first_weekday, int report_begin, bool is_count,
                        const SpikeRules& rules) {
  SpikeScan scan;
  const int n = static_cast<int>(y.size());
  if (n < std::max(rules.min_days, kWeek)) {
    scan.status = SpikeScanStatus::TooShort;
    return scan;
  }
  const auto missing = std::count(y.begin(), y.end(), std::nullopt);
  if (static_cast<double>(missing) > rules.max_missing_share * n) {
    scan.status = SpikeScanStatus::TooManyMissing;
    return scan;
  }
  scan.threshold = rules.threshold.value_or(spike_threshold(n));
  const int monday_offset = static_cast<int>(first_weekday.iso_encoding()) - 1;  // [0, 6]
  const auto weekday_of = [monday_offset](int t) { return (monday_offset + t) % kWeek; };

  std::vector<std::optional<double>> level(n);
  std::array<std::vector<double>, kWeek> deviations;
  for (int t = 0; t < n; ++t) {
    level[t] = level_at(y, t);
    if (y[t] && level[t]) deviations[weekday_of(t)].push_back(*y[t] - *level[t]);
  }
  for (int k = 0; k < kWeek; ++k) {
    scan.weekday_effect[k] = deviations[k].empty() ? 0.0 : median(deviations[k]);
  }

  scan.expected.assign(n, std::nullopt);
  scan.z.assign(n, std::nullopt);
  std::vector<double> residuals, expected_observed;
  for (int t = 0; t < n; ++t) {
    if (!level[t]) continue;
    scan.expected[t] = *level[t] + scan.weekday_effect[weekday_of(t)];
    if (!y[t]) continue;
    residuals.push_back(*y[t] - *scan.expected[t]);
    expected_observed.push_back(*scan.expected[t]);
  }
  scan.center = median(residuals);
  scan.sigma = kMadToSigma * median_abs_deviation(residuals, scan.center);
  if (is_count) {
    // Poisson floor: a quiet count series (2, 3, 2, 7) has a tiny MAD but is not spiking.
    scan.sigma = std::max(scan.sigma, std::sqrt(std::max(median(expected_observed), 1.0)));
  } else if (scan.sigma == 0.0) {
    double sum = 0;
    for (double r : residuals) sum += std::fabs(r - scan.center);
    scan.sigma = kMeanAbsToSigma * sum / static_cast<double>(residuals.size());
  }
  if (scan.sigma == 0.0) {
    scan.status = SpikeScanStatus::NoVariation;
    return scan;
  }

  for (int t = 0; t < n; ++t) {
    if (!y[t] || !scan.expected[t]) continue;
    const double e = *scan.expected[t];
    const double z = (*y[t] - e - scan.center) / scan.sigma;
    scan.z[t] = z;
    if (t < report_begin || std::fabs(z) < scan.threshold) continue;
    if (std::fabs(*y[t] - e) < std::max(rules.min_abs, rules.min_rel * std::fabs(e))) continue;
    if (is_count && std::max(*y[t], e) < rules.min_count) continue;
    scan.spikes.push_back({t, *y[t], e, z, e > 0 ? std::optional(*y[t] / e) : std::nullopt});
  }
  // Largest |z| first; the earlier day wins an exact tie so the order is deterministic.
  std::stable_sort(scan.spikes.begin(), scan.spikes.end(),
                   [](const Spike& a, const Spike& b) { return std::fabs(a.z) > std::fabs(b.z); });
  if (static_cast<int>(scan.spikes.size()) > rules.max_flags) scan.spikes.resize(rules.max_flags);
  return scan;
}

Series without_spikes(const Series& y, const std::vector<Spike>& spikes) {
  Series out = y;
  for (const Spike& s : spikes) {
    if (s.day >= 0 && s.day < static_cast<int>(out.size())) out[s.day] = s.expected;
  }
  return out;
}

}  // namespace boardbrief::analysis
