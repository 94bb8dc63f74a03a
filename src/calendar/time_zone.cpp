// The report's time zone, backed by the IANA database through date/tz.h.
#include "calendar/time_zone.h"

#include <stdexcept>

#include "base/error.h"

namespace boardbrief::calendar {
namespace {

const date::time_zone* locate_or_throw(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    // date reports an unknown name (and an unreadable database) as runtime_error; either
    // way the user's --tz cannot be honoured.
    throw UsageError("unknown time zone '" + name + "' (use an IANA name such as Europe/Copenhagen)");
  }
}

}  // namespace

TimeZone::TimeZone(const std::string& name) : name_(name), zone_(locate_or_throw(name)) {}

date::local_days TimeZone::local_day(Instant t) const { return date::floor<date::days>(zone_->to_local(t)); }

Instant TimeZone::start_of(date::local_days d) const {
  // choose::earliest picks the first of two midnights when clocks fall back over midnight;
  // when midnight does not exist (clocks spring forward over it), date returns the
  // transition instant, which is the first valid local time of the day.
  return date::floor<std::chrono::seconds>(zone_->to_sys(date::local_seconds{d}, date::choose::earliest));
}

InstantRange TimeZone::utc_range(const model::Period& p) const {
  return {start_of(p.first), start_of(p.last + date::days{1})};
}

}  // namespace boardbrief::calendar
