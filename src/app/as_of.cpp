#include "app/as_of.h"

#include "base/error.h"
#include "calendar/periods.h"

namespace boardbrief::app {

AsOf resolve_as_of(const std::string& text, const calendar::TimeZone& tz) {
  AsOf a;
  if (text.empty()) {
    auto now = date::floor<std::chrono::minutes>(std::chrono::system_clock::now());
    a.instant = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    auto day = tz.local_day(date::sys_seconds{std::chrono::seconds{a.instant}});
    auto since = date::sys_seconds{std::chrono::seconds{a.instant}} - tz.start_of(day);
    a.local = date::local_time<std::chrono::minutes>{day} + std::chrono::duration_cast<std::chrono::minutes>(since);
    return a;
  }
  std::string day_part = text.substr(0, 10);
  auto day = calendar::try_parse_day(day_part);
  int hh = 0, mm = 0;
  bool ok = day.has_value();
  if (ok && text.size() > 10) {
    ok = text.size() == 16 && (text[10] == 'T' || text[10] == ' ') && text[13] == ':' &&
         std::isdigit(static_cast<unsigned char>(text[11])) && std::isdigit(static_cast<unsigned char>(text[12])) &&
         std::isdigit(static_cast<unsigned char>(text[14])) && std::isdigit(static_cast<unsigned char>(text[15]));
    if (ok) {
      hh = std::stoi(text.substr(11, 2));
      mm = std::stoi(text.substr(14, 2));
      ok = hh < 24 && mm < 60;
    }
  }
  if (!ok) throw UsageError("--as-of '" + text + "': use YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time in --tz)");
  a.local = date::local_time<std::chrono::minutes>{*day} + std::chrono::hours{hh} + std::chrono::minutes{mm};
  a.instant = (tz.start_of(*day) + std::chrono::hours{hh} + std::chrono::minutes{mm}).time_since_epoch().count();
  return a;
}

}  // namespace boardbrief::app
