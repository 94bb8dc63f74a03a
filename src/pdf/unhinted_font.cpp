#include "pdf/unhinted_font.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

namespace boardbrief::pdf {

namespace {

std::uint16_t u16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>((static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]));
}

std::uint32_t u32(const std::string& s, std::size_t at) {
  return (static_cast<std::uint32_t>(u16(s, at)) << 16) | u16(s, at + 2);
}

void put16(std::string& s, std::size_t at, std::uint16_t v) {
  s[at] = static_cast<char>(v >> 8);
  s[at + 1] = static_cast<char>(v & 0xFF);
}

void put32(std::string& s, std::size_t at, std::uint32_t v) {
  put16(s, at, static_cast<std::uint16_t>(v >> 16));
  put16(s, at + 2, static_cast<std::uint16_t>(v & 0xFFFF));
}

void append32(std::string& s, std::uint32_t v) {
  s.append(4, '\0');
  put32(s, s.size() - 4, v);
}

std::uint32_t checksum(const std::string& s) {
  std::string padded = s;
  padded.append((4 - padded.size() % 4) % 4, '\0');
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < padded.size(); i += 4) sum += u32(padded, i);
  return sum;
}

// One glyph without its instructions; nullopt when the glyph data is malformed.
std::optional<std::string> strip_glyph(std::string g) {
  if (g.size() < 10) return g;  // empty glyph
  const auto contours = static_cast<std::int16_t>(u16(g, 0));
  if (contours >= 0) {
    const std::size_t at = 10 + 2 * static_cast<std::size_t>(contours);
    if (at + 2 > g.size()) return std::nullopt;
    const std::size_t len = u16(g, at);
    if (at + 2 + len > g.size()) return std::nullopt;
    g.erase(at + 2, len);
    put16(g, at, 0);
    return g;
  }
  // Composite: walk the components; the instructions follow the last one when flagged.
  std::size_t at = 10;
  for (;;) {
    if (at + 4 > g.size()) return std::nullopt;
    const std::uint16_t flags = u16(g, at);
    const std::size_t flag_at = at;
    at += 4 + ((flags & 0x0001) ? 4 : 2);
    if (flags & 0x0008)
      at += 2;
    else if (flags & 0x0040)
      at += 4;
    else if (flags & 0x0080)
      at += 8;
    if (!(flags & 0x0020)) {
      if (flags & 0x0100) {
        put16(g, flag_at, static_cast<std::uint16_t>(flags & ~0x0100));
        if (at > g.size()) return std::nullopt;
        g.resize(at);
      }
      return g;
    }
  }
}

}  // namespace

std::string unhinted_truetype(const std::string& font) {
  if (font.size() < 12) return font;
  const std::uint16_t count = u16(font, 4);
  if (font.size() < 12 + 16 * static_cast<std::size_t>(count)) return font;
  std::map<std::string, std::string> tables;  // sorted by tag, as the directory must be
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t entry = 12 + 16 * i;
    const std::uint32_t offset = u32(font, entry + 8), length = u32(font, entry + 12);
    if (offset > font.size() || length > font.size() - offset) return font;
    tables[font.substr(entry, 4)] = font.substr(offset, length);
  }
  for (const char* needed : {"head", "maxp", "loca", "glyf"})
    if (!tables.count(needed)) return font;
  std::string& head = tables["head"];
  std::string& maxp = tables["maxp"];
  if (head.size() < 54 || maxp.size() < 6) return font;
  const bool long_loca = u16(head, 50) == 1;
  const std::size_t glyphs = u16(maxp, 4);
  const std::string& loca = tables["loca"];
  if (loca.size() < (glyphs + 1) * (long_loca ? 4u : 2u)) return font;
  auto offset_of = [&](std::size_t i) -> std::size_t { return long_loca ? u32(loca, 4 * i) : 2u * u16(loca, 2 * i); };

  const std::string& glyf = tables["glyf"];
  std::string new_glyf, new_loca;
  for (std::size_t i = 0; i < glyphs; ++i) {
    const std::size_t begin = offset_of(i), end = offset_of(i + 1);
    if (begin > end || end > glyf.size()) return font;
    auto g = strip_glyph(glyf.substr(begin, end - begin));
    if (!g) return font;
    append32(new_loca, static_cast<std::uint32_t>(new_glyf.size()));
    new_glyf += *g;
    new_glyf.append(new_glyf.size() % 2, '\0');  // glyphs start on even offsets
  }
  append32(new_loca, static_cast<std::uint32_t>(new_glyf.size()));
  tables["glyf"] = new_glyf;
  tables["loca"] = new_loca;
  for (const char* hinting : {"fpgm", "prep", "cvt "}) tables.erase(hinting);
  put16(head, 50, 1);                         // long loca
  put32(head, 8, 0);                          // checkSumAdjustment, set below
  if (maxp.size() >= 32) put16(maxp, 26, 0);  // maxSizeOfInstructions

  // Offset table and directory, then the tables on 4-byte boundaries.
  const auto n = static_cast<std::uint16_t>(tables.size());
  std::uint16_t selector = 0;
  while ((2u << selector) <= n) ++selector;
  const auto range = static_cast<std::uint16_t>(16u << selector);
  std::string out = font.substr(0, 4);
  out.append(8, '\0');
  put16(out, 4, n);
  put16(out, 6, range);
  put16(out, 8, selector);
  put16(out, 10, static_cast<std::uint16_t>(n * 16 - range));
  std::size_t data_at = 12 + 16 * static_cast<std::size_t>(n);
  std::string data;
  std::size_t head_at = 0;
  for (const auto& [tag, bytes] : tables) {
    out += tag;
    append32(out, checksum(bytes));
    append32(out, static_cast<std::uint32_t>(data_at + data.size()));
    append32(out, static_cast<std::uint32_t>(bytes.size()));
    if (tag == "head") head_at = data_at + data.size();
    data += bytes;
    data.append((4 - data.size() % 4) % 4, '\0');
  }
  out += data;
  put32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));
  return out;
}

}  // namespace boardbrief::pdf
