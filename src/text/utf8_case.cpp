#include "text/utf8_case.h"

namespace boardbrief::text {

namespace {

// Upper-cases the character starting at out[i] in place when it is ASCII or Latin-1 lower case;
// returns the index of the next character.
std::size_t upper_at(std::string& out, std::size_t i) {
  const auto first = static_cast<unsigned char>(out[i]);
  if (first >= 'a' && first <= 'z') {
    out[i] = static_cast<char>(first - 'a' + 'A');
    return i + 1;
  }
  // Latin-1 lower case U+00E0–U+00FE is 0xC3 0xA0–0xBE in UTF-8; its upper case is 0x20 lower.
  // U+00F7 (÷) is not a letter.
  if (first == 0xC3 && i + 1 < out.size()) {
    const auto second = static_cast<unsigned char>(out[i + 1]);
    if (second >= 0xA0 && second <= 0xBE && second != 0xB7) out[i + 1] = static_cast<char>(second - 0x20);
  }
  std::size_t next = i + 1;
  while (next < out.size() && (static_cast<unsigned char>(out[next]) & 0xC0) == 0x80) ++next;
  return next;
}

}  // namespace

std::string capitalise_first(std::string_view text) {
  std::string out(text);
  if (!out.empty()) upper_at(out, 0);
  return out;
}

std::string to_upper(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size();) i = upper_at(out, i);
  return out;
}

}  // namespace boardbrief::text
