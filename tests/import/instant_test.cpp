#include "importer/instant.h"

#include <doctest/doctest.h>

#include "base/error.h"

using namespace boardbrief;
using importer::InstantParser;

namespace {

std::string utc(const InstantParser& p, const std::string& text) {
  auto r = p.parse(text);
  return r.value ? date::format("%FT%TZ", *r.value) : "error: " + r.error;
}

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("timestamps with an offset become UTC in every supported spelling") {
    InstantParser p("");
    CHECK(utc(p, "2017-10-31T22:10:47+01:00") == "2017-10-31T21:10:47Z");
    CHECK(utc(p, "2017-10-31T22:10:47Z") == "2017-10-31T22:10:47Z");
    CHECK(utc(p, "2017-10-31T22:10:47.123Z") == "2017-10-31T22:10:47Z");
    CHECK(utc(p, "2017-10-31 22:10:47+0100") == "2017-10-31T21:10:47Z");
    CHECK(utc(p, "2017-10-31T22:10:47-05:30") == "2017-11-01T03:40:47Z");
    CHECK(utc(p, "Tue Oct 31 22:10:47 +0000 2017") == "2017-10-31T22:10:47Z");  // Twitter API (twcs)
    CHECK(utc(p, "Wed Nov 01 00:30:00 +0100 2017") == "2017-10-31T23:30:00Z");
    CHECK(utc(p, "2015-02-24 11:35:52 -0800") == "2015-02-24T19:35:52Z");  // airline sentiment
    CHECK(utc(p, "2017-11-29 18:26 +0000") == "2017-11-29T18:26:00Z");     // Twitter Analytics
  }

  TEST_CASE("without an offset a timestamp needs a zone, and is then local time there") {
    CHECK(utc(InstantParser(""), "2017-10-31 22:10:47") ==
          "error: '2017-10-31 22:10:47' has no UTC offset (give --tz ZONE)");
    InstantParser cph("Europe/Copenhagen");
    CHECK(utc(cph, "2026-07-01 12:00:00") == "2026-07-01T10:00:00Z");  // summer: +02:00
    CHECK(utc(cph, "2026-01-15T12:00") == "2026-01-15T11:00:00Z");     // winter: +01:00
    // An offset in the text wins over the zone.
    CHECK(utc(cph, "2026-07-01T12:00:00Z") == "2026-07-01T12:00:00Z");
  }

  TEST_CASE("DST: the repeated hour takes the earlier instant, the skipped hour is an error") {
    InstantParser cph("Europe/Copenhagen");
    // 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET; 02:30 happens twice.
    CHECK(utc(cph, "2026-10-25 02:30:00") == "2026-10-25T00:30:00Z");
    CHECK(utc(cph, "2026-10-25 03:30:00") == "2026-10-25T02:30:00Z");
    CHECK(utc(cph, "2026-10-25 01:59:59") == "2026-10-24T23:59:59Z");
    // 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST; 02:30 never happens.
    CHECK(utc(cph, "2026-03-29 01:59:00") == "2026-03-29T00:59:00Z");
    CHECK(utc(cph, "2026-03-29 03:00:00") == "2026-03-29T01:00:00Z");
    CHECK(utc(cph, "2026-03-29 02:30:00") ==
          "error: local time 2026-03-29 02:30:00 does not exist in Europe/Copenhagen (skipped when daylight saving "
          "time starts)");
  }

  TEST_CASE("a custom format is tried first; junk names the accepted spelling") {
    InstantParser p("Europe/Copenhagen", "%d.%m.%Y %H:%M");
    CHECK(utc(p, "31.10.2026 23:30") == "2026-10-31T22:30:00Z");
    CHECK(utc(p, "2026-10-31T23:30:00+01:00") == "2026-10-31T22:30:00Z");
    CHECK(utc(InstantParser(""), "yesterday") ==
          "error: 'yesterday' is not a timestamp (use e.g. 2017-10-31T22:10:47+01:00, or give --time-format)");
  }

  TEST_CASE("the quick path for common spellings agrees with the general parser") {
    // A --time-format that matches none of the cells turns the quick path off.
    for (const char* zone : {"", "Europe/Copenhagen", "America/Los_Angeles"}) {
      InstantParser quick(zone), general(zone, "%j");
      for (const char* cell : {"2017-10-31T22:10:47+01:00",  "2017-10-31T22:10:47Z",      "2017-10-31 22:10:47z",
                               "2017-10-31T22:10:47.123Z",   "2017-10-31 22:10:47 -0800", "2017-10-31 22:10 +0000",
                               "2017-10-31T22:10Z",          "2017-10-31 22:10:47",       "2017-10-31T22:10",
                               "2026-03-29 02:30:00",        "2026-10-25 02:30:00",       "2026-02-30 10:00:00Z",
                               "2026-10-31T24:00:00Z",       "2026-10-31T23:59:60Z",      "2026-10-31T23:59:59+01",
                               "2026-10-31T23:59:59 +01:00", "2026-10-31T23:59:59+0100 ", "2026-1-31T23:59:59Z",
                               "2026-10-31t23:59:59Z",       "2026-10-31T23:59:59.Z"}) {
        INFO(zone << " " << cell);
        // Error texts differ only in their hint about --time-format.
        const auto head = [](std::string s) { return s.substr(0, s.find(" (use e.g.")); };
        CHECK(head(utc(quick, cell)) == head(utc(general, cell)));
      }
    }
  }

  TEST_CASE("an unknown zone is a usage error") {
    CHECK_THROWS_WITH_AS(InstantParser("Mars/Olympus"),
                         "unknown time zone 'Mars/Olympus' (use an IANA name such as Europe/Copenhagen)", UsageError);
  }
}
