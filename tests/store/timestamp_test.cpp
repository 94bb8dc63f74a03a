#include <doctest/doctest.h>

#include "store/timestamp.h"

using boardbrief::store::format_utc_instant;
using boardbrief::store::parse_utc_instant;

TEST_SUITE("store") {
  TEST_CASE("contract instants parse in their accepted forms and round-trip") {
    CHECK(parse_utc_instant("1970-01-01T00:00:00Z") == 0);
    CHECK(parse_utc_instant("2026-10-31T23:30:00Z") == 1793489400);
    CHECK(parse_utc_instant("2026-10-31T23:30:00") == 1793489400);
    CHECK(parse_utc_instant("2026-10-31T23:30:00.123Z") == 1793489400);
    CHECK(parse_utc_instant("2026-10-31T23:30:00+00:00") == 1793489400);
    CHECK(parse_utc_instant("2024-02-29T12:00:00Z").has_value());
    CHECK(format_utc_instant(1793489400) == "2026-10-31T23:30:00Z");
  }
  TEST_CASE("malformed or impossible instants are rejected") {
    for (const char* bad : {"", "2026-10-31", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z", "2025-02-29T00:00:00Z",
                            "2026-10-31T24:00:00Z", "2026-10-31T23:60:00Z", "2026-10-31T23:30:00+02:00",
                            "2026/10/31T23:30:00Z", "2026-10-31T23:30:00Zjunk", "x026-10-31T23:30:00Z",
                            // forms check rejects: they sort differently from the canonical bounds
                            "2026-10-31 23:30:00", "2026-10-31T23:30:00+0000"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_utc_instant(bad).has_value());
    }
  }
}

TEST_SUITE("store") {
  TEST_CASE("the day-caching parser agrees with parse_utc_instant on a stream of same-day and odd instants") {
    // Each text follows one with the same date part, so the cached path is exercised for the
    // valid and the malformed ones alike.
    const char* texts[] = {"2026-10-31T08:00:00Z",      "2026-10-31T23:59:59Z",      "2026-10-31T24:00:00Z",
                           "2026-10-31T23:60:00Z",      "2026-10-31 07:15:00",       "2026-10-31T07:15:00.5Z",
                           "2026-10-31T07:15:00+00:00", "2026-10-31T07:15:00+02:00", "2026-10-31T07:15:00Zjunk",
                           "2026-10-31T07:1x:00Z",      "2026-10-31T07:15",          "2026-11-01T00:00:00Z",
                           "2026-11-01T00:00:01Z",      "2026-04-31T00:00:00Z",      "2026-04-31T00:00:01Z",
                           "2026-11-01T12:00:00Z",      "1969-12-31T23:59:59Z",      "1969-12-31T12:00:00Z",
                           "2024-02-29T12:00:00Z",      "2024-02-29T13:00:00Z",      ""};
    boardbrief::store::InstantParser parser;
    for (const char* t : texts) {
      CAPTURE(t);
      CHECK(parser.parse(t) == parse_utc_instant(t));
    }
  }
}
