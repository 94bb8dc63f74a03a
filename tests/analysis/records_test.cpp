// Records ("the highest since …"): worked examples G and H of docs/findings-examples.md.
#include "analysis/records.h"

#include <doctest/doctest.h>

using namespace boardbrief::analysis;

TEST_SUITE("analysis") {
  TEST_CASE("38 % is the highest since September 2024, 13 months back") {
    const Series g{40, 35, 31, 29, 33, 27, 25, 30, 28, 24, 26, 22, 26, 38};
    const auto r = find_record(g, Extreme::Highest);
    REQUIRE(r);
    CHECK(r->lag.value() == 13);
    CHECK(r->reportable);
    CHECK(r->boost);
    CHECK_FALSE(r->on_record);
  }

  TEST_CASE("394 is the lowest since October 2024, 12 months back") {
    const Series h{390, 425, 398, 440, 452, 447, 431, 460, 455, 470, 466, 480, 394};
    const auto r = find_record(h, Extreme::Lowest);
    CHECK(r->lag.value() == 12);
    CHECK(r->boost);
    CHECK(find_record(h, Extreme::Highest)->lag.value() == 1);
  }

  TEST_CASE("a lag below six is no record to phrase") {
    const auto r = find_record(Series{10, 50, 1, 2, 3, 4, 5, 20}, Extreme::Highest);
    CHECK(r->lag.value() == 6);
    CHECK(r->reportable);
    CHECK_FALSE(r->boost);
    const auto short_lag = find_record(Series{10, 50, 1, 2, 3, 4, 20}, Extreme::Highest);
    CHECK(short_lag->lag.value() == 5);
    CHECK_FALSE(short_lag->reportable);
  }

  TEST_CASE("on record needs twelve months of history") {
    Series s;
    for (int i = 0; i < 13; ++i) s.push_back(i);
    const auto r = find_record(s, Extreme::Highest);
    CHECK_FALSE(r->lag.has_value());
    CHECK(r->history == 12);
    CHECK(r->on_record);
    CHECK(r->reportable);
    s.erase(s.begin());
    CHECK_FALSE(find_record(s, Extreme::Highest)->on_record);
    CHECK_FALSE(find_record(s, Extreme::Highest)->reportable);
  }

  TEST_CASE("lags count periods on the true time index, and ties end the search") {
    const auto r = find_record(Series{9, 20, std::nullopt, std::nullopt, 3, 5, 1, 2, 20}, Extreme::Highest);
    CHECK(r->lag.value() == 7);
    CHECK_FALSE(find_record(Series{1, std::nullopt}, Extreme::Highest).has_value());
    CHECK_FALSE(find_record(Series{std::nullopt, 1}, Extreme::Highest).has_value());
  }
}
