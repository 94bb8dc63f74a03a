// The headline figures of a briefing (the KPI tiles): value in the report period, the values
// it is compared with, a 13-period history, target status and whether a change is meaningful.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.h"
#include "model/rows.h"
#include "series/report_data.h"

namespace boardbrief::analysis {

enum class ValueKind { Count, Share, Minutes, Score };

// A comparison of the report value with an earlier one. `significant` says whether the
// change passes the gate for its kind (two-proportion test for shares, baseline floor and
// size for counts), which decides whether it may be coloured good/bad (docs/figures.md,
// "One colouring rule").
struct Change {
  std::optional<double> delta;     // current - earlier, in the value's unit (shares as fractions)
  std::optional<double> relative;  // current/earlier - 1 for counts and durations
  bool significant = false;
};

struct TargetStatus {
  double value = 0;      // the target, in the KPI's unit
  bool at_most = false;  // true when better is down: the value should stay at or below
  bool met = false;
};

struct Kpi {
  std::string metric;  // unanswered_share, first_response_p50, needs_reply, net_sentiment, share_of_voice, impressions
  ValueKind kind = ValueKind::Count;
  model::Better better = model::Better::Up;
  std::vector<std::optional<double>> window;  // trailing periods, oldest first (report last)
  std::optional<double> value, previous, year_ago;
  bool value_infinite = false;  // a percentile not reached within the response window
  Change vs_previous, vs_year_ago;
  bool provisional = false;
  std::optional<TargetStatus> target;
  // Context figures: for shares the numerator and denominator, for durations the 90th
  // percentile (minutes; infinite when fewer than 90 % were answered in the window).
  std::optional<double> numerator, denominator, p90;
  bool p90_infinite = false;
  // first_response_p50 with business hours configured: the same median in business time.
  std::optional<double> business_value;
  bool business_infinite = false;
};

// Minimum classified messages for a net-sentiment value; below it the value is missing.
inline constexpr std::int64_t kMinSentimentCount = 30;

// The tiles' gates, for tables that print the same kind of change per channel: one
// colouring rule everywhere (docs/figures.md). The unanswered share of two periods (two-
// proportion test with its sample-size gate), and a count against its baseline floor.
Change unanswered_share_change(const series::DialoguePeriod& cur, const series::DialoguePeriod& old);
Change count_change(std::optional<double> cur, std::optional<double> old, double floor);

// Computes the six headline KPIs for all own channels. Targets apply when the report period
// lies inside [valid_from, valid_to] and channel_id is NULL.
std::vector<Kpi> compute_kpis(const series::ReportData& data, const std::vector<model::TargetRow>& targets);

}  // namespace boardbrief::analysis
