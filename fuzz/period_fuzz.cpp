// Fuzzes the period and day parsers (calendar/periods): any text gives a period or a
// UsageError; a parsed period is well formed and its neighbours can be computed.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/error.h"
#include "calendar/periods.h"

namespace cal = boardbrief::calendar;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first two bytes pick the as-of day (1970..2149), the rest is the spec.
  date::local_days as_of = date::local_days{date::year{2026} / 11 / 2};
  if (size >= 2) {
    as_of = date::local_days{date::days{(data[0] << 8 | data[1]) % 65536}};
    text.remove_prefix(2);
  }
  try {
    auto p = cal::parse_period(text, as_of);
    if (p.first > p.last) std::abort();
    auto window = cal::trailing_window(p, 13);
    if (window.size() != 13 || window.back().first != p.first) std::abort();
    auto y = cal::year_earlier(p);
    if (y.first > y.last) std::abort();
  } catch (const boardbrief::UsageError&) {
  }
  if (auto d = cal::try_parse_day(text)) {
    if (cal::format_day(*d) != text) std::abort();  // a day round-trips exactly
  }
  return 0;
}
