// Period-over-period comparisons (docs/findings-method.md): level changes gated by the robust z of
// the log change, rate changes in percentage points gated by a two-proportion z test.
#pragma once

#include <cstdint>
#include <optional>

#include "analysis/stats.h"

namespace boardbrief::analysis {

// Metric classes with different baseline floors for relative changes.
enum class LevelKind {
  EventCount,  // engagements, messages, mentions: floor 30
  PostCount,   // posts: floor 10
  Exposure,    // reach, impressions, followers: floor 100
};

// Smallest previous value for which a relative change (%) may be shown.
double baseline_floor(LevelKind kind);

// What the gate decided.
enum class ChangeGate {
  Report,            // passes: a finding
  Appendix,          // 2 <= |robust z| < 3 (or |z| >= 3 but the size is immaterial): appendix only
  Suppress,          // not a finding
  InsufficientData,  // nothing to compare (previous <= 0, or rates below the sample-size gate)
};

struct LevelRules {
  double report_z = 3.0;
  double appendix_z = 2.0;
  double min_relative_pct = 10.0;           // with a robust z
  double min_relative_pct_no_history = 25;  // with fewer than min_history changes
  int min_history = 6;
  double multiplier_from = 4.0;  // current/previous at or above: "4.2×" instead of "+320 %"
};

struct LevelChange {
  double previous = 0;
  double current = 0;
  double absolute = 0;                 // current − previous, unrounded
  std::optional<double> relative_pct;  // 100(current/previous − 1); nullopt when previous <= 0
  bool relative_shown = false;         // previous >= baseline floor; else "from 4 to 11"
  std::optional<double> multiplier;    // current/previous when >= multiplier_from
  int history_changes = 0;             // usable historical log changes
  std::optional<double> robust_z;      // of ln(current/previous) vs the history (>= min_history)
  bool unusual = false;                // passed through the robust-z gate (may say "unusual")
  ChangeGate gate = ChangeGate::Suppress;
};

// Compares the last two entries of `levels` (one per period, oldest first); the earlier
// consecutive pairs with both values > 0 give the historical log changes.
// Returns nullopt when either of the last two periods is missing.
std::optional<LevelChange> compare_level(const Series& levels, LevelKind kind, const LevelRules& rules = {});

// Successes out of trials for one period (e.g. unanswered messages out of the cohort).
struct Proportion {
  std::int64_t hits = 0;
  std::int64_t total = 0;
};

struct Interval {
  double lower = 0;
  double upper = 0;
};

// Wilson score interval for hits/total (fractions, not percent). REQUIRES: total > 0
Interval wilson_interval(Proportion p, double z = kZ975);

struct RateRules {
  std::int64_t min_total = 30;  // each period's denominator
  double min_expected = 5;      // n·p̂ and n(1 − p̂) with the pooled p̂, each period
  double alpha = 0.05;
  double min_diff_pp = 3.0;
  int min_history = 6;  // historical pp changes for the robust-z magnitude
};

struct RateChange {
  double previous_pct = 0;
  double current_pct = 0;
  double diff_pp = 0;              // unrounded
  double displayed_diff_pp = 0;    // displayed current − displayed previous (see displayed_pct)
  std::optional<double> ratio;     // current/previous rate; nullopt when previous is 0
  std::optional<double> z;         // pooled two-proportion z; nullopt when p̂ is 0 or 1
  std::optional<double> p;         // two-sided
  std::optional<double> robust_z;  // pp change vs historical pp changes (>= min_history)
  double magnitude = 0;            // for ranking: |robust z| if available, else |z|
  ChangeGate gate = ChangeGate::Suppress;
};

// Compares two proportions. `history_pct` holds the rate (in percent) of the periods before
// and including `previous`, oldest first; its consecutive changes are the history.
// REQUIRES: previous.total > 0, current.total > 0, 0 <= hits <= total
RateChange compare_rates(Proportion previous, Proportion current, const Series& history_pct = {},
                         const RateRules& rules = {});

// A percentage as it is displayed (docs/findings-method.md): 0 decimals when |v| >= 10, else 1 decimal,
// rounding half away from zero after nudging by 1e−9 (so 1.45 shows as 1.5).
double displayed_pct(double pct);

}  // namespace boardbrief::analysis
