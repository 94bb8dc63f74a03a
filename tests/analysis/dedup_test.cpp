// Folding related findings: the ranking example of docs/findings-examples.md, then the other folds.
#include "analysis/dedup.h"

#include <doctest/doctest.h>

using namespace boardbrief::analysis;
using doctest::Approx;

namespace {
Candidate candidate(const char* metric, const char* family, const char* channel, double score,
                    FindingType type = FindingType::PeriodChange, Direction direction = Direction::Up) {
  Candidate c;
  c.metric = metric;
  c.family = family;
  c.channel = channel;
  c.period = "2025-10";
  c.score = score;
  c.type = type;
  c.direction = direction;
  c.polarity = Polarity::Adverse;
  return c;
}
}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("ranking example: the response-rate fall folds into the unanswered-share rise") {
    const std::vector<Candidate> c{
        candidate("response_rate", "response", "all", 4.9, FindingType::PeriodChange, Direction::Down),
        candidate("unanswered_share", "response", "all", 5.212),
        candidate("unanswered_share", "response", "facebook", 3.0),  // another channel: kept
        candidate("reach", "visibility", "all", 2.0),
    };
    CHECK(fold_same_family(c) == std::vector<std::size_t>{1, 1, 2, 3});
  }

  TEST_CASE("a trend and a change in the same direction fold; opposite directions do not") {
    const std::vector<Candidate> c{
        candidate("impressions", "visibility", "ig", 2.8, FindingType::Trend, Direction::Down),
        candidate("impressions", "visibility", "ig", 3.2, FindingType::PeriodChange, Direction::Down),
        candidate("reach", "visibility", "fb", 2.8, FindingType::Trend, Direction::Down),
        candidate("reach", "visibility", "fb", 3.2, FindingType::PeriodChange, Direction::Up),
        candidate("impressions", "visibility", "ig", 5.0, FindingType::Anomaly, Direction::Down),
    };
    CHECK(fold_trend_and_change(c) == std::vector<std::size_t>{1, 1, 2, 3, 4});
  }

  TEST_CASE("three channels moving together become one across-channels finding") {
    const std::vector<Candidate> c{
        candidate("reach", "visibility", "fb", 2.0, FindingType::Trend, Direction::Down),
        candidate("reach", "visibility", "ig", 2.5, FindingType::Trend, Direction::Down),
        candidate("reach", "visibility", "li", 1.5, FindingType::Trend, Direction::Down),
        candidate("reach", "visibility", "x", 1.5, FindingType::Trend, Direction::Up),
        candidate("posts", "effort", "fb", 1.0, FindingType::Trend, Direction::Down),
        candidate("posts", "effort", "ig", 1.0, FindingType::Trend, Direction::Down),
    };
    const auto groups = group_across_channels(c);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].members == std::vector<std::size_t>{1, 0, 2});
    CHECK(groups[0].merged.channel.empty());
    CHECK(groups[0].merged.score == Approx(2.75));
    CHECK(groups[0].merged.metric == "reach");
  }

  TEST_CASE("no candidates, nothing to fold") {
    CHECK(fold_same_family({}).empty());
    CHECK(fold_trend_and_change({}).empty());
    CHECK(group_across_channels({}).empty());
  }
}
