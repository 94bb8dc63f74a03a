// The report's "now": --as-of, or the clock when absent (the only place that reads it).
#pragma once

#include <date/date.h>

#include <chrono>
#include <string>

#include "calendar/time_zone.h"

namespace boardbrief::app {

struct AsOf {
  date::local_time<std::chrono::minutes> local;  // in the report time zone
  std::int64_t instant = 0;                      // UTC seconds
  date::local_days day() const { return date::floor<date::days>(local); }
};

// Parses "YYYY-MM-DD" (midnight) or "YYYY-MM-DDTHH:MM" as local time in `tz`; empty = now.
// Throws UsageError naming --as-of.
AsOf resolve_as_of(const std::string& text, const calendar::TimeZone& tz);

}  // namespace boardbrief::app
