#include "importer/daily_totals.h"

namespace boardbrief::importer {

void DailyTotals::add(const DailyRow& r) { sums_[{r.platform, r.handle, r.metric, r.day}] += r.value; }

std::vector<DailyRow> DailyTotals::rows() const {
  std::vector<DailyRow> out;
  out.reserve(sums_.size());
  for (const auto& [key, sum] : sums_) {
    const auto& [platform, handle, metric, day] = key;
    out.push_back({platform, handle, day, metric, sum});
  }
  return out;
}

}  // namespace boardbrief::importer
