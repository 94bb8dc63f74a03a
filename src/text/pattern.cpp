#include "text/pattern.h"

namespace boardbrief::text {

std::string fill_pattern(std::string_view pattern,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool filled = false;
        for (const auto& [key, value] : args) {
          if (key == name) {
            out += value;
            filled = true;
            break;
          }
        }
        if (filled) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

}  // namespace boardbrief::text
