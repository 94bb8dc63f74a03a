#include "text/date_format.h"

#include <date/iso_week.h>

#include <array>
#include <string_view>

namespace boardbrief::text {
namespace {

using Names12 = std::array<std::string_view, 12>;
using Names7 = std::array<std::string_view, 7>;

constexpr Names12 kMonthsEn = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};
constexpr Names12 kMonthsDa = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                               "juli",   "august",  "september", "oktober", "november", "december"};
constexpr Names12 kMonthsShortEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// CLDR da abbreviated months: a dot marks a shortened word, so "maj" has none.
constexpr Names12 kMonthsShortDa = {"jan.", "feb.", "mar.", "apr.", "maj",  "jun.",
                                    "jul.", "aug.", "sep.", "okt.", "nov.", "dec."};
// Indexed by weekday::c_encoding(): Sunday is 0.
constexpr Names7 kWeekdaysEn = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                "Thursday", "Friday", "Saturday"};
constexpr Names7 kWeekdaysDa = {"søndag",  "mandag", "tirsdag", "onsdag",
                                "torsdag", "fredag", "lørdag"};

std::size_t month_index(date::month month) { return static_cast<unsigned>(month) - 1; }  // [0, 11]

std::string year_text(date::year year) { return std::to_string(static_cast<int>(year)); }

// "14" / "14.": Danish ordinal day.
std::string day_number(date::day day, Language language) {
  const std::string n = std::to_string(static_cast<unsigned>(day));
  return language == Language::En ? n : n + ".";
}

std::string two_digits(long value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::string month_name(date::month month, Language language) {
  return std::string((language == Language::En ? kMonthsEn : kMonthsDa)[month_index(month)]);
}

std::string month_short(date::month month, Language language) {
  return std::string(
      (language == Language::En ? kMonthsShortEn : kMonthsShortDa)[month_index(month)]);
}

std::string weekday_name(date::weekday weekday, Language language) {
  return std::string((language == Language::En ? kWeekdaysEn : kWeekdaysDa)[weekday.c_encoding()]);
}

std::string format_month_year(date::year_month month, Language language) {
  return month_name(month.month(), language) + " " + year_text(month.year());
}

std::string format_month_year_short(date::year_month month, Language language) {
  return month_short(month.month(), language) + " " + year_text(month.year());
}

std::string format_day(date::local_days day, Language language) {
  const date::year_month_day ymd(day);
  return day_number(ymd.day(), language) + " " + month_name(ymd.month(), language);
}

std::string format_day_short(date::local_days day, Language language) {
  const date::year_month_day ymd(day);
  return day_number(ymd.day(), language) + " " + month_short(ymd.month(), language);
}

std::string format_weekday_day(date::local_days day, Language language) {
  const std::string weekday = weekday_name(date::weekday(day), language);
  // Danish style (EU style guide): "onsdag den 14. oktober".
  return weekday + (language == Language::En ? " " : " den ") + format_day(day, language);
}

std::string format_date(date::local_days day, Language language) {
  return format_day(day, language) + " " + year_text(date::year_month_day(day).year());
}

std::string format_date_short(date::local_days day, Language language) {
  return format_day_short(day, language) + " " + year_text(date::year_month_day(day).year());
}

std::string format_span(date::local_days first, date::local_days last, Language language) {
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

std::string format_time(std::chrono::minutes since_midnight, Language language) {
  const long total = static_cast<long>(since_midnight.count());  // [0, 1439]
  const std::string hours = two_digits(total / 60);
  const std::string minutes = two_digits(total % 60);
  // CLDR da uses "." between hours and minutes, and prose puts "kl." in front.
  return language == Language::En ? hours + ":" + minutes : "kl. " + hours + "." + minutes;
}

std::string format_date_time(date::local_time<std::chrono::minutes> when, Language language) {
  const auto day = date::floor<date::days>(when);
  const std::string time = format_time(when - day, language);
  return format_date(day, language) + (language == Language::En ? ", " : " ") + time;
}

std::string format_quarter(date::year year, unsigned quarter, Language language) {
  const std::string q = std::to_string(quarter);
  return language == Language::En ? "Q" + q + " " + year_text(year)
                                  : q + ". kvartal " + year_text(year);
}

std::string format_iso_week(date::local_days day, Language language) {
  const iso_week::year_weeknum_weekday iso{date::sys_days(day.time_since_epoch())};
  const std::string week = std::to_string(static_cast<unsigned>(iso.weeknum()));
  const std::string year = std::to_string(static_cast<int>(iso.year()));
  return (language == Language::En ? "week " : "uge ") + week + ", " + year;
}

}  // namespace boardbrief::text
