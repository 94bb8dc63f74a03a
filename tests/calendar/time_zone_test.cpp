// Tests for calendar/time_zone.h. Offsets are the published IANA rules: Copenhagen is
// UTC+1 (CET) in winter and UTC+2 (CEST) from the last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC; Havana switches at local midnight (2026-03-08 00:00 CST ->
// 01:00 CDT; 2026-11-01 01:00 CDT -> 00:00 CST).
#include "calendar/time_zone.h"

#include <doctest/doctest.h>

#include <chrono>

#include "base/error.h"
#include "calendar/periods.h"

namespace {

using namespace date::literals;
using namespace std::chrono_literals;
using boardbrief::UsageError;
using boardbrief::calendar::custom_period;
using boardbrief::calendar::Instant;
using boardbrief::calendar::parse_period;
using boardbrief::calendar::TimeZone;
using date::local_days;

// A UTC instant from its calendar parts.
Instant utc(date::year_month_day d, int hour, int minute = 0, int second = 0) {
  return date::sys_days{d} + std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
}

std::chrono::hours length_of_day(const TimeZone& tz, local_days d) {
  const auto range = tz.utc_range(custom_period(d, d));
  return std::chrono::duration_cast<std::chrono::hours>(range.end - range.begin);
}

}  // namespace

TEST_SUITE("calendar") {
  TEST_CASE("the spring-forward day in Copenhagen is 23 hours long") {
    const TimeZone cph("Europe/Copenhagen");
    const local_days day{2026_y / date::mar / 29};
    const auto range = cph.utc_range(custom_period(day, day));
    CHECK(range.begin == utc(2026_y / date::mar / 28, 23));  // 00:00 CET
    CHECK(range.end == utc(2026_y / date::mar / 29, 22));    // 00:00 CEST next day
    CHECK(range.end - range.begin == 23h);
  }

  TEST_CASE("the fall-back day in Copenhagen is 25 hours long") {
    const TimeZone cph("Europe/Copenhagen");
    const local_days day{2026_y / date::oct / 25};
    const auto range = cph.utc_range(custom_period(day, day));
    CHECK(range.begin == utc(2026_y / date::oct / 24, 22));  // 00:00 CEST
    CHECK(range.end == utc(2026_y / date::oct / 25, 23));    // 00:00 CET next day
    CHECK(range.end - range.begin == 25h);
  }

  TEST_CASE("ordinary days in Copenhagen are 24 hours long in summer and winter") {
    const TimeZone cph("Europe/Copenhagen");
    CHECK(length_of_day(cph, local_days{2026_y / date::jun / 15}) == 24h);
    CHECK(length_of_day(cph, local_days{2026_y / date::jan / 15}) == 24h);
    CHECK(length_of_day(cph, local_days{2026_y / date::mar / 28}) == 24h);
    CHECK(length_of_day(cph, local_days{2026_y / date::oct / 26}) == 24h);
  }

  TEST_CASE("October 2026 in Copenhagen runs from 22:00 UTC on 30 September to 23:00 UTC on 31 October") {
    const TimeZone cph("Europe/Copenhagen");
    const auto range = cph.utc_range(parse_period("2026-10", local_days{2026_y / date::nov / 2}));
    CHECK(range.begin == utc(2026_y / date::sep / 30, 22));
    CHECK(range.end == utc(2026_y / date::oct / 31, 23));
    CHECK(range.end - range.begin == std::chrono::hours{31 * 24 + 1});
  }

  TEST_CASE("a message at 23:30 UTC on 31 October is on 1 November in Copenhagen") {
    const TimeZone cph("Europe/Copenhagen");
    const local_days as_of{2026_y / date::nov / 2};
    const auto october = parse_period("2026-10", as_of);
    const auto november = parse_period("2026-11", as_of);

    const Instant late = utc(2026_y / date::oct / 31, 23, 30);
    CHECK(cph.local_day(late) == local_days{2026_y / date::nov / 1});
    CHECK(november.contains(cph.local_day(late)));
    CHECK_FALSE(october.contains(cph.local_day(late)));

    const Instant just_before = utc(2026_y / date::oct / 31, 22, 59, 59);
    CHECK(cph.local_day(just_before) == local_days{2026_y / date::oct / 31});
    CHECK(october.contains(cph.local_day(just_before)));

    CHECK(cph.local_day(utc(2026_y / date::oct / 31, 23)) == local_days{2026_y / date::nov / 1});
  }

  TEST_CASE("local_day follows the offset in force on either side of a transition") {
    const TimeZone cph("Europe/Copenhagen");
    // Summer (UTC+2): 22:00 UTC on 15 June is already 16 June.
    CHECK(cph.local_day(utc(2026_y / date::jun / 15, 22)) == local_days{2026_y / date::jun / 16});
    CHECK(cph.local_day(utc(2026_y / date::jun / 15, 21, 59, 59)) == local_days{2026_y / date::jun / 15});
    // Winter (UTC+1): 22:00 UTC on 15 January is still 15 January.
    CHECK(cph.local_day(utc(2026_y / date::jan / 15, 22)) == local_days{2026_y / date::jan / 15});
    CHECK(cph.local_day(utc(2026_y / date::jan / 15, 23)) == local_days{2026_y / date::jan / 16});
  }

  TEST_CASE("a missing local midnight starts the day at the first valid instant") {
    const TimeZone havana("America/Havana");
    const local_days day{2026_y / date::mar / 8};  // 00:00 CST does not exist; 01:00 CDT does
    CHECK(havana.start_of(day) == utc(2026_y / date::mar / 8, 5));
    CHECK(length_of_day(havana, day) == 23h);
    CHECK(havana.local_day(havana.start_of(day)) == day);
  }

  TEST_CASE("a repeated local midnight starts the day at the earlier one") {
    const TimeZone havana("America/Havana");
    const local_days day{2026_y / date::nov / 1};  // 00:00 CDT (04:00 UTC), then 00:00 CST
    CHECK(havana.start_of(day) == utc(2026_y / date::nov / 1, 4));
    CHECK(length_of_day(havana, day) == 25h);
  }

  TEST_CASE("in UTC a day starts at midnight UTC") {
    const TimeZone zone("UTC");
    CHECK(zone.name() == "UTC");
    CHECK(zone.start_of(local_days{2026_y / date::oct / 31}) == utc(2026_y / date::oct / 31, 0));
    CHECK(zone.local_day(utc(2026_y / date::oct / 31, 23, 59, 59)) == local_days{2026_y / date::oct / 31});
  }

  TEST_CASE("an unknown time zone name throws UsageError with a hint") {
    CHECK_THROWS_WITH_AS(TimeZone("Mars/Base"),
                         "unknown time zone 'Mars/Base' (use an IANA name such as Europe/Copenhagen)", UsageError);
    CHECK_THROWS_AS(TimeZone(""), UsageError);
    CHECK(TimeZone("Europe/Copenhagen").name() == "Europe/Copenhagen");
  }
}
