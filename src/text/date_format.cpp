#include "text/date_format.h"

#include <date/iso_week.h>

#include <array>
#include <string_view>

#include "text/pattern.h"

namespace boardbrief::text {
namespace {

const Conventions& conv(const Language& language) { return language.conventions(); }

std::size_t month_index(date::month month) { return static_cast<unsigned>(month) - 1; }  // [0, 11]

std::string year_text(date::year year) { return std::to_string(static_cast<int>(year)); }

// A name from the language file, or the number when the file gives none (neutral conventions).
template <std::size_t N>
std::string name_or_number(const std::array<std::string, N>& names, std::size_t i, unsigned number) {
  return names[i].empty() ? std::to_string(number) : names[i];
}

// "14" / "14.".
std::string day_number(date::day day, const Language& language) {
  return fill_pattern(conv(language).day_number, {{"d", std::to_string(static_cast<unsigned>(day))}});
}

std::string two_digits(long value) { return (value < 10 ? "0" : "") + std::to_string(value); }

std::string day_text(date::local_days day, const Language& language) {
  const date::year_month_day ymd(day);
  return fill_pattern(conv(language).day,
                      {{"day_number", day_number(ymd.day(), language)}, {"month", month_name(ymd.month(), language)}});
}

std::string day_short_text(date::local_days day, const Language& language) {
  const date::year_month_day ymd(day);
  return fill_pattern(conv(language).day_short, {{"day_number", day_number(ymd.day(), language)},
                                                 {"month_short", month_short(ymd.month(), language)}});
}

}  // namespace

std::string month_name(date::month month, const Language& language) {
  return name_or_number(conv(language).months_in_sentence, month_index(month), static_cast<unsigned>(month));
}

std::string month_title(date::month month, const Language& language) {
  return name_or_number(conv(language).months, month_index(month), static_cast<unsigned>(month));
}

std::string month_short(date::month month, const Language& language) {
  return name_or_number(conv(language).months_short, month_index(month), static_cast<unsigned>(month));
}

std::string weekday_name(date::weekday weekday, const Language& language) {
  return name_or_number(conv(language).weekdays, weekday.c_encoding(), weekday.c_encoding());
}

std::string format_month_year(date::year_month month, const Language& language) {
  return fill_pattern(conv(language).month_year,
                      {{"month", month_title(month.month(), language)}, {"year", year_text(month.year())}});
}

std::string format_month_year_short(date::year_month month, const Language& language) {
  return fill_pattern(conv(language).month_year_short,
                      {{"month_short", month_short(month.month(), language)}, {"year", year_text(month.year())}});
}

std::string format_day(date::local_days day, const Language& language) { return day_text(day, language); }

std::string format_day_short(date::local_days day, const Language& language) { return day_short_text(day, language); }

std::string format_weekday_day(date::local_days day, const Language& language) {
  return fill_pattern(conv(language).weekday_day,
                      {{"weekday", weekday_name(date::weekday(day), language)}, {"day", format_day(day, language)}});
}

std::string format_date(date::local_days day, const Language& language) {
  return fill_pattern(conv(language).date,
                      {{"day", format_day(day, language)}, {"year", year_text(date::year_month_day(day).year())}});
}

std::string format_date_short(date::local_days day, const Language& language) {
  return fill_pattern(conv(language).date_short, {{"day_short", format_day_short(day, language)},
                                                  {"year", year_text(date::year_month_day(day).year())}});
}

std::string format_span(date::local_days first, date::local_days last, const Language& language) {
  const date::year_month_day a(first);
  const date::year_month_day b(last);
  if (first == last) return format_date_short(first, language);
  std::string start;
  if (a.year() != b.year()) {
    start = format_date_short(first, language);
  } else if (a.month() != b.month()) {
    start = format_day_short(first, language);
  } else {
    start = day_number(a.day(), language);
  }
  return start + "\u2013" + format_date_short(last, language);
}

std::string format_time(std::chrono::minutes since_midnight, const Language& language) {
  const long total = static_cast<long>(since_midnight.count());  // [0, 1439]
  return fill_pattern(conv(language).time, {{"hh", two_digits(total / 60)}, {"mm", two_digits(total % 60)}});
}

std::string format_date_time(date::local_time<std::chrono::minutes> when, const Language& language) {
  const auto day = date::floor<date::days>(when);
  return fill_pattern(conv(language).date_time,
                      {{"date", format_date(day, language)}, {"time", format_time(when - day, language)}});
}

std::string format_quarter(date::year year, unsigned quarter, const Language& language) {
  return fill_pattern(conv(language).quarter, {{"q", std::to_string(quarter)}, {"year", year_text(year)}});
}

std::string format_iso_week(date::local_days day, const Language& language) {
  const iso_week::year_weeknum_weekday iso{date::sys_days(day.time_since_epoch())};
  return fill_pattern(conv(language).iso_week, {{"week", std::to_string(static_cast<unsigned>(iso.weeknum()))},
                                                {"year", std::to_string(static_cast<int>(iso.year()))}});
}

}  // namespace boardbrief::text
