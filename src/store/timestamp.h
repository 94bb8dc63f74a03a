// Fast parsing and formatting of the contract's fixed-width UTC instants. The interaction scan
// parses millions of them, so this avoids a general date parser.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace boardbrief::store {

// Parses "YYYY-MM-DDTHH:MM:SS" followed by "Z", "+00:00", ".fff…Z" or nothing (UTC assumed):
// the forms `boardbrief check` accepts. A space for the 'T' or "+0000" is rejected as check
// rejects it: such text sorts differently from the canonical bounds the report selects rows by,
// so a row near a period's edge could fall into the wrong period (docs/data-contract.md,
// "Instant format"). Returns seconds since 1970-01-01T00:00:00Z, or nullopt when the text is
// malformed or not a real instant (month 13, 31 April, 25:00).
std::optional<std::int64_t> parse_utc_instant(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ"
std::string format_utc_instant(std::int64_t seconds);

// parse_utc_instant for a stream of instants that mostly share their day with the previous
// one (the received_at scan): remembers the last date part and its day number, so that most
// rows only parse the time of day. Same results as parse_utc_instant.
class InstantParser {
 public:
  std::optional<std::int64_t> parse(std::string_view text);

 private:
  // The first 10 bytes of `p` equal day_ (fixed-size copies compile to plain loads).
  bool same_day(const char* p) const {
    std::uint64_t a, b;
    std::uint16_t c, d;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, day_, 8);
    std::memcpy(&c, p + 8, 2);
    std::memcpy(&d, day_ + 8, 2);
    return a == b && c == d;
  }

  char day_[10] = {};
  std::int64_t day_seconds_ = 0;
  bool has_day_ = false;
};

}  // namespace boardbrief::store
