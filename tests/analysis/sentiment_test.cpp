#include "analysis/sentiment.h"

#include <doctest/doctest.h>

using namespace boardbrief::analysis;
using doctest::Approx;

namespace {

// Scores of `positive` messages at 0.8, `negative` at -0.6 and `neutral` at 0. Built by
// push_back: GCC 12 warns (-Wstringop-overflow, a false positive) on vector::insert(end, n, v).
std::vector<double> scores_of(int positive, int negative, int neutral) {
  std::vector<double> scores;
  for (int i = 0; i < positive; ++i) scores.push_back(0.8);
  for (int i = 0; i < negative; ++i) scores.push_back(-0.6);
  for (int i = 0; i < neutral; ++i) scores.push_back(0.0);
  return scores;
}

}  // namespace

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
    const std::vector<double> scores = scores_of(30, 10, 100);
    const NetSentiment s = net_sentiment(scores);
    CHECK(s.positive == 30);
    CHECK(s.negative == 10);
    CHECK(s.neutral == 100);
    CHECK(s.net.value() == Approx(0.5));
  }

  TEST_CASE("net sentiment is suppressed below the minimum count") {
    const std::vector<double> scores = scores_of(20, 9, 500);  // neutral messages do not count
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
