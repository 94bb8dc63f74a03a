// Interactions into periods by their local received day (Europe/Copenhagen): month boundaries
// in UTC are not month boundaries locally, DST days are 23 and 25 hours long, maturity follows
// the response window, and the business-hours median uses the injected clock.
#include <doctest/doctest.h>

#include <date/tz.h>

#include "analysis/business_hours.h"
#include "calendar/periods.h"
#include "series/build.h"
#include "store/timestamp.h"

using namespace boardbrief;

namespace {

std::int64_t utc(const char* text) {
  std::istringstream in(text);
  date::sys_seconds t;
  in >> date::parse("%Y-%m-%d %H:%M", t);
  REQUIRE_FALSE(in.fail());
  return t.time_since_epoch().count();
}

struct Fixture {
  calendar::TimeZone tz{"Europe/Copenhagen"};
  series::PeriodSet set = series::make_period_set(
      calendar::parse_period("2026-10", date::local_days{date::year{2026} / date::November / 30}));
  std::vector<model::Channel> channels{{1, "facebook", "naae", "Nørre Ålbæk Energi", model::Owner::Own},
                                       {9, "facebook", "rival", "Rival", model::Owner::Competitor}};

  // inbound per period key for all own channels
  std::map<std::string, std::int64_t> inbound(const std::vector<std::int64_t>& received) {
    series::DialogueBuilder b(set, channels, tz, utc("2026-12-31 00:00"), 72 * 3600);
    for (auto r : received) b.add({1, r, std::nullopt, true, std::nullopt});
    auto out = b.finish();
    std::map<std::string, std::int64_t> m;
    for (std::size_t i = 0; i < set.all.size(); ++i) m[set.all[i].key] = out.at("all").periods[i].inbound;
    return m;
  }
};

}  // namespace

TEST_SUITE("series") {
  TEST_CASE("23:30 UTC on 31 October is 00:30 on 1 November in Copenhagen: a November message") {
    Fixture fx;
    auto m = fx.inbound({utc("2026-10-31 23:30")});
    CHECK(m["2026-10"] == 0);
    CHECK(m.count("2026-11") == 0);                  // outside the report's periods entirely
    auto n = fx.inbound({utc("2026-10-31 22:59")});  // 23:59 CET
    CHECK(n["2026-10"] == 1);
  }

  TEST_CASE("month boundaries follow local time in summer too (CEST, UTC+2)") {
    Fixture fx;
    // 30 September 22:30 UTC is 1 October 00:30 CEST; 21:59 UTC is 23:59 on 30 September.
    auto m = fx.inbound({utc("2026-09-30 22:30"), utc("2026-09-30 21:59")});
    CHECK(m["2026-10"] == 1);
    CHECK(m["2026-09"] == 1);
  }

  TEST_CASE("DST days: the 25-hour last Sunday of October and the 23-hour last Sunday of March") {
    Fixture fx;
    // 25 October 2026 (clocks go back at 03:00 CEST): local day runs 24 Oct 22:00 UTC to 25 Oct 23:00 UTC.
    auto m = fx.inbound({utc("2026-10-24 22:00"), utc("2026-10-25 22:59")});
    CHECK(m["2026-10"] == 2);
    // 29 March 2026 (clocks go forward): 31 March 21:59 UTC is 23:59 CEST, still March;
    // 31 March 22:00 UTC is 1 April 00:00 CEST.
    auto n = fx.inbound({utc("2026-03-31 21:59"), utc("2026-03-31 22:00")});
    CHECK(n["2026-03"] == 1);
    CHECK(n["2026-04"] == 1);
  }

  TEST_CASE("competitor interactions are not our dialogue") {
    Fixture fx;
    series::DialogueBuilder b(fx.set, fx.channels, fx.tz, utc("2026-12-31 00:00"), 72 * 3600);
    b.add({9, utc("2026-10-10 10:00"), std::nullopt, true, std::nullopt});
    auto out = b.finish();
    CHECK(out.at("all").periods[fx.set.report].inbound == 0);
  }

  TEST_CASE("business-hours median from the injected clock (example J, Friday 16:30 to Monday 09:45)") {
    Fixture fx;
    const date::time_zone* zone = date::locate_zone("Europe/Copenhagen");
    auto schedule = analysis::weekday_schedule(std::chrono::hours{9}, std::chrono::hours{17});
    series::DialogueBuilder b(fx.set, fx.channels, fx.tz, utc("2026-12-31 00:00"), 72 * 3600);
    b.measure_business_time([&](std::int64_t from, std::int64_t to) {
      return analysis::business_duration(date::sys_seconds{std::chrono::seconds{from}},
                                         date::sys_seconds{std::chrono::seconds{to}}, schedule, zone)
          .count();
    });
    // Fri 16 Oct 2026 16:30 CEST = 14:30 UTC; Mon 19 Oct 09:45 CEST = 07:45 UTC.
    b.add({1, utc("2026-10-16 14:30"), utc("2026-10-19 07:45"), true, std::nullopt});
    auto out = b.finish();
    const auto& p = out.at("all").periods[fx.set.report];
    REQUIRE(p.frt_p50);
    CHECK(p.frt_p50->seconds == 3915 * 60);
    REQUIRE(p.business_p50);
    CHECK(p.business_p50->seconds == 75 * 60);
  }

  TEST_CASE("business-hours median counts a reply outside the window as unanswered") {
    Fixture fx;
    series::DialogueBuilder b(fx.set, fx.channels, fx.tz, utc("2026-12-31 00:00"), 72 * 3600);
    b.measure_business_time([](std::int64_t from, std::int64_t to) { return (to - from) / 2; });
    b.add({1, utc("2026-10-05 10:00"), utc("2026-10-05 12:00"), true, std::nullopt});
    b.add({1, utc("2026-10-06 10:00"), utc("2026-10-10 10:00"), true, std::nullopt});  // 96 h: too late
    b.add({1, utc("2026-10-07 10:00"), std::nullopt, true, std::nullopt});
    auto p = b.finish().at("all").periods[fx.set.report];
    REQUIRE(p.business_p50);
    CHECK(p.business_p50->infinite);  // 2 of 3 unanswered: the median is not reached
    CHECK(p.answered == 1);
  }

  TEST_CASE("no clock, no business-hours figure") {
    Fixture fx;
    series::DialogueBuilder b(fx.set, fx.channels, fx.tz, utc("2026-12-31 00:00"), 72 * 3600);
    b.add({1, utc("2026-10-05 10:00"), utc("2026-10-05 12:00"), true, std::nullopt});
    CHECK_FALSE(b.finish().at("all").periods[fx.set.report].business_p50);
  }
}
