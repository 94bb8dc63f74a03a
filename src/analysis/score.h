// Ranking of gated findings (docs/findings-method.md): a deterministic score, a total order with
// stable tie-breaking, and the cap that picks the executive summary and "other findings".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace boardbrief::analysis {

// Metric classes for w_metric.
enum class MetricClass { Care, Sentiment, Visibility, Engagement, Audience, Effort };
enum class FindingType { Trend, PeriodChange, Anomaly, RecordOnly };
// From the metric's "up is good" flag and the direction of the finding.
enum class Polarity { Adverse, Favourable, Neutral };
enum class Direction { Up, Down };

// Score weights (docs/findings-method.md §6; the template may override them).
struct ScoreWeights {
  double care = 1.2, sentiment = 1.0, visibility = 0.7, engagement = 0.7, audience = 0.5, effort = 0.3;
  double trend = 1.0, period_change = 1.0, anomaly = 0.6, record_only = 0.8;
  double adverse = 1.0, favourable = 0.8, neutral = 0.6;
  double record = 1.15;         // f_record
  double earlier_period = 0.7;  // f_recency when not about the latest period
  double max_magnitude = 5.0;   // m is capped here
};

double metric_weight(MetricClass c, const ScoreWeights& w = {});

struct ScoreInput {
  MetricClass metric_class = MetricClass::Care;
  FindingType type = FindingType::PeriodChange;
  double magnitude = 0;  // |Z| (trend, after Yue-Wang), |robust z| (change), |z| (anomaly)
  Polarity polarity = Polarity::Neutral;
  bool record = false;        // record lag >= 12, or on record with >= 12 months
  bool latest_period = true;  // about the latest period of the window
};

// w_metric × w_type × min(|m|, 5) × f_polarity × f_record × f_recency.
double finding_score(const ScoreInput& in, const ScoreWeights& w = {});

// A scored, gated finding as the ranking sees it (plain data; phrasing lives elsewhere).
struct Candidate {
  std::string family;   // de-duplication family (docs/findings-method.md §5), e.g. "response" for rate + unanswered
  std::string channel;  // "" for an across-channels finding
  std::string metric;   // metric id; the last tie-breaker
  std::string period;   // period key the finding is about
  Direction direction = Direction::Up;
  FindingType type = FindingType::PeriodChange;
  Polarity polarity = Polarity::Neutral;
  double metric_weight = 0;
  double score = 0;
};

// Strict weak order: higher score first; ties broken by adverse first, then higher
// metric_weight, then metric id, channel and type, so equal inputs give equal output.
bool ranks_before(const Candidate& a, const Candidate& b);

struct CapRules {
  int summary_max = 5;
  double summary_min_score = 1.0;
  int per_family = 2;   // in the summary
  int per_channel = 3;  // in the summary
  int others_max = 15;
};

// Indices into the candidates, each list in rank order.
struct Selection {
  std::vector<std::size_t> summary;  // executive summary; empty means "No significant changes"
  std::vector<std::size_t> others;   // "Other findings"
};

// Walks the candidates in rank order: a candidate enters the summary while it has room, the
// score reaches summary_min_score and its family and channel are under their limits;
// everything else goes to `others` until that is full. Apply de-duplication first.
Selection select_findings(const std::vector<Candidate>& candidates, const CapRules& rules = {});

}  // namespace boardbrief::analysis
