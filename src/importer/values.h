// Cell values of an import: numbers, days, yes/no flags and sentiment labels. Each parser
// returns nullopt when the text is not a value of its kind; callers add file:line:column.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace boardbrief::importer {

// True for cells that mean "no value": empty, NA, N/A, null, "-" (as exports write them).
bool is_missing(std::string_view cell);

// A finite decimal number ("12", "-3.5", "1e3"); no thousands separators, no NaN or inf.
std::optional<double> parse_number(std::string_view cell);

// A calendar day in the strftime-style `format` understood by date::parse ("%Y-%m-%d",
// "%m/%d/%Y", "%d.%m.%Y"); the whole cell must match and the day must exist.
std::optional<date::local_days> parse_day(std::string_view cell, const std::string& format);

// true/false, yes/no, 1/0, t/f, y/n in any letter case.
std::optional<bool> parse_flag(std::string_view cell);

// A number in [-1, 1] or a label: positive = 1, neutral = 0, negative = -1 (any case).
std::optional<double> parse_sentiment(std::string_view cell);

std::string lower(std::string_view s);

}  // namespace boardbrief::importer
