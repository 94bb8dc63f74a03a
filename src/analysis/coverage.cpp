#include "analysis/coverage.h"

#include <map>
#include <set>

namespace boardbrief::analysis {

std::vector<Gap> find_gaps(const std::vector<model::DailyValue>& values, const model::DayRange& range) {
  std::map<std::pair<std::int64_t, std::string>, std::set<date::local_days>> seen;
  for (const auto& v : values)
    if (v.day >= range.first && v.day <= range.last) seen[{v.channel_id, v.metric}].insert(v.day);
  std::vector<Gap> out;
  for (const auto& [key, days] : seen) {
    Gap g;
    g.channel_id = key.first;
    g.metric = key.second;
    for (auto d = range.first; d <= range.last; d += date::days{1}) {
      if (days.count(d)) continue;
      ++g.missing_days;
      if (!g.spans.empty() && g.spans.back().last + date::days{1} == d)
        g.spans.back().last = d;
      else
        g.spans.push_back({d, d});
    }
    if (g.missing_days > 0) out.push_back(std::move(g));
  }
  return out;
}

}  // namespace boardbrief::analysis
