// The report's time zone: maps UTC instants to local days and periods to UTC bounds.
#pragma once

#include <date/tz.h>

#include <chrono>
#include <string>

#include "model/period.h"

namespace boardbrief::calendar {

using Instant = date::sys_seconds;  // a UTC instant, whole seconds

// Half-open UTC interval [begin, end).
struct InstantRange {
  Instant begin;
  Instant end;
};

class TimeZone {
 public:
  // Throws UsageError("unknown time zone 'X' (use an IANA name such as Europe/Copenhagen)").
  explicit TimeZone(const std::string& name);

  const std::string& name() const { return name_; }

  // The local calendar day on which the UTC instant falls.
  date::local_days local_day(Instant t) const;

  // The UTC instant at which local day `d` starts (00:00 local; DST gaps resolved to the
  // first valid instant).
  Instant start_of(date::local_days d) const;

  // [start of p.first, start of the day after p.last) in UTC. A day is 23 or 25 hours long
  // on DST transition days.
  InstantRange utc_range(const model::Period& p) const;

 private:
  std::string name_;
  const date::time_zone* zone_;
};

}  // namespace boardbrief::calendar
