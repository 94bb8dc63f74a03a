#include "analysis/records.h"

namespace boardbrief::analysis {

std::optional<Record> find_record(const Series& series, Extreme extreme, const RecordRules& rules) {
  if (series.empty() || !series.back()) return std::nullopt;
  const auto pts = observed_points(series);
  if (pts.size() < 2) return std::nullopt;
  const TimedValue latest = pts.back();
  Record r;
  r.history = latest.t - pts.front().t;
  // Walk back from the latest value: the first match is the smallest lag.
  for (auto it = pts.rbegin() + 1; it != pts.rend(); ++it) {
    const bool at_least_as_extreme = extreme == Extreme::Highest ? it->x >= latest.x : it->x <= latest.x;
    if (at_least_as_extreme) {
      r.lag = latest.t - it->t;
      break;
    }
  }
  r.on_record = !r.lag && r.history >= rules.min_history;
  r.reportable = r.on_record || (r.lag && *r.lag >= rules.min_lag);
  r.boost = r.on_record || (r.lag && *r.lag >= rules.boost_lag);
  return r;
}

}  // namespace boardbrief::analysis
