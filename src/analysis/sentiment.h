// Sentiment and share of voice: net sentiment from classified message scores (suppressed
// below a minimum count) and each brand's share of the mentions.
#pragma once

#include <optional>
#include <vector>

namespace boardbrief::analysis {

enum class Tone { Positive, Negative, Neutral };

struct SentimentRules {
  double positive_above = 0.05;   // score > this: positive
  double negative_below = -0.05;  // score < this: negative; otherwise neutral
  int min_count = 30;             // positive + negative needed for a net value
};

// Classifies one sentiment score (typically in [−1, 1]).
Tone classify_tone(double score, const SentimentRules& rules = {});

struct NetSentiment {
  int positive = 0;
  int negative = 0;
  int neutral = 0;
  std::optional<double> net;  // (pos − neg)/(pos + neg) in [−1, 1]; nullopt below min_count
};

NetSentiment net_sentiment(const std::vector<double>& scores, const SentimentRules& rules = {});

// Each entry's share of the total, in [0, 1], in input order. nullopt when the total is 0.
// REQUIRES: every count >= 0
std::optional<std::vector<double>> share_of_voice(const std::vector<double>& mentions);

}  // namespace boardbrief::analysis
