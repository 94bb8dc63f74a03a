#include "importer/daily_totals.h"

#include <set>
#include <utility>

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

std::vector<std::string> DailyTotals::metrics() const {
  std::set<std::string> keys;
  for (const auto& [key, sum] : sums_) keys.insert(std::get<2>(key));
  return {keys.begin(), keys.end()};
}

void DailyTotals::fill_zero(date::local_days first, date::local_days last, Zeros& zeros) {
  std::set<std::tuple<std::string, std::string, std::string>> series;
  for (const auto& [key, sum] : sums_) series.emplace(std::get<0>(key), std::get<1>(key), std::get<2>(key));
  for (const auto& s : series) {
    const auto& [platform, handle, metric] = s;
    for (date::local_days d = first; d <= last; d += date::days{1}) {
      if (!sums_.emplace(std::make_tuple(platform, handle, metric, d), 0.0).second) continue;
      ++zeros.values;
      zeros.days.insert(d);
      zeros.series.insert(s);
    }
  }
}

}  // namespace boardbrief::importer
