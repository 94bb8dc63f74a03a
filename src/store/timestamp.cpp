#include "store/timestamp.h"

#include <date/date.h>

#include <cstdio>
#include <cstring>

namespace boardbrief::store {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    char c = s[i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace

std::optional<std::int64_t> parse_utc_instant(std::string_view s) {
  if (s.size() < 19) return std::nullopt;
  if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  int y, mo, d, h, mi, sec;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, mo) || !digits(s, 8, 2, d) || !digits(s, 11, 2, h) ||
      !digits(s, 14, 2, mi) || !digits(s, 17, 2, sec))
    return std::nullopt;
  if (h > 23 || mi > 59 || sec > 59) return std::nullopt;
  std::string_view rest = s.substr(19);
  if (!rest.empty() && rest[0] == '.') {  // fractional seconds are truncated
    std::size_t i = 1;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
    if (i == 1) return std::nullopt;
    rest = rest.substr(i);
  }
  if (!(rest.empty() || rest == "Z" || rest == "+00:00")) return std::nullopt;
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)}, date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  std::int64_t days = date::sys_days(ymd).time_since_epoch().count();
  return days * 86400 + h * 3600 + mi * 60 + sec;
}

std::optional<std::int64_t> InstantParser::parse(std::string_view s) {
  if (!has_day_ || s.size() < 19 || !same_day(s.data())) {
    auto full = parse_utc_instant(s);
    if (full) {
      s.copy(day_, 10);
      day_seconds_ = *full - *full % 86400;  // instants before 1970 take the slow path below
      has_day_ = *full >= 0;
    }
    return full;
  }
  // Same valid date as last time: check and add the time of day and the suffix only.
  if (s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  int h, mi, sec;
  if (!digits(s, 11, 2, h) || !digits(s, 14, 2, mi) || !digits(s, 17, 2, sec)) return std::nullopt;
  if (h > 23 || mi > 59 || sec > 59) return std::nullopt;
  if (!(s.size() == 19 || (s.size() == 20 && s[19] == 'Z'))) return parse_utc_instant(s);  // rarer suffixes
  return day_seconds_ + h * 3600 + mi * 60 + sec;
}

std::string format_utc_instant(std::int64_t seconds) {
  auto tp = date::sys_seconds{std::chrono::seconds{seconds}};
  auto day = date::floor<date::days>(tp);
  date::year_month_day ymd{day};
  date::hh_mm_ss<std::chrono::seconds> t{tp - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(t.hours().count()), static_cast<int>(t.minutes().count()),
                static_cast<int>(t.seconds().count()));
  return buf;
}

}  // namespace boardbrief::store
