#include "analysis/sentiment.h"

#include <doctest/doctest.h>

using namespace boardbrief::analysis;
using doctest::Approx;

TEST_SUITE("analysis") {
  TEST_CASE("scores within the neutral band are neither positive nor negative") {
    CHECK(classify_tone(0.06) == Tone::Positive);
    CHECK(classify_tone(0.05) == Tone::Neutral);
    CHECK(classify_tone(-0.05) == Tone::Neutral);
    CHECK(classify_tone(-0.051) == Tone::Negative);
    SentimentRules strict;
    strict.positive_above = 0.3;
    CHECK(classify_tone(0.2, strict) == Tone::Neutral);
  }

  TEST_CASE("net sentiment is (pos − neg)/(pos + neg), ignoring neutral messages") {
    std::vector<double> scores(30, 0.8);            // 30 positive
    scores.insert(scores.end(), 10, -0.6);          // 10 negative
    scores.insert(scores.end(), 100, 0.0);          // 100 neutral
    const NetSentiment s = net_sentiment(scores);
    CHECK(s.positive == 30);
    CHECK(s.negative == 10);
    CHECK(s.neutral == 100);
    CHECK(s.net.value() == Approx(0.5));
  }

  TEST_CASE("net sentiment is suppressed below the minimum count") {
    std::vector<double> scores(20, 0.8);
    scores.insert(scores.end(), 9, -0.6);
    scores.insert(scores.end(), 500, 0.0);  // neutral messages do not count
    CHECK_FALSE(net_sentiment(scores).net.has_value());
    SentimentRules lenient;
    lenient.min_count = 29;
    CHECK(net_sentiment(scores, lenient).net.value() == Approx(11.0 / 29));
    lenient.min_count = 0;
    CHECK_FALSE(net_sentiment({0.0, 0.0}, lenient).net.has_value());
  }

  TEST_CASE("share of voice divides by the total") {
    const auto s = share_of_voice({30, 50, 20});
    REQUIRE(s);
    CHECK((*s)[0] == Approx(0.3));
    CHECK((*s)[1] == Approx(0.5));
    CHECK_FALSE(share_of_voice({0, 0}).has_value());
    CHECK_FALSE(share_of_voice({}).has_value());
  }
}
