#include "analysis/score.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

namespace boardbrief::analysis {

double metric_weight(MetricClass c, const ScoreWeights& w) {
  switch (c) {
    case MetricClass::Care: return w.care;
    case MetricClass::Sentiment: return w.sentiment;
    case MetricClass::Visibility: return w.visibility;
    case MetricClass::Engagement: return w.engagement;
    case MetricClass::Audience: return w.audience;
    case MetricClass::Effort: return w.effort;
  }
  return 0;
}

double finding_score(const ScoreInput& in, const ScoreWeights& w) {
  double type = 0;
  switch (in.type) {
    case FindingType::Trend: type = w.trend; break;
    case FindingType::PeriodChange: type = w.period_change; break;
    case FindingType::Anomaly: type = w.anomaly; break;
    case FindingType::RecordOnly: type = w.record_only; break;
  }
  double polarity = 0;
  switch (in.polarity) {
    case Polarity::Adverse: polarity = w.adverse; break;
    case Polarity::Favourable: polarity = w.favourable; break;
    case Polarity::Neutral: polarity = w.neutral; break;
  }
  // The cap stops one extreme spike (z = 14) from outranking everything else.
  const double m = std::min(std::fabs(in.magnitude), w.max_magnitude);
  return metric_weight(in.metric_class, w) * type * m * polarity * (in.record ? w.record : 1.0) *
         (in.latest_period ? 1.0 : w.earlier_period);
}

bool ranks_before(const Candidate& a, const Candidate& b) {
  const auto key = [](const Candidate& c) {
    return std::make_tuple(-c.score, c.polarity != Polarity::Adverse, -c.metric_weight, std::cref(c.metric),
                           std::cref(c.channel), c.type);
  };
  return key(a) < key(b);
}

Selection select_findings(const std::vector<Candidate>& candidates, const CapRules& rules) {
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ranks_before(candidates[a], candidates[b]); });
  Selection s;
  std::map<std::string, int> per_family, per_channel;
  for (std::size_t i : order) {
    const Candidate& c = candidates[i];
    const bool fits = static_cast<int>(s.summary.size()) < rules.summary_max && c.score >= rules.summary_min_score &&
                      per_family[c.family] < rules.per_family && per_channel[c.channel] < rules.per_channel;
    if (fits) {
      s.summary.push_back(i);
      ++per_family[c.family];
      ++per_channel[c.channel];
    } else if (static_cast<int>(s.others.size()) < rules.others_max) {
      s.others.push_back(i);
    }
  }
  return s;
}

}  // namespace boardbrief::analysis
