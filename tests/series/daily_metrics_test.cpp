// Summed daily metrics of own channels over the spike window: competitors and non-summed
// metrics are left out, and a day missing on any reporting own channel is missing, not zero.
#include <doctest/doctest.h>

#include "calendar/periods.h"
#include "series/daily.h"

using namespace boardbrief;
using date::days;
using date::local_days;

TEST_SUITE("series") {
  TEST_CASE("daily metric totals: own channels summed per day, a day missing on one channel is missing") {
    auto period = calendar::parse_period("2026-10", local_days{date::year{2026} / date::November / 30});
    std::vector<model::Channel> channels{{1, "facebook", "a", "A", model::Owner::Own},
                                         {2, "instagram", "b", "B", model::Owner::Own},
                                         {9, "facebook", "r", "Rival", model::Owner::Competitor}};
    std::vector<model::MetricDef> metrics{
        {"mentions", "Mentions", model::Aggregation::Sum, "count", model::Better::Up},
        {"followers", "Followers", model::Aggregation::Last, "count", model::Better::Up}};
    const local_days first = series::spike_window_first(period);
    CHECK(first == period.last - days{90});
    std::vector<model::DailyValue> rows;
    for (int d = 0; d < 91; ++d) {
      rows.push_back({1, "mentions", first + days{d}, 10});
      if (d != 50) rows.push_back({2, "mentions", first + days{d}, 5});
      rows.push_back({9, "mentions", first + days{d}, 1000});
      rows.push_back({1, "followers", first + days{d}, 500});
    }
    auto out = series::daily_metric_totals(rows, channels, metrics, period);
    REQUIRE(out.size() == 1);
    const auto& m = out[0];
    CHECK(m.metric == "mentions");
    CHECK(m.first == first);
    CHECK(m.report_begin == 91 - 31);
    REQUIRE(m.values.size() == 91);
    CHECK(m.values[0] == 15);
    CHECK_FALSE(m.values[50]);
    CHECK(m.values[90] == 15);
  }
}
