// Customer-dialogue metrics for one cohort of messages (notes §4.2): response rate, unanswered
// share and first-response-time percentiles, with unanswered messages counted as infinite.
#pragma once

#include <date/date.h>

#include <chrono>
#include <optional>
#include <vector>

namespace boardbrief::analysis {

// One inbound message of the cohort (received in the report period, report time zone).
struct CohortMessage {
  date::sys_seconds received_at;
  std::optional<date::sys_seconds> replied_at;  // first human reply; nullopt = none
};

// First response time; nullopt means "not answered within the response window" (∞).
using Frt = std::optional<std::chrono::seconds>;

struct CohortSummary {
  int cohort = 0;        // all messages given
  int mature = 0;        // cutoff − received >= window: the denominator
  int answered = 0;      // mature and replied within the window
  bool provisional = false;  // some messages were immature and excluded
  std::optional<double> response_rate;     // answered/mature; nullopt when mature = 0
  std::optional<double> unanswered_share;  // 1 − response rate
  std::vector<Frt> frt;  // per mature message, input order; nullopt = ∞
};

// Summarises a cohort. A message is mature when cutoff − received_at >= window; immature
// messages are left out of numerator and denominator (never counted as unanswered) and make
// the summary provisional. A reply later than the window counts as ∞; a reply stamped before
// receipt counts as 0 s (clock skew between systems).
// REQUIRES: window > 0
CohortSummary summarise_cohort(const std::vector<CohortMessage>& messages,
                               date::sys_seconds cutoff,
                               std::chrono::seconds window = std::chrono::hours{72});

// 1-based nearest rank k = ceil(pct·n/100) in integer arithmetic, at least 1.
// (Floating ceil(0.07·100) is 8; this gives 7.)
// REQUIRES: 1 <= pct <= 100, n >= 1
int nearest_rank(int pct, int n);

// A percentile of response times: a duration or "infinite" (fewer than pct % answered).
struct FrtPercentile {
  bool infinite = false;
  std::chrono::seconds value{0};  // meaningful only when !infinite
};

// Nearest-rank (Hyndman-Fan type 1) percentile over all values with ∞ included: the
// k-th smallest, found with std::nth_element. Returns nullopt for an empty input.
// REQUIRES: 1 <= pct <= 100
std::optional<FrtPercentile> frt_percentile(std::vector<Frt> frt, int pct);

// Nearest-rank median over answered messages only (the vendor-comparable secondary figure;
// label it "among answered messages"). nullopt when nothing was answered.
std::optional<std::chrono::seconds> answered_median(const std::vector<Frt>& frt);

}  // namespace boardbrief::analysis
