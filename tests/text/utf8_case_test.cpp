#include <doctest/doctest.h>

#include "text/utf8_case.h"

TEST_SUITE("text") {
  TEST_CASE("to_upper upper-cases Danish letters for the kicker") {
    using boardbrief::text::to_upper;
    CHECK(to_upper("Nørre Ålbæk Energi A/S") == "NØRRE ÅLBÆK ENERGI A/S");
    CHECK(to_upper("æøå") == "ÆØÅ");
    CHECK(to_upper("“x” – 3 €") == "“X” – 3 €");
    CHECK(to_upper("") == "");
  }
}
