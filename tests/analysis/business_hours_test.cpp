// Business-hours durations: worked example J of docs/findings-examples.md, then DST and edges.
#include "analysis/business_hours.h"

#include <doctest/doctest.h>

using namespace boardbrief::analysis;
using namespace std::chrono_literals;

namespace {
const date::time_zone* copenhagen() { return date::locate_zone("Europe/Copenhagen"); }

date::sys_seconds local(date::year_month_day day, std::chrono::minutes time) {
  return date::floor<std::chrono::seconds>(copenhagen()->to_sys(date::local_days{day} + time, date::choose::earliest));
}

std::chrono::minutes business_minutes(date::sys_seconds from, date::sys_seconds to, const BusinessSchedule& s) {
  return date::floor<std::chrono::minutes>(business_duration(from, to, s, copenhagen()));
}

const BusinessSchedule kOffice = weekday_schedule(9h, 17h);
}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("business hours: Friday 16:30 to Monday 09:45 is 75 business minutes") {
    using namespace date;
    const auto from = local(2025_y / oct / 17, 16h + 30min);
    const auto to = local(2025_y / oct / 20, 9h + 45min);
    CHECK(date::floor<std::chrono::minutes>(to - from) == 3915min);
    CHECK(business_minutes(from, to, kOffice) == 75min);
  }

  TEST_CASE("business hours: Saturday 11:00 to Monday 08:30 has no business time") {
    using namespace date;
    const auto from = local(2025_y / oct / 18, 11h);
    const auto to = local(2025_y / oct / 20, 8h + 30min);
    CHECK(date::floor<std::chrono::minutes>(to - from) == 2730min);
    CHECK(business_minutes(from, to, kOffice) == 0min);
  }

  TEST_CASE("business hours: Christmas holidays are closed") {
    using namespace date;
    BusinessSchedule s = kOffice;
    s.holidays = {local_days{2025_y / dec / 24}, local_days{2025_y / dec / 25}, local_days{2025_y / dec / 26}};
    const auto from = local(2025_y / dec / 23, 16h);
    const auto to = local(2025_y / dec / 29, 10h);
    CHECK(date::floor<std::chrono::minutes>(to - from) == 8280min);
    CHECK(business_minutes(from, to, s) == 120min);
    CHECK(business_minutes(from, to, kOffice) == 120min + 3 * 480min);
  }

  TEST_CASE("a day that is open around the clock lasts 25 hours when DST ends") {
    using namespace date;
    BusinessSchedule s;
    s.by_weekday[6] = {{0min, 24h}};  // Sundays only; 26 Oct 2025 is the DST change
    const auto from = local(2025_y / oct / 25, 12h);
    const auto to = local(2025_y / oct / 28, 12h);
    CHECK(business_minutes(from, to, s) == 25h);
    const auto spring_from = local(2025_y / mar / 29, 12h);
    const auto spring_to = local(2025_y / mar / 31, 12h);
    CHECK(business_minutes(spring_from, spring_to, s) == 23h);
  }

  TEST_CASE("reversed or empty intervals have no business time") {
    using namespace date;
    const auto t = local(2025_y / oct / 20, 10h);
    CHECK(business_minutes(t, t, kOffice) == 0min);
    CHECK(business_minutes(t, t - 1h, kOffice) == 0min);
    CHECK(business_minutes(t, t + 30min, kOffice) == 30min);
  }
}
