#include "findings/continuity.h"

#include <algorithm>
#include <map>

namespace boardbrief::findings {

const char* status_name(Status s) { return s == Status::Continuing ? "continuing" : "new"; }

bool same_identity(const Finding& a, const Finding& b) {
  return a.type == b.type && a.metric == b.metric && a.scope == b.scope && a.direction == b.direction &&
         a.tone == b.tone;
}

bool same_problem(const Finding& a, const Finding& b) {
  if (same_identity(a, b)) return true;
  return a.tone == Tone::Bad && b.tone == Tone::Bad && a.metric == b.metric && a.scope == b.scope &&
         carries_over(a.type) && carries_over(b.type);
}

bool carries_over(Type t) { return t == Type::Change || t == Type::Trend || t == Type::Record || t == Type::Target; }

namespace {

// Lazily recomputed earlier periods, each at most once.
class Earlier {
 public:
  Earlier(std::size_t max_back, const EarlierFindings& f) : max_(max_back), f_(f) {}
  const std::vector<Finding>* at(std::size_t back) {
    if (back == 0 || back > max_) return nullptr;
    auto it = cache_.find(back);
    if (it == cache_.end()) it = cache_.emplace(back, f_(back)).first;
    return &it->second;
  }
  std::size_t computed() const { return cache_.size(); }

 private:
  std::size_t max_;
  const EarlierFindings& f_;
  std::map<std::size_t, std::vector<Finding>> cache_;
};

const Finding* find_same(const std::vector<Finding>* list, const Finding& f) {
  if (!list) return nullptr;
  for (const auto& g : *list)
    if (carries_over(g.type) && same_problem(g, f)) return &g;
  return nullptr;
}

// The first period of f's unbroken run, looking back from `start` (where f is known kept).
std::string run_start(const Finding& f, std::size_t start, Earlier& earlier) {
  std::string since = f.period;
  for (std::size_t back = start + 1;; ++back) {
    const Finding* g = find_same(earlier.at(back), f);
    if (!g) return since;
    since = g->period;
  }
}

}  // namespace

Continuity trace_continuity(const std::vector<Finding>& now, std::size_t max_back, const EarlierFindings& earlier_f) {
  Continuity out;
  Earlier earlier(max_back, earlier_f);
  for (const auto& f : now) {
    Continuity::Mark m;
    m.since = f.period;
    if (carries_over(f.type) && find_same(earlier.at(1), f)) {
      m.status = Status::Continuing;
      m.since = run_start(f, 0, earlier);
    }
    out.kept.push_back(m);
  }
  if (const auto* previous = earlier.at(1)) {
    for (const auto& g : *previous) {
      if (!g.summary || g.tone != Tone::Bad || !carries_over(g.type)) continue;
      const bool still = std::any_of(now.begin(), now.end(), [&](const Finding& f) { return same_problem(f, g); });
      if (!still) out.resolved.push_back({g, run_start(g, 1, earlier)});
    }
  }
  out.periods_recomputed = earlier.computed();
  return out;
}

}  // namespace boardbrief::findings
