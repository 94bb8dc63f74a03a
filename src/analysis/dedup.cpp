#include "analysis/dedup.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace boardbrief::analysis {
namespace {

// Folds every candidate with an equal key into the best-ranked one; `eligible` = false
// leaves a candidate alone.
template <typename KeyFn, typename EligibleFn>
std::vector<std::size_t> fold_by(const std::vector<Candidate>& c, KeyFn key, EligibleFn eligible) {
  std::vector<std::size_t> into(c.size());
  std::map<decltype(key(c[0])), std::size_t> best;
  for (std::size_t i = 0; i < c.size(); ++i) {
    into[i] = i;
    if (!eligible(c[i])) continue;
    auto [it, inserted] = best.try_emplace(key(c[i]), i);
    if (!inserted && ranks_before(c[i], c[it->second])) it->second = i;
  }
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (eligible(c[i])) into[i] = best.at(key(c[i]));
  }
  return into;
}

}  // namespace

std::vector<std::size_t> fold_same_family(const std::vector<Candidate>& candidates) {
  if (candidates.empty()) return {};
  return fold_by(
      candidates, [](const Candidate& c) { return std::make_tuple(c.family, c.channel, c.period); },
      [](const Candidate&) { return true; });
}

std::vector<std::size_t> fold_trend_and_change(const std::vector<Candidate>& candidates) {
  if (candidates.empty()) return {};
  return fold_by(
      candidates, [](const Candidate& c) { return std::make_tuple(c.metric, c.channel, c.direction); },
      [](const Candidate& c) { return c.type == FindingType::Trend || c.type == FindingType::PeriodChange; });
}

std::vector<ChannelGroup> group_across_channels(const std::vector<Candidate>& candidates, int min_channels,
                                                double factor) {
  using Key = std::tuple<std::string, std::string, FindingType, Direction>;
  std::map<Key, std::vector<std::size_t>> groups;  // std::map: groups come out in key order
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    groups[{c.metric, c.period, c.type, c.direction}].push_back(i);
  }
  std::vector<ChannelGroup> out;
  for (auto& [key, members] : groups) {
    std::set<std::string> channels;
    for (std::size_t i : members) channels.insert(candidates[i].channel);
    if (static_cast<int>(channels.size()) < min_channels) continue;
    std::stable_sort(members.begin(), members.end(),
                     [&](std::size_t a, std::size_t b) { return ranks_before(candidates[a], candidates[b]); });
    ChannelGroup g;
    g.members = members;
    g.merged = candidates[members.front()];
    g.merged.channel.clear();
    g.merged.score *= factor;
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace boardbrief::analysis
