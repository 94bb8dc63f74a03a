// Fast parsing and formatting of the contract's fixed-width UTC instants. The interaction scan
// parses millions of them, so this avoids a general date parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace boardbrief::store {

// Parses "YYYY-MM-DDTHH:MM:SS" followed by "Z", "+00:00", ".fff…Z" or nothing (UTC assumed);
// a space may replace the 'T'. Returns seconds since 1970-01-01T00:00:00Z, or nullopt when the
// text is malformed or not a real instant (month 13, 31 April, 25:00).
std::optional<std::int64_t> parse_utc_instant(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ"
std::string format_utc_instant(std::int64_t seconds);

}  // namespace boardbrief::store
