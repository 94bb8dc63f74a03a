// The calendar and the planned events of one sample database, shared by the generators.
#pragma once

#include <date/date.h>
#include <date/tz.h>

#include <cstdint>
#include <string>
#include <vector>

namespace boardbrief::sample {

// A run of days on which one channel's metric has no row (late or failed collection).
struct Gap {
  std::int64_t channel_id = 0;
  std::string metric;
  date::local_days first;
  date::local_days last;  // inclusive
};

struct SamplePlan {
  std::uint64_t seed = 1;
  date::local_days first_day;  // first day of the first month
  date::local_days last_day;
  date::local_days spike_day;             // the day of the negative "billing" storm
  date::sys_seconds cutoff;               // data extraction: replies after it are not yet recorded
  const date::time_zone* zone = nullptr;  // where customers and the care team live
  std::vector<Gap> gaps;
  bool noise = false;  // stationary random data: no story (SampleOptions::noise)

  // Years from last_day to `d` (0 on the last day, -1 a year before).
  double years_before_end(date::local_days d) const { return (d - last_day).count() / 365.25; }
  bool is_gap(std::int64_t channel_id, const std::string& metric, date::local_days d) const {
    for (const Gap& g : gaps) {
      if (g.channel_id == channel_id && d >= g.first && d <= g.last && g.metric == metric) return true;
    }
    return false;
  }
};

}  // namespace boardbrief::sample
