// Fuzzes the language-file reader (text/strings): any bytes give Strings or a DataError; every
// key of loaded Strings can be read, listed and formatted without a crash.
#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.h"
#include "text/strings.h"

using boardbrief::text::Strings;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    Strings s = Strings::parse(text, "fuzz.toml", {"summary.title"});
    for (const auto& key : s.keys()) {
      (void)s.get(key);
      try {
        (void)s.format_sentence(key, {{"value", "1"}, {"name", "ø"}});
      } catch (const boardbrief::DataError&) {
        // a placeholder without a value is a documented error
      }
    }
  } catch (const boardbrief::DataError&) {
  }
  return 0;
}
