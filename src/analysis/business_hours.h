// Business-hours duration between two instants (docs/findings-method.md): the overlap with a weekly schedule
// in local civil time, minus public holidays, DST-correct through the tz database.
#pragma once

#include <date/tz.h>

#include <array>
#include <chrono>
#include <set>
#include <vector>

namespace boardbrief::analysis {

// A local [start, end) span of one day, as offsets from local midnight.
// REQUIRES: 0 <= start <= end <= 24 h
struct LocalSpan {
  std::chrono::minutes start{0};
  std::chrono::minutes end{0};
};

// Opening hours per weekday and the days that are closed.
struct BusinessSchedule {
  std::array<std::vector<LocalSpan>, 7> by_weekday;  // index = ISO weekday − 1 (Monday = 0)
  std::set<date::local_days> holidays;               // closed all day
};

// Mon–Fri with one span [open, close) each day, no holidays.
BusinessSchedule weekday_schedule(std::chrono::minutes open, std::chrono::minutes close);

// Time inside business hours between `from` and `to` (0 when to <= from). Local times are
// mapped to UTC through `zone`, so a span across a DST change counts its real length; a
// local time in a spring-forward gap maps to the transition instant.
// REQUIRES: zone != nullptr
std::chrono::seconds business_duration(date::sys_seconds from, date::sys_seconds to, const BusinessSchedule& schedule,
                                       const date::time_zone* zone);

}  // namespace boardbrief::analysis
