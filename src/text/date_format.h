// Dates, months, periods and clock times as the reader sees them (docs/numbers-and-dates.md).
// Danish month and weekday names are lower case; use capitalise_first() where one starts a
// sentence or heading.
// All inputs are local civil dates and times: time zones are resolved before this stage.
#pragma once

#include <date/date.h>

#include <chrono>
#include <string>

#include "text/language.h"
#include "text/utf8_case.h"

namespace boardbrief::text {

// REQUIRES for every function below: the date arguments are ok().

// "October" / "oktober", as inside a sentence ("in October").
std::string month_name(date::month month, const Language& language);
// The standalone form, for titles ("October 2026"); the file's `months`.
std::string month_title(date::month month, const Language& language);
// Axis and compact form: "Oct" / "okt." ("maj" has no dot: it is not shortened).
std::string month_short(date::month month, const Language& language);
// "Wednesday" / "onsdag".
std::string weekday_name(date::weekday weekday, const Language& language);

// "October 2026" / "oktober 2026".
std::string format_month_year(date::year_month month, const Language& language);
// "Oct 2025" / "okt. 2025", as in "vs Oct 2025" / "ift. okt. 2025".
std::string format_month_year_short(date::year_month month, const Language& language);

// "14 October" / "14. oktober".
std::string format_day(date::local_days day, const Language& language);
// Chart annotations: "14 Oct" / "14. okt.".
std::string format_day_short(date::local_days day, const Language& language);
// "Wednesday 14 October" / "onsdag den 14. oktober".
std::string format_weekday_day(date::local_days day, const Language& language);
// "2 November 2026" / "2. november 2026".
std::string format_date(date::local_days day, const Language& language);
// "2 Nov 2026" / "2. nov. 2026".
std::string format_date_short(date::local_days day, const Language& language);

// Both days inclusive: "1–31 Oct 2026" / "1.–31. okt. 2026"; across months
// "30 Sep–5 Oct 2026" / "30. sep.–5. okt. 2026"; across years "29 Dec 2025–4 Jan 2026";
// a single day "14 Oct 2026".
// REQUIRES: first <= last
std::string format_span(date::local_days first, date::local_days last, const Language& language);

// "06:00" / "kl. 06.00".
// REQUIRES: 0 min <= since_midnight < 24 h
std::string format_time(std::chrono::minutes since_midnight, const Language& language);
// Footer and provenance: "2 November 2026, 06:00" / "2. november 2026 kl. 06.00".
std::string format_date_time(date::local_time<std::chrono::minutes> when, const Language& language);

// "Q3 2026" / "3. kvartal 2026".
// REQUIRES: 1 <= quarter <= 4
std::string format_quarter(date::year year, unsigned quarter, const Language& language);

// The ISO 8601 week containing `day`, with its ISO year (which differs from the calendar
// year around New Year): "week 44, 2026" / "uge 44, 2026"; 1 Jan 2027 -> "week 53, 2026".
std::string format_iso_week(date::local_days day, const Language& language);

}  // namespace boardbrief::text
