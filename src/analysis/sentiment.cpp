#include "analysis/sentiment.h"

#include <cassert>
#include <numeric>

namespace boardbrief::analysis {

Tone classify_tone(double score, const SentimentRules& rules) {
  if (score > rules.positive_above) return Tone::Positive;
  if (score < rules.negative_below) return Tone::Negative;
  return Tone::Neutral;
}

NetSentiment net_sentiment(const std::vector<double>& scores, const SentimentRules& rules) {
  NetSentiment s;
  for (double score : scores) {
    switch (classify_tone(score, rules)) {
      case Tone::Positive: ++s.positive; break;
      case Tone::Negative: ++s.negative; break;
      case Tone::Neutral: ++s.neutral; break;
    }
  }
  const int polar = s.positive + s.negative;
  // Neutral messages carry no direction; a net value from a handful of polar ones is noise.
  if (polar > 0 && polar >= rules.min_count) {
    s.net = static_cast<double>(s.positive - s.negative) / polar;
  }
  return s;
}

std::optional<std::vector<double>> share_of_voice(const std::vector<double>& mentions) {
  const double total = std::accumulate(mentions.begin(), mentions.end(), 0.0);
  if (total <= 0) return std::nullopt;
  std::vector<double> shares;
  shares.reserve(mentions.size());
  for (double m : mentions) {
    assert(m >= 0);
    shares.push_back(m / total);
  }
  return shares;
}

}  // namespace boardbrief::analysis
