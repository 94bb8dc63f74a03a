#include "importer/values.h"

#include <doctest/doctest.h>

using namespace boardbrief::importer;
using namespace date::literals;

TEST_SUITE("import") {
  TEST_CASE("numbers are finite decimals; NaN, inf, thousands separators and text are not") {
    CHECK(parse_number("12") == 12.0);
    CHECK(parse_number("-3.5") == -3.5);
    CHECK(parse_number("+7") == 7.0);
    CHECK(parse_number("1e3") == 1000.0);
    CHECK(parse_number("2915.0") == 2915.0);
    for (const char* bad : {"", "abc", "1,000", "nan", "inf", "-inf", "12 ", "1.2.3", "0x10"})
      CHECK_MESSAGE(!parse_number(bad), bad);
  }

  TEST_CASE("missing-value markers are empty, NA, N/A, null and a dash") {
    for (const char* m : {"", "NA", "na", "N/A", "null", "-"}) CHECK_MESSAGE(is_missing(m), m);
    CHECK_FALSE(is_missing("0"));
  }

  TEST_CASE("days follow the given format, must exist and must fill the cell") {
    CHECK(parse_day("2026-10-31", "%Y-%m-%d") == date::local_days{2026_y / date::October / 31});
    CHECK(parse_day("10/31/2026", "%m/%d/%Y") == date::local_days{2026_y / date::October / 31});
    CHECK(parse_day("31.10.2026", "%d.%m.%Y") == date::local_days{2026_y / date::October / 31});
    CHECK(parse_day("2024-02-29", "%Y-%m-%d") == date::local_days{2024_y / date::February / 29});
    CHECK_FALSE(parse_day("2026-02-29", "%Y-%m-%d"));
    CHECK_FALSE(parse_day("2026-10-31x", "%Y-%m-%d"));
    CHECK_FALSE(parse_day("10/31/2026", "%Y-%m-%d"));
    CHECK_FALSE(parse_day("", "%Y-%m-%d"));
  }

  TEST_CASE("flags and sentiment labels") {
    CHECK(parse_flag("True") == true);
    CHECK(parse_flag("no") == false);
    CHECK(parse_flag("0") == false);
    CHECK_FALSE(parse_flag("maybe"));
    CHECK(parse_sentiment("negative") == -1.0);
    CHECK(parse_sentiment("Neutral") == 0.0);
    CHECK(parse_sentiment("positive") == 1.0);
    CHECK(parse_sentiment("-0.25") == -0.25);
    CHECK_FALSE(parse_sentiment("1.5"));
    CHECK_FALSE(parse_sentiment("angry"));
  }
}
