#include "layout/text_wrap.h"

#include <doctest/doctest.h>

#include <string>

#include "layout/fixed_width_measurer.h"

namespace boardbrief::layout {
namespace {

using testing::FixedWidthMeasurer;

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// 10 pt at 0.5 em: every code point is 5 pt wide.
const FixedWidthMeasurer kMeasurer;
constexpr double kSize = 10;

std::vector<std::string> texts(const std::vector<WrappedLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.text);
  return out;
}

TEST_SUITE("layout") {
  TEST_CASE("words fill a line greedily and break at spaces") {
    // 40 pt = 8 code points per line.
    const auto lines = wrap_text(kMeasurer, FontFace::Regular, kSize, "aa bb cc dd  ee", 40);
    CHECK(texts(lines) == std::vector<std::string>{"aa bb cc", "dd ee"});
    CHECK(lines[0].width_pt == doctest::Approx(40));
    CHECK(lines[1].width_pt == doctest::Approx(25));
  }

  TEST_CASE("a newline ends the line and an empty paragraph keeps its line") {
    const auto lines = wrap_text(kMeasurer, FontFace::Regular, kSize, "one\n\ntwo three", 100);
    CHECK(texts(lines) == std::vector<std::string>{"one", "", "two three"});
    CHECK(wrap_text(kMeasurer, FontFace::Regular, kSize, "   ", 100).empty());
  }

  TEST_CASE("Danish words with æøå are measured by code point, not by byte") {
    // "blåbærgrød" is 10 code points (13 bytes) = 50 pt.
    const auto lines = wrap_text(kMeasurer, FontFace::Regular, kSize, "blåbærgrød på Ærø", 50);
    CHECK(texts(lines) == std::vector<std::string>{"blåbærgrød", "på Ærø"});
  }

  TEST_CASE("a no-break space keeps a figure and its unit together") {
    // "rose til 38\u00A0%" would break after "38" if U+00A0 were a break.
    const auto lines = wrap_text(kMeasurer, FontFace::Regular, kSize, "rose til 38\u00A0% i alt", 40);
    CHECK(texts(lines) == std::vector<std::string>{"rose til", "38\u00A0% i", "alt"});
  }

  TEST_CASE("a 300-character word is broken between code points and every line fits") {
    std::string word;
    for (int i = 0; i < 100; ++i) word += "aæ€";  // 1-, 2- and 3-byte sequences
    const auto lines = wrap_text(kMeasurer, FontFace::Regular, kSize, "x " + word + " y", 42);
    std::string joined;
    for (const auto& l : lines) {
      CHECK(is_valid_utf8(l.text));
      CHECK(l.width_pt <= 42);
      CHECK_FALSE(l.text.empty());
    }
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) joined += lines[i].text;
    CHECK(lines.front().text == "x");
    // Eight code points (40 pt) per line; the word's last four share their line with "y".
    CHECK(lines[1].text == "aæ€aæ€aæ");
    CHECK(lines.back().text == "€aæ€ y");
    CHECK(lines.back().text.ends_with(" y"));
    CHECK(code_point_count(joined + lines.back().text) == 300 + 2);
  }

  TEST_CASE("a box narrower than one code point still gets one code point per line") {
    const auto lines = wrap_text(kMeasurer, FontFace::Regular, kSize, "æøå", 1);
    CHECK(texts(lines) == std::vector<std::string>{"æ", "ø", "å"});
  }

  TEST_CASE("ellipsize keeps text that fits and shortens the rest with an ellipsis") {
    CHECK(ellipsize(kMeasurer, FontFace::Regular, kSize, "Nøgletal", 40) == "Nøgletal");
    CHECK(ellipsize(kMeasurer, FontFace::Regular, kSize, "Beskeder der kræver svar", 40) == "Beskede…");
    // No space is left before the ellipsis.
    CHECK(ellipsize(kMeasurer, FontFace::Regular, kSize, "ab cdef", 20) == "ab…");
    CHECK(ellipsize(kMeasurer, FontFace::Regular, kSize, "æøåæøå", 5) == "…");
    CHECK(ellipsize(kMeasurer, FontFace::Regular, kSize, "æøåæøå", 4).empty());
  }
}

}  // namespace
}  // namespace boardbrief::layout
