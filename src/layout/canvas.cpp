#include "layout/canvas.h"

#include <cassert>
#include <cstring>

namespace boardbrief::layout {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::uint8_t hex_byte(const char* two) {
  const int hi = hex_digit(two[0]), lo = hex_digit(two[1]);
  assert(hi >= 0 && lo >= 0 && "hex(): colours are \"#RRGGBB\"");
  // Without asserts a bad digit reads as 0 rather than producing a wild value.
  return static_cast<std::uint8_t>((hi < 0 ? 0 : hi) * 16 + (lo < 0 ? 0 : lo));
}

}  // namespace

Color hex(const char* rgb) {
  const bool well_formed = rgb != nullptr && std::strlen(rgb) == 7 && rgb[0] == '#';
  assert(well_formed);
  if (!well_formed) return Color{};  // never read past a short string in release builds
  return Color{hex_byte(rgb + 1), hex_byte(rgb + 3), hex_byte(rgb + 5)};
}

}  // namespace boardbrief::layout
