#include "pdf/drawable_text.h"

#include <cassert>

namespace boardbrief::pdf {

namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at the start of `s` and sets `length` to its byte count; returns
// kInvalid (length 1) for anything that is not well-formed UTF-8.
char32_t decode(std::string_view s, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(0);
  length = 1;
  if (lead < 0x80) return lead;
  std::size_t n;
  char32_t cp;
  char32_t min;
  if ((lead & 0xE0) == 0xC0) {
    n = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    n = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    n = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return kInvalid;
  }
  if (s.size() < n) return kInvalid;
  for (std::size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  length = n;
  return cp;
}

}  // namespace

std::string drawable_text(std::string_view utf8, const std::function<bool(char16_t)>& has_glyph) {
  std::string out;
  out.reserve(utf8.size());
  while (!utf8.empty()) {
    std::size_t length;
    const char32_t cp = decode(utf8, length);
    const bool ok = cp != kInvalid && cp <= 0xFFFF && has_glyph(static_cast<char16_t>(cp));
    if (ok) {
      out.append(utf8.substr(0, length));
    } else {
      out.push_back('?');
    }
    utf8.remove_prefix(length);
  }
  return out;
}

std::string metadata_text(std::string_view utf8) {
  return drawable_text(utf8, [](char16_t code) { return code >= 0x20; });
}

std::vector<std::string_view> split_utf8(std::string_view utf8, std::size_t max_bytes) {
  assert(max_bytes >= 4);
  std::vector<std::string_view> pieces;
  while (utf8.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = max_bytes;  // not UTF-8 after all; cut anyway rather than loop forever
    pieces.push_back(utf8.substr(0, cut));
    utf8.remove_prefix(cut);
  }
  if (!utf8.empty()) pieces.push_back(utf8);
  return pieces;
}

}  // namespace boardbrief::pdf
