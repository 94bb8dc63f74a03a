// The unhinted copy of Lato that is embedded (ghostscript cannot run Lato's hinting programs
// after libharu's subsetting): the hinting tables are gone, every glyph's instructions are
// empty, the outlines and every other table are kept, and the checksums are valid.
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "pdf/unhinted_font.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
using boardbrief::pdf::unhinted_truetype;

namespace {

std::uint32_t u32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
  return v;
}
std::uint16_t u16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>((static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]));
}

std::map<std::string, std::string> tables(const std::string& font) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < u16(font, 4); ++i) {
    const std::size_t e = 12 + 16 * i;
    out[font.substr(e, 4)] = font.substr(u32(font, e + 8), u32(font, e + 12));
  }
  return out;
}

std::uint32_t whole_font_sum(std::string font) {
  font.append((4 - font.size() % 4) % 4, '\0');
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < font.size(); i += 4) sum += u32(font, i);
  return sum;
}

}  // namespace

TEST_SUITE("pdf") {
  TEST_CASE("the embedded Lato has no hinting and keeps everything else") {
    for (const char* file : {"Lato-Regular.ttf", "Lato-Bold.ttf", "Lato-Italic.ttf"}) {
      CAPTURE(file);
      std::ifstream in(bt::source_dir() / "fonts" / file, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string original = ss.str();
      const std::string stripped = unhinted_truetype(original);
      REQUIRE(stripped.size() < original.size());
      auto before = tables(original), after = tables(stripped);
      CHECK(before.count("fpgm"));
      for (const char* gone : {"fpgm", "prep", "cvt "}) CHECK_FALSE(after.count(gone));
      for (const auto& [tag, bytes] : before) {
        if (tag == "fpgm" || tag == "prep" || tag == "cvt " || tag == "glyf" || tag == "loca" || tag == "head" ||
            tag == "maxp")
          continue;
        CHECK_MESSAGE(after[tag] == bytes, tag);  // cmap, hmtx, name, OS/2, ... unchanged
      }
      CHECK(whole_font_sum(stripped) == 0xB1B0AFBAu);  // head.checkSumAdjustment is right
      // Every simple glyph has zero instruction bytes; the glyph count is unchanged.
      const std::string& glyf = after["glyf"];
      const std::string& loca = after["loca"];
      const std::size_t glyphs = u16(after["maxp"], 4);
      CHECK(glyphs == u16(before["maxp"], 4));
      REQUIRE(loca.size() == 4 * (glyphs + 1));
      int simple = 0;
      for (std::size_t g = 0; g < glyphs; ++g) {
        const std::size_t begin = u32(loca, 4 * g), end = u32(loca, 4 * g + 4);
        if (end - begin < 10 || static_cast<std::int16_t>(u16(glyf, begin)) < 0) continue;
        const std::size_t contours = u16(glyf, begin);
        CHECK(u16(glyf, begin + 10 + 2 * contours) == 0);
        ++simple;
      }
      CHECK(simple > 500);
    }
  }

  TEST_CASE("something that is not a font comes back unchanged") {
    CHECK(unhinted_truetype("") == "");
    CHECK(unhinted_truetype("not a font at all") == "not a font at all");
  }
}
