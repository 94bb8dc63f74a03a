// Period specs and period arithmetic. Every period of a fixed kind is found as "the period
// of that kind containing day d", so previous/last-* periods reduce to stepping one day
// back from a first day and letting date/iso_week do the calendar maths.
#include "calendar/periods.h"

#include <date/iso_week.h>

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "base/error.h"

namespace boardbrief::calendar {
namespace {

using date::days;
using date::local_days;

// The value of `text` when it is 1 to 4 ASCII digits and nothing else (no sign, no space).
std::optional<int> parse_digits(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string zero_padded(int value, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
  return buffer;
}

std::string year_text(date::year y) { return zero_padded(static_cast<int>(y), 4); }
std::string two_digits(unsigned value) { return zero_padded(static_cast<int>(value), 2); }

Period make_period(Granularity kind, local_days first, local_days last, std::string key) {
  Period p;
  p.kind = kind;
  p.first = first;
  p.last = last;
  p.key = std::move(key);
  return p;
}

Period month_period(date::year_month ym) {
  return make_period(Granularity::Month, local_days{ym / 1}, local_days{ym / date::last},
                     year_text(ym.year()) + "-" + two_digits(static_cast<unsigned>(ym.month())));
}

// REQUIRES: 1 <= quarter <= 4
Period quarter_period(date::year y, int quarter) {
  const date::month first_month{static_cast<unsigned>(3 * (quarter - 1) + 1)};
  const date::month last_month = first_month + date::months{2};
  return make_period(Granularity::Quarter, local_days{y / first_month / 1}, local_days{y / last_month / date::last},
                     year_text(y) + "-Q" + std::to_string(quarter));
}

Period year_period(date::year y) {
  return make_period(Granularity::Year, local_days{y / date::jan / 1}, local_days{y / date::dec / 31}, year_text(y));
}

// REQUIRES: (y / w / mon).ok()
Period week_period(iso_week::year y, iso_week::weeknum w) {
  const auto monday = local_days{iso_week::year_weeknum_weekday{y, w, iso_week::mon}};
  return make_period(Granularity::Week, monday, monday + days{6},
                     zero_padded(static_cast<int>(y), 4) + "-W" + two_digits(static_cast<unsigned>(w)));
}

// The period of a fixed kind that contains `d`.
// REQUIRES: kind != Granularity::Custom
Period period_containing(Granularity kind, local_days d) {
  assert(kind != Granularity::Custom);
  const date::year_month_day ymd{d};
  const auto month_number = static_cast<unsigned>(ymd.month());  // [1, 12]
  switch (kind) {
    case Granularity::Week: {
      const iso_week::year_weeknum_weekday iso{d};
      return week_period(iso.year(), iso.weeknum());
    }
    case Granularity::Month: return month_period(ymd.year() / ymd.month());
    case Granularity::Quarter: return quarter_period(ymd.year(), static_cast<int>((month_number - 1) / 3 + 1));
    case Granularity::Year:
    case Granularity::Custom: break;
  }
  return year_period(ymd.year());
}

// The absolute forms; nullopt when `spec` is none of them or names no real period.
std::optional<Period> try_parse_absolute(std::string_view spec) {
  if (spec.size() < 4) return std::nullopt;
  const auto year_number = parse_digits(spec.substr(0, 4));
  if (!year_number) return std::nullopt;
  const date::year y{*year_number};
  if (spec.size() == 4) return year_period(y);
  if (spec[4] != '-') return std::nullopt;
  const std::string_view rest = spec.substr(5);

  if (rest.size() == 2 && rest[0] == 'Q') {
    const auto q = parse_digits(rest.substr(1));
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    return quarter_period(y, *q);
  }
  if (rest.size() == 3 && rest[0] == 'W') {
    const auto w = parse_digits(rest.substr(1));
    if (!w) return std::nullopt;
    const iso_week::year iso_year{*year_number};
    const iso_week::weeknum week{static_cast<unsigned>(*w)};
    // ok() rejects week 0 and week 53 in a year with only 52 ISO weeks.
    if (!iso_week::year_weeknum_weekday{iso_year, week, iso_week::mon}.ok()) return std::nullopt;
    return week_period(iso_year, week);
  }
  if (rest.size() == 2) {  // MM
    const auto m = parse_digits(rest);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    return month_period(y / date::month{static_cast<unsigned>(*m)});
  }
  return std::nullopt;
}

}  // namespace

Period parse_period(std::string_view spec, local_days as_of) {
  if (spec == "last-month") return previous_period(period_containing(Granularity::Month, as_of));
  if (spec == "last-quarter") return previous_period(period_containing(Granularity::Quarter, as_of));
  if (spec == "last-week") return previous_period(period_containing(Granularity::Week, as_of));
  if (auto p = try_parse_absolute(spec)) return *p;
  throw UsageError("--period '" + std::string(spec) +
                   "': not a period (use YYYY-MM, YYYY-Qn, YYYY, YYYY-Www, last-month, "
                   "last-quarter or last-week)");
}

std::optional<local_days> try_parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = parse_digits(text.substr(0, 4));
  const auto m = parse_digits(text.substr(5, 2));
  const auto d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return local_days{ymd};
}

local_days parse_day(std::string_view text, std::string_view what) {
  if (auto d = try_parse_day(text)) return *d;
  throw UsageError(std::string(what) + ": '" + std::string(text) + "' is not a day (YYYY-MM-DD)");
}

Period custom_period(local_days from, local_days to) {
  if (from > to) {
    throw UsageError("--from " + format_day(from) + " is after --to " + format_day(to));
  }
  return make_period(Granularity::Custom, from, to, format_day(from) + "_" + format_day(to));
}

Period previous_period(const Period& p) {
  const local_days day_before = p.first - days{1};
  if (p.kind == Granularity::Custom) {
    return custom_period(day_before - days{p.days() - 1}, day_before);
  }
  return period_containing(p.kind, day_before);
}

Period year_earlier(const Period& p) {
  switch (p.kind) {
    case Granularity::Week: {
      const iso_week::year_weeknum_weekday iso{p.first};
      const iso_week::year y = iso.year() - iso_week::years{1};
      iso_week::weeknum w = iso.weeknum();
      if (!iso_week::year_weeknum_weekday{y, w, iso_week::mon}.ok()) w = iso_week::weeknum{52};
      return week_period(y, w);
    }
    case Granularity::Custom: {
      // Only 29 Feb has no counterpart a year earlier; it clamps to the month's last day.
      const auto shift = [](local_days d) {
        const date::year_month_day ymd = date::year_month_day{d} - date::years{1};
        return ymd.ok() ? local_days{ymd} : local_days{ymd.year() / ymd.month() / date::last};
      };
      return custom_period(shift(p.first), shift(p.last));
    }
    case Granularity::Month:
    case Granularity::Quarter:
    case Granularity::Year: break;
  }
  // p.first is the 1st of a month, so the shifted day always exists.
  return period_containing(p.kind, local_days{date::year_month_day{p.first} - date::years{1}});
}

std::vector<Period> trailing_window(const Period& p, int count) {
  std::vector<Period> window{p};
  window.reserve(static_cast<std::size_t>(std::max(count, 1)));
  while (static_cast<int>(window.size()) < count) window.push_back(previous_period(window.back()));
  std::reverse(window.begin(), window.end());
  return window;
}

std::string format_day(local_days d) {
  const date::year_month_day ymd{d};
  return year_text(ymd.year()) + "-" + two_digits(static_cast<unsigned>(ymd.month())) + "-" +
         two_digits(static_cast<unsigned>(ymd.day()));
}

}  // namespace boardbrief::calendar
