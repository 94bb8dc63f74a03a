#include "analysis/dialogue.h"

#include <algorithm>
#include <cassert>

namespace boardbrief::analysis {
namespace {

// ∞ sorts after every finite duration.
constexpr std::chrono::seconds kInfinite = std::chrono::seconds::max();

std::chrono::seconds kth_smallest(std::vector<std::chrono::seconds>& v, int k) {
  // Selection, not a full sort: only one order statistic is needed.
  std::nth_element(v.begin(), v.begin() + (k - 1), v.end());
  return v[k - 1];
}

}  // namespace

CohortSummary summarise_cohort(const std::vector<CohortMessage>& messages,
                               date::sys_seconds cutoff, std::chrono::seconds window) {
  assert(window.count() > 0);
  CohortSummary s;
  s.cohort = static_cast<int>(messages.size());
  for (const CohortMessage& m : messages) {
    if (cutoff - m.received_at < window) {
      s.provisional = true;
      continue;
    }
    ++s.mature;
    Frt frt;
    if (m.replied_at) {
      const auto elapsed = std::max(*m.replied_at - m.received_at, std::chrono::seconds{0});
      if (elapsed <= window) frt = elapsed;
    }
    if (frt) ++s.answered;
    s.frt.push_back(frt);
  }
  if (s.mature > 0) {
    s.response_rate = static_cast<double>(s.answered) / s.mature;
    s.unanswered_share = 1.0 - *s.response_rate;
  }
  return s;
}

int nearest_rank(int pct, int n) {
  assert(pct >= 1 && pct <= 100 && n >= 1);
  return std::max(1, (pct * n + 99) / 100);
}

std::optional<FrtPercentile> frt_percentile(std::vector<Frt> frt, int pct) {
  if (frt.empty()) return std::nullopt;
  std::vector<std::chrono::seconds> v;
  v.reserve(frt.size());
  for (const Frt& f : frt) v.push_back(f.value_or(kInfinite));
  const auto value = kth_smallest(v, nearest_rank(pct, static_cast<int>(v.size())));
  if (value == kInfinite) return FrtPercentile{true, {}};
  return FrtPercentile{false, value};
}

std::optional<std::chrono::seconds> answered_median(const std::vector<Frt>& frt) {
  std::vector<std::chrono::seconds> v;
  for (const Frt& f : frt) {
    if (f) v.push_back(*f);
  }
  if (v.empty()) return std::nullopt;
  return kth_smallest(v, nearest_rank(50, static_cast<int>(v.size())));
}

}  // namespace boardbrief::analysis
