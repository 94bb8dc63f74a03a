// De-duplication of scored findings before the cap (docs/findings-method.md). Each rule returns, for every
// candidate, the index of the candidate it is folded into (its own index when it is kept), so
// the phrasing stage can turn folded findings into clauses of the kept sentence.
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/score.h"

namespace boardbrief::analysis {

// Rule 1: one finding per (family, channel, period); the best-ranked one is kept.
std::vector<std::size_t> fold_same_family(const std::vector<Candidate>& candidates);

// Rule 2: a trend and a period change on the same metric, channel and direction; the
// best-ranked one is kept. Other finding types are never folded by this rule.
std::vector<std::size_t> fold_trend_and_change(const std::vector<Candidate>& candidates);

// Rule 4: same metric, period, type and direction on >= min_channels distinct channels.
struct ChannelGroup {
  std::vector<std::size_t> members;  // suppressed in favour of `merged`, in rank order
  Candidate merged;                  // best member, channel "", score × factor
};
std::vector<ChannelGroup> group_across_channels(const std::vector<Candidate>& candidates, int min_channels = 3,
                                                double factor = 1.1);

// Rule 3 (a change explained by an anomaly) needs the period aggregate recomputed without the
// flagged days: see without_spikes() in spikes.h and compare_level() in compare.h.

}  // namespace boardbrief::analysis
