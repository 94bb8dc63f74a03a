#include "pdf/drawable_text.h"

#include <doctest/doctest.h>

#include <string>

#include "pdf/to_unicode_fix.h"

namespace boardbrief::pdf {

namespace {
bool all_glyphs(char16_t) { return true; }
}  // namespace

TEST_SUITE("pdf") {
  TEST_CASE("drawable text keeps what the font can show") {
    CHECK(drawable_text("Nørre Ålbæk – “citat” €", all_glyphs) == "Nørre Ålbæk – “citat” €");
    CHECK(drawable_text("", all_glyphs).empty());
  }

  TEST_CASE("code points above U+FFFF become one '?' each") {
    CHECK(drawable_text("a😀b", all_glyphs) == "a?b");
    CHECK(drawable_text("𝔸𝔹", all_glyphs) == "??");
  }

  TEST_CASE("malformed UTF-8 becomes '?' per bad byte") {
    CHECK(drawable_text("a\xFF"
                        "b",
                        all_glyphs) == "a?b");
    CHECK(drawable_text("\xC3", all_glyphs) == "?");                 // truncated sequence
    CHECK(drawable_text("\xC0\xAF", all_glyphs) == "??");            // overlong '/'
    CHECK(drawable_text("\xED\xA0\x80", all_glyphs) == "???");       // UTF-16 surrogate
    CHECK(drawable_text("\xF4\x90\x80\x80", all_glyphs) == "????");  // above U+10FFFF
  }

  TEST_CASE("characters missing from the font become '?'") {
    const auto no_x = [](char16_t c) { return c != u'x' && c != u'æ'; };
    CHECK(drawable_text("xæy", no_x) == "??y");
  }

  TEST_CASE("metadata text drops control characters too") {
    CHECK(metadata_text(std::string("a\0b\tc", 5)) == "a?b?c");
    CHECK(metadata_text("Økonomi 😀") == "Økonomi ?");
  }

  TEST_CASE("splitting UTF-8 never cuts a code point") {
    const std::string text = "æææ";  // 2 bytes each
    const auto pieces = split_utf8(text, 5);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0] == "ææ");
    CHECK(pieces[1] == "æ");
    CHECK(split_utf8("abc", 4).size() == 1);
    CHECK(split_utf8("", 4).empty());
  }

  TEST_CASE("the ToUnicode CMap uses bfchar blocks of at most 100 entries") {
    std::vector<char16_t> codes;
    for (char16_t c = 0x20; c < 0x20 + 150; ++c) codes.push_back(c);
    const std::string cmap = identity_to_unicode_cmap(codes);
    CHECK(cmap.find("100 beginbfchar\n<0020> <0020>\n") != std::string::npos);
    CHECK(cmap.find("50 beginbfchar\n<0084> <0084>\n") != std::string::npos);
    CHECK(cmap.find("/Ordering (UCS)") != std::string::npos);
    CHECK(cmap.find("cidrange") == std::string::npos);
    CHECK(identity_to_unicode_cmap({}).find("beginbfchar") == std::string::npos);
  }
}

}  // namespace boardbrief::pdf
