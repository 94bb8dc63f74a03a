// DailyAccumulator puts each message on its local day with a cached UTC offset: the days must
// be those TimeZone::local_day gives, also across the DST changes inside the spike window
// (29 March and 25 October 2026 in Copenhagen) and in a zone whose clocks change at midnight.
#include <doctest/doctest.h>

#include <map>

#include "calendar/periods.h"
#include "series/daily.h"

using namespace boardbrief;

namespace {

void check_zone(const std::string& zone, const std::string& period) {
  const calendar::TimeZone tz(zone);
  const date::local_days as_of{date::year{2026} / date::November / 2};
  const auto report = calendar::parse_period(period, as_of);
  model::Channel own;
  own.id = 1;
  own.owner = model::Owner::Own;
  series::DailyAccumulator acc(report, {own}, tz, 91);
  // One negative message every 17 minutes over the window, and the expected count per local day.
  std::map<date::local_days, std::int64_t> want;
  for (std::int64_t t = acc.scan_begin(); t < acc.scan_end(); t += 17 * 60) {
    model::InteractionRow r;
    r.channel_id = 1;
    r.received = t;
    r.sentiment = -0.5;
    acc.add(r);
    ++want[tz.local_day(calendar::Instant{std::chrono::seconds{t}})];
  }
  const auto& c = acc.counts();
  for (std::size_t k = 0; k < c.days(); ++k) {
    const auto day = c.first + date::days{static_cast<int>(k)};
    CAPTURE(zone);
    CAPTURE(date::format("%F", day));
    CHECK(c.negative[k] == want[day]);
  }
}

}  // namespace

TEST_SUITE("series") {
  TEST_CASE("daily counts fall on the same local days as TimeZone::local_day across DST changes") {
    check_zone("Europe/Copenhagen", "2026-10");  // 25 October: 03:00 back to 02:00
    check_zone("Europe/Copenhagen", "2026-04");  // 29 March: 02:00 forward to 03:00
    check_zone("America/Santiago", "2026-09");   // clocks change at midnight
  }

  TEST_CASE("the days of the database's first and last message are partial: missing, not counted days") {
    const calendar::TimeZone tz("Europe/Copenhagen");
    const auto report = calendar::parse_period("2017-11", date::local_days{date::year{2017} / date::December / 10});
    model::Channel own;
    own.id = 1;
    own.owner = model::Owner::Own;
    series::DailyAccumulator acc(report, {own}, tz, 91);
    // The data run from 1 Sep 2017 14:00 UTC to 26 Nov 2017 10:00 UTC (a crawl stopping mid-day).
    const std::int64_t first = 1504274400, last = 1511690400;
    acc.data_span(std::pair{first, last});
    const auto& c = acc.counts();
    auto index = [&](date::local_days d) { return static_cast<std::size_t>((d - c.first).count()); };
    const date::local_days sep1{date::year{2017} / date::September / 1}, nov26{date::year{2017} / date::November / 26};
    CHECK_FALSE(c.covered(index(sep1)));
    CHECK(c.covered(index(sep1) + 1));
    CHECK(c.covered(index(nov26) - 1));
    CHECK_FALSE(c.covered(index(nov26)));
    CHECK_FALSE(c.covered(index(nov26) + 1));
    CHECK_FALSE(c.covered(c.days() - 1));
  }
}
