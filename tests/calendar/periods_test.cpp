// Tests for calendar/periods.h. Expected days and ISO weeks were worked out from a printed
// calendar (e.g. 2026-01-01 is a Thursday, so 2026 has 53 ISO weeks and W01 starts
// Mon 2025-12-29), never taken from the program's output.
#include "calendar/periods.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/error.h"

namespace {

using namespace date::literals;
using boardbrief::UsageError;
using boardbrief::calendar::custom_period;
using boardbrief::calendar::format_day;
using boardbrief::calendar::Granularity;
using boardbrief::calendar::parse_day;
using boardbrief::calendar::parse_period;
using boardbrief::calendar::Period;
using boardbrief::calendar::previous_period;
using boardbrief::calendar::trailing_window;
using boardbrief::calendar::try_parse_day;
using boardbrief::calendar::year_earlier;
using date::local_days;

const local_days kAsOf{2026_y / date::nov / 2};  // a Monday

local_days day(std::string_view text) {
  auto d = try_parse_day(text);
  REQUIRE(d.has_value());
  return *d;
}

Period parse(std::string_view spec) { return parse_period(spec, kAsOf); }

// A period's observable fields, for table rows.
struct Expected {
  std::string spec;
  std::string first;
  std::string last;
  int days;
};

void check_period(const Period& p, const std::string& key, const std::string& first, const std::string& last) {
  CHECK(p.key == key);
  CHECK(format_day(p.first) == first);
  CHECK(format_day(p.last) == last);
}

std::string usage_message(std::string_view spec) {
  try {
    parse(spec);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(no UsageError)";
}

}  // namespace

TEST_SUITE("calendar") {
  TEST_CASE("a month spec covers the whole month, including month ends and leap Februaries") {
    const std::vector<Expected> table = {
        {"2026-01", "2026-01-01", "2026-01-31", 31}, {"2026-04", "2026-04-01", "2026-04-30", 30},
        {"2024-02", "2024-02-01", "2024-02-29", 29}, {"2023-02", "2023-02-01", "2023-02-28", 28},
        {"2000-02", "2000-02-01", "2000-02-29", 29}, {"2100-02", "2100-02-01", "2100-02-28", 28},
        {"2026-12", "2026-12-01", "2026-12-31", 31}, {"2026-10", "2026-10-01", "2026-10-31", 31},
    };
    for (const auto& row : table) {
      CAPTURE(row.spec);
      const Period p = parse(row.spec);
      CHECK(p.kind == Granularity::Month);
      check_period(p, row.spec, row.first, row.last);
      CHECK(p.days() == row.days);
    }
  }

  TEST_CASE("a quarter spec covers three months") {
    const std::vector<Expected> table = {
        {"2026-Q1", "2026-01-01", "2026-03-31", 90}, {"2026-Q2", "2026-04-01", "2026-06-30", 91},
        {"2026-Q3", "2026-07-01", "2026-09-30", 92}, {"2026-Q4", "2026-10-01", "2026-12-31", 92},
        {"2024-Q1", "2024-01-01", "2024-03-31", 91},
    };
    for (const auto& row : table) {
      CAPTURE(row.spec);
      const Period p = parse(row.spec);
      CHECK(p.kind == Granularity::Quarter);
      check_period(p, row.spec, row.first, row.last);
      CHECK(p.days() == row.days);
    }
  }

  TEST_CASE("a year spec covers 365 or 366 days") {
    const Period y2026 = parse("2026");
    CHECK(y2026.kind == Granularity::Year);
    check_period(y2026, "2026", "2026-01-01", "2026-12-31");
    CHECK(y2026.days() == 365);
    CHECK(parse("2024").days() == 366);
  }

  TEST_CASE("an ISO week spec runs Monday to Sunday and may cross the year end") {
    const std::vector<Expected> table = {
        {"2026-W01", "2025-12-29", "2026-01-04", 7}, {"2026-W05", "2026-01-26", "2026-02-01", 7},
        {"2026-W44", "2026-10-26", "2026-11-01", 7}, {"2026-W53", "2026-12-28", "2027-01-03", 7},
        {"2020-W53", "2020-12-28", "2021-01-03", 7}, {"2025-W52", "2025-12-22", "2025-12-28", 7},
    };
    for (const auto& row : table) {
      CAPTURE(row.spec);
      const Period p = parse(row.spec);
      CHECK(p.kind == Granularity::Week);
      check_period(p, row.spec, row.first, row.last);
      CHECK(p.days() == row.days);
      CHECK(date::weekday{p.first} == date::Monday);
    }
  }

  TEST_CASE("week 53 exists exactly in the years that have 53 ISO weeks") {
    // From a calendar: 2015 and 2026 start on a Thursday, 2020 is a leap year starting on a
    // Wednesday; every other year from 2010 to 2030 has 52 ISO weeks.
    for (int y = 2010; y <= 2030; ++y) {
      CAPTURE(y);
      const std::string spec = std::to_string(y) + "-W53";
      if (y == 2015 || y == 2020 || y == 2026) {
        CHECK(parse(spec).key == spec);
      } else {
        CHECK_THROWS_AS(parse(spec), UsageError);
        CHECK(parse(std::to_string(y) + "-W52").key == std::to_string(y) + "-W52");
      }
    }
  }

  TEST_CASE("relative specs give the last complete period before as_of") {
    struct Row {
      std::string spec;
      std::string as_of;
      std::string key;
      std::string first;
      std::string last;
    };
    const std::vector<Row> table = {
        {"last-month", "2026-11-02", "2026-10", "2026-10-01", "2026-10-31"},
        {"last-month", "2026-11-01", "2026-10", "2026-10-01", "2026-10-31"},  // as_of on the 1st
        {"last-month", "2026-10-31", "2026-09", "2026-09-01", "2026-09-30"},
        {"last-month", "2027-01-01", "2026-12", "2026-12-01", "2026-12-31"},
        {"last-month", "2024-03-01", "2024-02", "2024-02-01", "2024-02-29"},
        {"last-quarter", "2026-11-02", "2026-Q3", "2026-07-01", "2026-09-30"},
        {"last-quarter", "2026-10-01", "2026-Q3", "2026-07-01", "2026-09-30"},
        {"last-quarter", "2026-09-30", "2026-Q2", "2026-04-01", "2026-06-30"},
        {"last-quarter", "2027-02-15", "2026-Q4", "2026-10-01", "2026-12-31"},
        {"last-week", "2026-11-02", "2026-W44", "2026-10-26", "2026-11-01"},  // Monday
        {"last-week", "2026-11-01", "2026-W43", "2026-10-19", "2026-10-25"},  // Sunday
        {"last-week", "2027-01-04", "2026-W53", "2026-12-28", "2027-01-03"},
        {"last-week", "2026-01-05", "2026-W01", "2025-12-29", "2026-01-04"},
    };
    for (const auto& row : table) {
      CAPTURE(row.spec);
      CAPTURE(row.as_of);
      check_period(parse_period(row.spec, day(row.as_of)), row.key, row.first, row.last);
    }
  }

  TEST_CASE("a malformed period spec throws UsageError naming the spec and the accepted forms") {
    CHECK(usage_message("2026-13") ==
          "--period '2026-13': not a period (use YYYY-MM, YYYY-Qn, YYYY, YYYY-Www, last-month, "
          "last-quarter or last-week)");
    CHECK(usage_message("2025-W53") ==
          "--period '2025-W53': not a period (use YYYY-MM, YYYY-Qn, YYYY, YYYY-Www, last-month, "
          "last-quarter or last-week)");
    const std::vector<std::string> bad = {
        "2026-13",   "2026-00",    "2026-Q5",     "2026-Q0",   "2026-W00", "2025-W53", "2026-W54", "26-10",
        "2026-10x",  "",           " 2026-10",    "2026-10 ",  "+2026-10", "-2026",    "2026-1",   "2026-010",
        "2026-q3",   "2026/10",    "2026-W5",     "2026-W053", "2026-",    "2026-Q",   "2026-W",   "2026-10-01",
        "last-year", "Last-month", "last-month ", "20261",     "2026-+1",  "2026-Q+",
    };
    for (const auto& spec : bad) {
      CAPTURE(spec);
      CHECK_THROWS_AS(parse(spec), UsageError);
    }
  }

  TEST_CASE("the previous period steps back one month, quarter, year or ISO week") {
    struct Row {
      std::string spec;
      std::string previous_key;
      std::string first;
      std::string last;
    };
    const std::vector<Row> table = {
        {"2026-12", "2026-11", "2026-11-01", "2026-11-30"},   {"2027-01", "2026-12", "2026-12-01", "2026-12-31"},
        {"2026-03", "2026-02", "2026-02-01", "2026-02-28"},   {"2024-03", "2024-02", "2024-02-01", "2024-02-29"},
        {"2026-05", "2026-04", "2026-04-01", "2026-04-30"},   {"2026-Q1", "2025-Q4", "2025-10-01", "2025-12-31"},
        {"2026-Q3", "2026-Q2", "2026-04-01", "2026-06-30"},   {"2026", "2025", "2025-01-01", "2025-12-31"},
        {"2027-W01", "2026-W53", "2026-12-28", "2027-01-03"}, {"2026-W01", "2025-W52", "2025-12-22", "2025-12-28"},
        {"2021-W01", "2020-W53", "2020-12-28", "2021-01-03"}, {"2026-W45", "2026-W44", "2026-10-26", "2026-11-01"},
    };
    for (const auto& row : table) {
      CAPTURE(row.spec);
      const Period p = parse(row.spec);
      const Period prev = previous_period(p);
      CHECK(prev.kind == p.kind);
      check_period(prev, row.previous_key, row.first, row.last);
    }
  }

  TEST_CASE("the previous custom period has the same length and ends the day before") {
    const Period q3 = custom_period(day("2026-07-01"), day("2026-09-30"));
    const Period prev = previous_period(q3);
    CHECK(prev.kind == Granularity::Custom);
    check_period(prev, "2026-03-31_2026-06-30", "2026-03-31", "2026-06-30");
    CHECK(prev.days() == 92);

    check_period(previous_period(custom_period(day("2026-03-01"), day("2026-03-01"))), "2026-02-28_2026-02-28",
                 "2026-02-28", "2026-02-28");
    check_period(previous_period(custom_period(day("2024-03-01"), day("2024-03-01"))), "2024-02-29_2024-02-29",
                 "2024-02-29", "2024-02-29");
  }

  TEST_CASE("months chain without gaps and previous_period inverts the step to the next month") {
    for (int y = 1999; y <= 2031; ++y) {
      for (unsigned m = 1; m <= 12; ++m) {
        CAPTURE(y);
        CAPTURE(m);
        const date::year_month ym = date::year{y} / date::month{m};
        const Period p = parse_period(format_day(local_days{ym / 1}).substr(0, 7), kAsOf);
        const Period next = parse_period(format_day(local_days{(ym + date::months{1}) / 1}).substr(0, 7), kAsOf);
        CHECK(p.last + date::days{1} == next.first);
        CHECK(previous_period(next) == p);
        CHECK(date::year_month_day{p.first}.day() == date::day{1});
      }
    }
  }

  TEST_CASE("year_earlier keeps the month, quarter, year or ISO week number") {
    struct Row {
      std::string spec;
      std::string key;
      std::string first;
      std::string last;
    };
    const std::vector<Row> table = {
        {"2026-10", "2025-10", "2025-10-01", "2025-10-31"},   {"2024-02", "2023-02", "2023-02-01", "2023-02-28"},
        {"2025-02", "2024-02", "2024-02-01", "2024-02-29"},   {"2026-Q3", "2025-Q3", "2025-07-01", "2025-09-30"},
        {"2026-Q1", "2025-Q1", "2025-01-01", "2025-03-31"},   {"2026", "2025", "2025-01-01", "2025-12-31"},
        {"2026-W10", "2025-W10", "2025-03-03", "2025-03-09"}, {"2026-W01", "2025-W01", "2024-12-30", "2025-01-05"},
        {"2026-W53", "2025-W52", "2025-12-22", "2025-12-28"},  // 2025 has no week 53
        {"2020-W53", "2019-W52", "2019-12-23", "2019-12-29"},
    };
    for (const auto& row : table) {
      CAPTURE(row.spec);
      const Period p = parse(row.spec);
      const Period earlier = year_earlier(p);
      CHECK(earlier.kind == p.kind);
      check_period(earlier, row.key, row.first, row.last);
    }
  }

  TEST_CASE("year_earlier of a custom range shifts both ends and maps 29 Feb to 28 Feb") {
    check_period(year_earlier(custom_period(day("2024-02-29"), day("2024-02-29"))), "2023-02-28_2023-02-28",
                 "2023-02-28", "2023-02-28");
    check_period(year_earlier(custom_period(day("2024-02-01"), day("2024-02-29"))), "2023-02-01_2023-02-28",
                 "2023-02-01", "2023-02-28");
    check_period(year_earlier(custom_period(day("2026-07-01"), day("2026-09-30"))), "2025-07-01_2025-09-30",
                 "2025-07-01", "2025-09-30");
    check_period(year_earlier(custom_period(day("2025-03-01"), day("2025-03-01"))), "2024-03-01_2024-03-01",
                 "2024-03-01", "2024-03-01");
  }

  TEST_CASE("a trailing window of 13 months ending 2026-10 starts at 2025-10") {
    const auto window = trailing_window(parse("2026-10"));
    REQUIRE(window.size() == 13);
    CHECK(window.front().key == "2025-10");
    CHECK(window[2].key == "2025-12");
    CHECK(window[3].key == "2026-01");
    CHECK(window.back().key == "2026-10");
    for (std::size_t i = 0; i + 1 < window.size(); ++i) {
      CHECK(window[i].last + date::days{1} == window[i + 1].first);
    }
  }

  TEST_CASE("trailing windows of weeks cross week 53 and a window of one is the period itself") {
    const auto weeks = trailing_window(parse("2027-W01"), 13);
    REQUIRE(weeks.size() == 13);
    CHECK(weeks.front().key == "2026-W42");
    CHECK(weeks[11].key == "2026-W53");
    CHECK(weeks.back().key == "2027-W01");

    const auto quarters = trailing_window(parse("2026-Q1"), 5);
    REQUIRE(quarters.size() == 5);
    CHECK(quarters.front().key == "2025-Q1");

    const auto one = trailing_window(parse("2026-10"), 1);
    REQUIRE(one.size() == 1);
    CHECK(one.front().key == "2026-10");
  }

  TEST_CASE("custom_period keys both days and rejects from after to") {
    const Period p = custom_period(day("2026-07-01"), day("2026-09-30"));
    CHECK(p.kind == Granularity::Custom);
    CHECK(p.key == "2026-07-01_2026-09-30");
    CHECK(p.days() == 92);
    CHECK(custom_period(day("2026-10-01"), day("2026-10-01")).days() == 1);
    CHECK_THROWS_WITH_AS(custom_period(day("2026-10-31"), day("2026-10-01")),
                         "--from 2026-10-31 is after --to 2026-10-01", UsageError);
  }

  TEST_CASE("days parse only as real YYYY-MM-DD dates") {
    CHECK(try_parse_day("2024-02-29") == local_days{2024_y / date::feb / 29});
    CHECK(try_parse_day("2026-12-31") == local_days{2026_y / date::dec / 31});
    for (const char* bad : {"2026-02-30", "2023-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-10-00",
                            "2026-2-03", "2026-10-01x", " 2026-10-01", "2026/10/01", "", "2026-10", "+026-10-01"}) {
      CAPTURE(bad);
      CHECK_FALSE(try_parse_day(bad).has_value());
    }
    CHECK(parse_day("2026-10-01", "--from") == local_days{2026_y / date::oct / 1});
    CHECK_THROWS_WITH_AS(parse_day("2026-02-30", "--from"), "--from: '2026-02-30' is not a day (YYYY-MM-DD)",
                         UsageError);
  }

  TEST_CASE("format_day writes zero-padded ISO days") {
    CHECK(format_day(local_days{2026_y / date::jan / 5}) == "2026-01-05");
    CHECK(format_day(local_days{2026_y / date::dec / 31}) == "2026-12-31");
  }
}
