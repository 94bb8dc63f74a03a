#include "text/utf8_case.h"

namespace boardbrief::text {

std::string capitalise_first(std::string_view text) {
  std::string out(text);
  if (out.empty()) return out;
  const auto first = static_cast<unsigned char>(out[0]);
  if (first >= 'a' && first <= 'z') {
    out[0] = static_cast<char>(first - 'a' + 'A');
    return out;
  }
  // Latin-1 lower case U+00E0–U+00FE is 0xC3 0xA0–0xBE in UTF-8; its upper case is 0x20 lower.
  // U+00F7 (÷) is not a letter.
  if (first == 0xC3 && out.size() >= 2) {
    const auto second = static_cast<unsigned char>(out[1]);
    if (second >= 0xA0 && second <= 0xBE && second != 0xB7) {
      out[1] = static_cast<char>(second - 0x20);
    }
  }
  return out;
}

}  // namespace boardbrief::text
