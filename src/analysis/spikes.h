// Spike and dip detection on daily series (docs/findings-method.md): a centred 7-day median level plus a
// weekday effect gives the expected value E_t; robust z of the residual flags outliers.
#pragma once

#include <date/date.h>

#include <array>
#include <optional>
#include <vector>

#include "analysis/stats.h"

namespace boardbrief::analysis {

struct Spike;

// Thresholds of the spike test (docs/findings-method.md §1).
struct SpikeRules {
  std::optional<double> threshold;  // |z| at or above; default: spike_threshold(n)
  double min_abs = 5.0;             // |y − E| >= max(min_abs, min_rel·|E|)
  double min_rel = 0.25;
  double min_count = 10.0;  // count metrics: max(y, E) >= min_count
  int max_flags = 2;        // per metric, largest |z| first
  int min_days = 28;
  double max_missing_share = 0.10;  // more missing days than this: skip the metric
  // Phrasing: "4.8× the usual level" only against a usual level of at least the
  // count floor a day. Against a near-zero level (per-post exports, crawled data) a ratio like
  // "221×" measures the baseline, not the day: the finding then gives the day's value and the
  // usual level instead ("… to 222, against a usual level of less than one a day").
  bool phrase_as_ratio(const Spike& s) const;
};

// One flagged day.
struct Spike {
  int day = 0;                  // index into the input series
  double y = 0;                 // observed value
  double expected = 0;          // E_t
  double z = 0;                 // robust z; > 0 spike, < 0 dip
  std::optional<double> ratio;  // y/E when E > 0 ("4.8× the usual level")
};

inline bool SpikeRules::phrase_as_ratio(const Spike& s) const { return s.ratio && s.expected >= min_count; }

enum class SpikeScanStatus { Ok, TooShort, TooManyMissing, NoVariation };

// The decomposition and the flags. On a status other than Ok only `status` is meaningful.
struct SpikeScan {
  SpikeScanStatus status = SpikeScanStatus::Ok;
  double threshold = 0;
  double center = 0;                            // c = median residual
  double sigma = 0;                             // robust scale after the Poisson floor / MAD fallback
  std::array<double, 7> weekday_effect{};       // w_k, Monday first
  std::vector<std::optional<double>> expected;  // E_t; nullopt when t's 7-day window is empty
  std::vector<std::optional<double>> z;         // nullopt on missing days
  std::vector<Spike> spikes;                    // by descending |z|, at most max_flags
};

// The |z| threshold for a window of n days: 3.5 (Iglewicz-Hoaglin) up to 140 days; above, the
// S-H-ESD first critical value λ_1(n) interpolated from a table of the published critical values, never below 3.5,
// and held at λ_1(365) = 3.778 beyond 365 days.
double spike_threshold(int n);

// Scans `y` (one value per day, nullopt = missing; y[0] falls on `first_weekday`). Flags only
// days with index >= report_begin. `is_count` selects the Poisson floor
// σ >= √max(median E, 1) and the min-count rule; other metrics fall back from MAD = 0 to the
// mean absolute deviation and report NoVariation when that is 0 too.
// Returns TooShort below rules.min_days days and TooManyMissing above the missing share.
SpikeScan detect_spikes(const Series& y, date::weekday first_weekday, int report_begin, bool is_count,
                        const SpikeRules& rules = {});

// The series with each spike's day replaced by its expected value (docs/findings-method.md §5: does a
// period change survive without the anomaly?).
Series without_spikes(const Series& y, const std::vector<Spike>& spikes);

}  // namespace boardbrief::analysis
