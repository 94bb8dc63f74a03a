// Data coverage: which days are missing per channel and metric in a range of days.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/rows.h"

namespace boardbrief::analysis {

struct DaySpan {
  date::local_days first, last;  // inclusive
};

struct Gap {
  std::int64_t channel_id = 0;
  std::string metric;
  int missing_days = 0;
  std::vector<DaySpan> spans;  // consecutive missing days joined
};

// For every (channel, metric) pair that has at least one value in `range`, the days of `range`
// without a value. Pairs without gaps are left out. `values` may be in any order.
std::vector<Gap> find_gaps(const std::vector<model::DailyValue>& values, const model::DayRange& range);

}  // namespace boardbrief::analysis
