// Scores, order and cap: the ranking example of docs/findings-examples.md, then ties and the cap.
#include "analysis/score.h"

#include <doctest/doctest.h>

#include "analysis/printed.h"

using namespace boardbrief::analysis;
using boardbrief::analysis::testing::printed;
using doctest::Approx;

namespace {
Candidate candidate(const char* metric, const char* family, const char* channel, double score,
                    Polarity polarity = Polarity::Adverse, double weight = 1.0) {
  Candidate c;
  c.metric = metric;
  c.family = family;
  c.channel = channel;
  c.period = "2025-10";
  c.score = score;
  c.polarity = polarity;
  c.metric_weight = weight;
  return c;
}
}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("ranking example: the worked scores and their order") {
    const double f1 = finding_score({MetricClass::Care, FindingType::PeriodChange, 3.777148, Polarity::Adverse, true});
    const double f2 =
        finding_score({MetricClass::Visibility, FindingType::PeriodChange, -3.978778, Polarity::Adverse, true});
    const double f3 = finding_score({MetricClass::Sentiment, FindingType::Anomaly, 14.056, Polarity::Adverse, false});
    const double f4 = finding_score({MetricClass::Visibility, FindingType::Trend, -3.986592, Polarity::Adverse, false});
    const double f5 = finding_score({MetricClass::Audience, FindingType::Trend, 2.97, Polarity::Favourable, false});
    CHECK(f1 == printed(5.212, 3));
    CHECK(f2 == printed(3.203, 3));
    CHECK(f3 == printed(3.000, 3));
    CHECK(f4 == printed(2.791, 3));
    CHECK(f5 == printed(1.188, 3));

    const std::vector<Candidate> c{
        candidate("followers", "followers", "linkedin", f5, Polarity::Favourable, 0.5),
        candidate("reach", "visibility", "facebook", f4, Polarity::Adverse, 0.7),
        candidate("unanswered_share", "response", "all", f1, Polarity::Adverse, 1.2),
        candidate("negative_mentions", "sentiment", "all", f3, Polarity::Adverse, 1.0),
        candidate("impressions", "visibility", "instagram", f2, Polarity::Adverse, 0.7),
    };
    const Selection s = select_findings(c);
    CHECK(s.summary == std::vector<std::size_t>{2, 4, 3, 1, 0});  // F1 F2 F3 F4 F5
    CHECK(s.others.empty());
  }

  TEST_CASE("an earlier period and a neutral metric score lower") {
    ScoreInput in{MetricClass::Sentiment, FindingType::RecordOnly, 2.0, Polarity::Neutral};
    CHECK(finding_score(in) == Approx(1.0 * 0.8 * 2.0 * 0.6));
    in.latest_period = false;
    CHECK(finding_score(in) == Approx(1.0 * 0.8 * 2.0 * 0.6 * 0.7));
    CHECK(metric_weight(MetricClass::Effort) == Approx(0.3));
    CHECK(metric_weight(MetricClass::Engagement) == Approx(0.7));
  }

  TEST_CASE("equal scores: adverse first, then metric weight, then metric id") {
    const Candidate favourable = candidate("b", "x", "fb", 2.0, Polarity::Favourable, 1.2);
    const Candidate adverse_light = candidate("c", "x", "fb", 2.0, Polarity::Adverse, 0.5);
    const Candidate adverse_heavy = candidate("d", "x", "fb", 2.0, Polarity::Adverse, 1.2);
    const Candidate adverse_heavy_a = candidate("a", "x", "fb", 2.0, Polarity::Adverse, 1.2);
    CHECK(ranks_before(adverse_light, favourable));
    CHECK(ranks_before(adverse_heavy, adverse_light));
    CHECK(ranks_before(adverse_heavy_a, adverse_heavy));
    CHECK_FALSE(ranks_before(adverse_heavy, adverse_heavy));
  }

  TEST_CASE("the cap: five in the summary, two per family, three per channel, score >= 1") {
    std::vector<Candidate> c{
        candidate("m1", "visibility", "fb", 9), candidate("m2", "visibility", "ig", 8),
        candidate("m3", "visibility", "li", 7),  // third of its family -> others
        candidate("m4", "care", "fb", 6),       candidate("m5", "sentiment", "fb", 5),
        candidate("m6", "audience", "fb", 4),  // fourth on fb -> others
        candidate("m7", "effort", "ig", 3),     candidate("m8", "engagement", "li", 0.9),
    };
    const Selection s = select_findings(c);
    CHECK(s.summary == std::vector<std::size_t>{0, 1, 3, 4, 6});
    CHECK(s.others == std::vector<std::size_t>{2, 5, 7});
  }

  TEST_CASE("nothing above a score of 1 leaves the summary empty and others capped at 15") {
    std::vector<Candidate> c;
    for (int i = 0; i < 20; ++i) {
      c.push_back(candidate("m", "f", "ch", 0.5 + 0.01 * i));
      c.back().metric += std::to_string(i);
    }
    const Selection s = select_findings(c);
    CHECK(s.summary.empty());
    REQUIRE(s.others.size() == 15);
    CHECK(s.others.front() == 19);
  }
}
