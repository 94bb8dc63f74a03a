// Reporting periods: parsing period specs, previous / year-earlier periods and trailing windows.
// All arithmetic is on whole local calendar days through Howard Hinnant's date library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/period.h"

namespace boardbrief::calendar {

using model::Granularity;
using model::Period;

// Parses "YYYY-MM", "YYYY-Qn", "YYYY", "YYYY-Www" (ISO week) and the relative specs
// "last-month", "last-quarter", "last-week" (the last *complete* one before `as_of`).
// Throws UsageError naming the spec and the accepted forms when it cannot be parsed
// (including month 13, quarter 5, week 53 in a year that has only 52).
Period parse_period(std::string_view spec, date::local_days as_of);

// Parses a day "YYYY-MM-DD"; nullopt when malformed or not a real day (2026-02-30).
std::optional<date::local_days> try_parse_day(std::string_view text);
// As try_parse_day, but throws UsageError("<what>: '<text>' is not a day (YYYY-MM-DD)").
date::local_days parse_day(std::string_view text, std::string_view what);

// A custom range --from/--to. Throws UsageError when from > to.
Period custom_period(date::local_days from, date::local_days to);

// The period of the same kind immediately before `p` (for Custom: the same number of days
// ending the day before p.first).
Period previous_period(const Period& p);

// The same period one year earlier: the same month/quarter/year; for ISO weeks the same
// week number of the previous ISO year (week 52 when that year has no week 53); for Custom
// the same days shifted back one year (29 Feb maps to 28 Feb).
Period year_earlier(const Period& p);

// The `count` periods ending with `p`, oldest first (back()== p), each previous_period of the next.
// REQUIRES: count >= 1
std::vector<Period> trailing_window(const Period& p, int count = 13);

// "YYYY-MM-DD"
std::string format_day(date::local_days d);

}  // namespace boardbrief::calendar
