// Metric series per scope from per-channel aggregates: share of voice is own mentions over the
// mentions of own and competitor channels together, engagement rate a ratio of sums, and a
// period without data stays missing.
#include <doctest/doctest.h>

#include "calendar/periods.h"
#include "series/build.h"

using namespace boardbrief;

TEST_SUITE("series") {
  TEST_CASE("share of voice = own mentions / (own + competitor mentions); engagement rate = sum / sum") {
    auto set = series::make_period_set(
        calendar::parse_period("2026-10", date::local_days{date::year{2026} / date::November / 30}));
    std::vector<model::Channel> channels{{1, "facebook", "a", "Own FB", model::Owner::Own},
                                         {2, "instagram", "b", "Own IG", model::Owner::Own},
                                         {8, "facebook", "r", "Rival A", model::Owner::Competitor},
                                         {9, "x", "s", "Rival B", model::Owner::Competitor}};
    std::vector<model::MetricDef> metrics{
        {"mentions", "Mentions", model::Aggregation::Sum, "count", model::Better::Up},
        {"engagements", "Engagements", model::Aggregation::Sum, "count", model::Better::Up},
        {"impressions", "Impressions", model::Aggregation::Sum, "count", model::Better::Up}};
    const std::size_t r = set.report;
    std::vector<model::MetricAggregate> agg;
    auto add = [&](std::int64_t ch, const char* m, double sum) {
      model::MetricAggregate a;
      a.range = r;
      a.channel_id = ch;
      a.metric = m;
      a.sum = sum;
      a.days = 31;
      agg.push_back(a);
    };
    add(1, "mentions", 30);
    add(2, "mentions", 10);
    add(8, "mentions", 45);
    add(9, "mentions", 15);
    add(1, "engagements", 200);
    add(1, "impressions", 10000);
    add(2, "engagements", 300);
    add(2, "impressions", 5000);
    auto s = series::build_metric_series(set, channels, metrics, agg);
    const auto& sov = s.at("share_of_voice@all");
    REQUIRE(sov.values[r]);
    CHECK(*sov.values[r] == doctest::Approx(40.0 / 100.0));
    CHECK(*s.at("mentions@competitors").values[r] == 60);
    const auto& er = s.at("engagement_rate@all");
    REQUIRE(er.values[r]);
    CHECK(*er.values[r] == doctest::Approx(500.0 / 15000.0));  // not the mean of 2 % and 6 %
    CHECK_FALSE(sov.values[set.previous]);                     // no data: missing, not 0
  }
}
