// Numbers, changes, durations and counts as the reader sees them (docs/numbers-and-dates.md).
// Every function returns finished UTF-8 text: U+2212 for minus,
// U+00A0 between a figure and its unit, and never "−0" or "+∞".
//
// Rounding everywhere is half away from zero on value·10^d + sign·1e−9, so 1.45 -> "1.5"
// despite its binary representation. A non-finite input (NaN, ±∞) returns the table dash "–":
// suppressing the sentence or tile is the caller's job, but the page never shows "inf".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "text/language.h"

namespace boardbrief::text {

inline constexpr std::string_view kNoBreakSpace = "\u00A0";
inline constexpr std::string_view kMinusSign = "\u2212";
inline constexpr std::string_view kEnDash = "\u2013";

// `value` rounded half away from zero to `decimals` places (with the 1e−9 nudge above).
// REQUIRES: 0 <= decimals <= 6
double round_half_away(double value, int decimals);

// "4,812" / "4.812", "−4". Grouping from 1,000 on.
std::string format_integer(std::int64_t value, const Language& language);

// grouped, exactly `decimals` places: (1234.5, 1) -> "1,234.5" / "1.234,5"; "−1.5".
// REQUIRES: 0 <= decimals <= 6
std::string format_decimal(double value, int decimals, const Language& language);

// a share given in percent (38.2 -> "38%" / "38 %"). 0 decimals from 10 %, else 1 decimal
// with a trailing ".0" dropped (6.44 -> "6.4%", 5.04 -> "5%"). Negative values get U+2212.
std::string format_percent(double percent, const Language& language);
// Same, for a fraction: 0.38 -> "38%".
std::string format_fraction_as_percent(double fraction, const Language& language);

// `value` with an explicit sign and `decimals` places: "+1.5", "−1.5"; "±0" when it rounds to
// zero. Trailing zeros are kept: this is the building block for table change columns.
// REQUIRES: 0 <= decimals <= 6
std::string format_signed(double value, int decimals, const Language& language);

// relative change of a count or amount, always signed: "+32%", "+6.4%", "−17.9%",
// "±0%"; Danish "+32 %". Decimals as format_percent.
std::string format_percent_change(double percent, const Language& language);

// Tiles and tables: change of a share in percentage points, signed: "+12 pp" /
// "+12 pct.-point", "±0 pp". Decimals as format_percent.
std::string format_pp_change(double pp, const Language& language);

// Sentences: the size of a pp change without sign, since the verb carries the direction
// ("up 12 points"): "12 points" / "12 procentpoint"; "1 point"; "0.5 points".
std::string format_points(double pp, const Language& language);

// change of a score (net sentiment, −100..100), signed whole points: "−23 pts" /
// "−23 point", "+1 pt", "±0 pts".
std::string format_score_change(double points, const Language& language);

enum class DurationStyle {
  Text,   // "3 h 30 min", "45 min", "2 h"
  Table,  // always hours and two-digit minutes so columns align: "31 h 00 min", "0 h 45 min"
};

// a duration given in minutes, rounded to whole minutes. Danish uses "t" for hours
// ("3 t 30 min"). All spaces are no-break, so a duration never splits across lines.
std::string format_duration(double minutes, const Language& language, DurationStyle style = DurationStyle::Text);

// A signed change of a duration: "+1 h 20 min", "−45 min", "±0 min".
std::string format_duration_change(double minutes, const Language& language);

// Charts and tiles: up to 4 digits as they are ("4,812"), else at most one decimal, never a
// ".0", in thousands, millions or billions: "394 k", "24.9 M", "1.2 bn". A language without a
// thousands word (Danish: `compact_thousand = ""`) writes thousands in full: "394.000",
// "24,9 mio.", "1,2 mia." (docs/visual-rules.md, "Numbers on charts").
std::string format_compact(double count, const Language& language);

// An axis in one unit: the unit follows the axis's largest tick `axis_max` (below 10,000, or
// below a million without a thousands word: plain integers; then thousands, millions,
// billions). A tick (`step` > 0) gets just the decimals its step needs ("0", "50 k", "100 k";
// "0", "0.5 M", "1 M"); a data label (`step` 0) three significant digits in the same unit
// ("145 k", "0.83 M"); trailing zeros are dropped.
std::string format_axis_value(double value, double axis_max, double step, const Language& language);

// Counts in sentences (docs/numbers-and-dates.md): exact below 10,000 ("1,832"); three significant digits from
// 10,000 ("394,000" / "394.000"); from a million "1.23 million" / "1,23 mio." (and
// "billion" / "mia."), trailing zeros dropped ("2 million").
std::string format_count(double count, const Language& language);

enum class MultiplierStyle {
  Figure,    // tiles, charts, tables: "4.8×" / "4,8×"
  Sentence,  // running text: "4.8×" / "4,8 gange"
};

// A ratio with one decimal: "4.8×"; Danish sentences "4,8 gange".
std::string format_multiplier(double ratio, const Language& language,
                              MultiplierStyle style = MultiplierStyle::Sentence);

// the words for a missing value in tiles and charts: "no data" / "ingen data".
std::string_view no_data(const Language& language);
// a missing value in a table cell: "–" (en dash), in both languages.
std::string_view missing_cell();

}  // namespace boardbrief::text
