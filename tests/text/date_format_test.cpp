#include "text/date_format.h"

#include <doctest/doctest.h>

#include <array>

#include "support/test_db.h"
#include "text/strings.h"

using namespace boardbrief::text;
using namespace date::literals;
using std::chrono::hours;
using std::chrono::minutes;

namespace {
// The shipped language files' conventions: the formatters know no language themselves.
Language shipped(const char* file) {
  return Strings::load((boardbrief::testing::source_dir() / "templates" / "lang" / file).string()).language();
}
const Language En = shipped("en.toml");
const Language Da = shipped("da.toml");

date::local_days day(date::year_month_day ymd) { return date::local_days(ymd); }
}  // namespace

TEST_SUITE("text") {
  TEST_CASE("month names in both languages, Danish lower case (N9)") {
    const std::array<const char*, 12> en = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
    const std::array<const char*, 12> da = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                            "juli",   "august",  "september", "oktober", "november", "december"};
    const std::array<const char*, 12> en_short = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::array<const char*, 12> da_short = {"jan.", "feb.", "mar.", "apr.", "maj",  "jun.",
                                                  "jul.", "aug.", "sep.", "okt.", "nov.", "dec."};
    for (unsigned m = 1; m <= 12; ++m) {
      CAPTURE(m);
      CHECK(month_name(date::month(m), En) == en[m - 1]);
      CHECK(month_name(date::month(m), Da) == da[m - 1]);
      CHECK(month_short(date::month(m), En) == en_short[m - 1]);
      CHECK(month_short(date::month(m), Da) == da_short[m - 1]);
    }
  }

  TEST_CASE("month and year, long and short (N9, N13)") {
    CHECK(format_month_year(2026_y / date::October, En) == "October 2026");
    CHECK(format_month_year(2026_y / date::October, Da) == "oktober 2026");
    CHECK(format_month_year(2024_y / date::September, Da) == "september 2024");
    CHECK(format_month_year_short(2025_y / date::October, En) == "Oct 2025");
    CHECK(format_month_year_short(2025_y / date::October, Da) == "okt. 2025");
  }

  TEST_CASE("days with and without weekday; 14 October 2026 is a Wednesday (N10)") {
    const auto oct14 = day(2026_y / date::October / 14);
    CHECK(format_day(oct14, En) == "14 October");
    CHECK(format_day(oct14, Da) == "14. oktober");
    CHECK(format_day_short(oct14, En) == "14 Oct");
    CHECK(format_day_short(oct14, Da) == "14. okt.");
    CHECK(format_weekday_day(oct14, En) == "Wednesday 14 October");
    CHECK(format_weekday_day(oct14, Da) == "onsdag den 14. oktober");
    CHECK(weekday_name(date::Sunday, Da) == "søndag");
    CHECK(weekday_name(date::Saturday, Da) == "lørdag");
    CHECK(weekday_name(date::Monday, En) == "Monday");
    CHECK(format_date(day(2026_y / date::November / 2), En) == "2 November 2026");
    CHECK(format_date(day(2026_y / date::November / 2), Da) == "2. november 2026");
    CHECK(format_date_short(day(2026_y / date::November / 2), Da) == "2. nov. 2026");
  }

  TEST_CASE("spans within a month, across months and across years (N11)") {
    const auto oct1 = day(2026_y / date::October / 1);
    const auto oct31 = day(2026_y / date::October / 31);
    CHECK(format_span(oct1, oct31, En) == "1\u201331 Oct 2026");
    CHECK(format_span(oct1, oct31, Da) == "1.\u201331. okt. 2026");
    CHECK(format_span(day(2026_y / date::September / 30), day(2026_y / date::October / 5), En) ==
          "30 Sep\u20135 Oct 2026");
    CHECK(format_span(day(2026_y / date::September / 30), day(2026_y / date::October / 5), Da) ==
          "30. sep.\u20135. okt. 2026");
    CHECK(format_span(day(2025_y / date::December / 29), day(2026_y / date::January / 4), En) ==
          "29 Dec 2025\u20134 Jan 2026");
    CHECK(format_span(oct1, oct1, Da) == "1. okt. 2026");
    CHECK(format_span(day(2026_y / date::May / 1), day(2026_y / date::May / 31), Da) == "1.\u201331. maj 2026");
  }

  TEST_CASE("times: colon in English, kl. and a dot in Danish (N12)") {
    CHECK(format_time(hours(6), En) == "06:00");
    CHECK(format_time(hours(6), Da) == "kl. 06.00");
    CHECK(format_time(hours(23) + minutes(59), En) == "23:59");
    CHECK(format_time(minutes(9 * 60 + 45), Da) == "kl. 09.45");
    const auto generated = date::local_days(2026_y / date::November / 2) + hours(6);
    CHECK(format_date_time(date::local_time<minutes>(generated), En) == "2 November 2026, 06:00");
    CHECK(format_date_time(date::local_time<minutes>(generated), Da) == "2. november 2026 kl. 06.00");
  }

  TEST_CASE("quarters and ISO weeks") {
    CHECK(format_quarter(2026_y, 3, En) == "Q3 2026");
    CHECK(format_quarter(2026_y, 3, Da) == "3. kvartal 2026");
    CHECK(format_iso_week(day(2026_y / date::October / 28), En) == "week 44, 2026");
    CHECK(format_iso_week(day(2026_y / date::October / 28), Da) == "uge 44, 2026");
    // 1 January 2027 is a Friday in ISO week 53 of 2026.
    CHECK(format_iso_week(day(2027_y / date::January / 1), En) == "week 53, 2026");
  }

  TEST_CASE("capitalise_first upper-cases ASCII and Danish letters at the start") {
    CHECK(capitalise_first("oktober 2026") == "Oktober 2026");
    CHECK(capitalise_first(format_month_year(2026_y / date::October, Da)) == "Oktober 2026");
    CHECK(capitalise_first("ændring ift. september") == "Ændring ift. september");
    CHECK(capitalise_first("østlige kanaler") == "Østlige kanaler");
    CHECK(capitalise_first("årets tal") == "Årets tal");
    CHECK(capitalise_first("éclair") == "Éclair");
    CHECK(capitalise_first("Oktober") == "Oktober");
    CHECK(capitalise_first("Æble") == "Æble");
    CHECK(capitalise_first("38 % af") == "38 % af");
    CHECK(capitalise_first("\u2212") == "\u2212");
    CHECK(capitalise_first("") == "");
  }
}
