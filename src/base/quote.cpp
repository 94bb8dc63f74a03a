#include "base/quote.h"

#include <cstdio>

namespace boardbrief {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;  // overlong
  return n;
}

void hex(std::string& out, unsigned char c) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "\\x%02X", c);
  out += buf;
}

// Escapes `text` into `out` until `max_bytes` of output; returns whether all of it fitted.
bool escape(std::string_view text, std::size_t max_bytes, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (out.size() >= max_bytes) return false;
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_length(text, i);
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7F || n == 0)
      hex(out, c);
    else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {  // C1 controls
      hex(out, c);
      hex(out, static_cast<unsigned char>(text[i + 1]));
    } else {
      out.append(text.substr(i, n));
    }
    i += n == 0 ? 1 : n;
  }
  return true;
}

}  // namespace

std::string quote(std::string_view text, std::size_t max_bytes) {
  std::string out = "'";
  if (escape(text, max_bytes + 1, out)) return out + "'";
  return out + "\u2026' (" + std::to_string(text.size()) + " bytes)";
}

std::string one_line(std::string_view text, std::size_t max_bytes) {
  std::string out;
  if (escape(text, max_bytes, out)) return out;
  return out + "\u2026 (" + std::to_string(text.size()) + " bytes in all)";
}

}  // namespace boardbrief
