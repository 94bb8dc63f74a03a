// quote() and one_line(): untrusted text in messages stays on one line and bounded.
#include <doctest/doctest.h>

#include <string>

#include "base/quote.h"

using boardbrief::one_line;
using boardbrief::quote;

TEST_SUITE("base") {
  TEST_CASE("quote escapes control characters and invalid UTF-8, keeps other text") {
    CHECK(quote("posts") == "'posts'");
    CHECK(quote("Nørre Ålbæk ✓") == "'Nørre Ålbæk ✓'");
    CHECK(quote("a\nb\rc\td") == "'a\\nb\\rc\\td'");
    CHECK(quote(std::string("\x1b[2K\x7f", 5)) == "'\\x1B[2K\\x7F'");
    CHECK(quote(std::string("nul\0x", 5)) == "'nul\\x00x'");
    CHECK(quote("\xC2\x85next line") == "'\\xC2\\x85next line'");  // U+0085, a C1 control
    CHECK(quote("bad \xFF\xC3 utf8") == "'bad \\xFF\\xC3 utf8'");
    CHECK(quote("\xC0\xAF") == "'\\xC0\\xAF'");  // overlong
  }

  TEST_CASE("quote cuts long values on a character boundary and shows their length") {
    const std::string big(5 * 1024 * 1024, 'x');
    const std::string q = quote(big);
    CHECK(q.size() < 160);
    CHECK(q.rfind("'xxx", 0) == 0);
    CHECK(q.substr(q.size() - 20) == "…' (5242880 bytes)");
    std::string danish;
    for (int i = 0; i < 100; ++i) danish += "æø";
    const std::string cut = quote(danish, 11);
    CHECK(cut == "'æøæøæø…' (400 bytes)");
    CHECK(quote(std::string(120, 'y')) == "'" + std::string(120, 'y') + "'");
  }

  TEST_CASE("one_line makes any message one bounded line") {
    CHECK(one_line("x.csv:2:2: value 'a\nboardbrief: wrote x'") == "x.csv:2:2: value 'a\\nboardbrief: wrote x'");
    const std::string long_line = one_line(std::string(10000, 'z'));
    CHECK(long_line.size() < 4100);
    CHECK(long_line.find("(10000 bytes in all)") != std::string::npos);
  }
}
