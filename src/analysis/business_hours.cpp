#include "analysis/business_hours.h"

#include <algorithm>
#include <cassert>

namespace boardbrief::analysis {

BusinessSchedule weekday_schedule(std::chrono::minutes open, std::chrono::minutes close) {
  BusinessSchedule s;
  for (int d = 0; d < 5; ++d) s.by_weekday[d] = {{open, close}};
  return s;
}

std::chrono::seconds business_duration(date::sys_seconds from, date::sys_seconds to, const BusinessSchedule& schedule,
                                       const date::time_zone* zone) {
  assert(zone != nullptr);
  std::chrono::seconds total{0};
  if (to <= from) return total;
  const auto first_day = date::floor<date::days>(zone->to_local(from));
  const auto last_day = date::floor<date::days>(zone->to_local(to));
  for (auto day = first_day; day <= last_day; day += date::days{1}) {
    if (schedule.holidays.count(day) != 0) continue;
    const unsigned weekday = date::weekday{day}.iso_encoding() - 1;  // [0, 6]
    for (const LocalSpan& span : schedule.by_weekday[weekday]) {
      // Civil time through the tz database: never add 8 hours to a UTC instant.
      const auto open = zone->to_sys(day + span.start, date::choose::earliest);
      const auto close = zone->to_sys(day + span.end, date::choose::earliest);
      const auto begin = std::max(date::sys_seconds{date::floor<std::chrono::seconds>(open)}, from);
      const auto end = std::min(date::sys_seconds{date::floor<std::chrono::seconds>(close)}, to);
      if (end > begin) total += end - begin;
    }
  }
  return total;
}

}  // namespace boardbrief::analysis
