// Builds ReportData from what the store read: period sets, metric series per scope, and the
// customer-dialogue figures from one ordered pass over the interactions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "calendar/time_zone.h"
#include "model/rows.h"
#include "series/report_data.h"

namespace boardbrief::series {

// The trailing window of 13 periods ending with `report`, plus the year-earlier period.
PeriodSet make_period_set(const model::Period& report, int window = 13);

// Day ranges of every period in `set.all`, in the same order (for the store's aggregation).
std::vector<model::DayRange> day_ranges(const PeriodSet& set);

// Combines per-channel aggregates (range index = period index) into series for all own
// channels, each platform of own channels, each channel, competitors and the whole market,
// following each metric's aggregation; adds engagement_rate and share_of_voice.
std::map<std::string, MetricSeries> build_metric_series(const PeriodSet& set,
                                                        const std::vector<model::Channel>& channels,
                                                        const std::vector<model::MetricDef>& metrics,
                                                        const std::vector<model::MetricAggregate>& aggregates);

// Accumulates interactions (fed in any order) into DialoguePeriods per scope. Messages are
// assigned to periods by their local day in `tz`; `cutoff` is the as-of instant: a message is
// mature when cutoff - received >= window, and a reply after the cutoff is not yet known.
// A period in which the own channels received nothing at all is not covered (missing, not
// zero): the table does not say which days were imported, and an empty month between an
// import's stray early message and its real start is no data, not a quiet month.
class DialogueBuilder {
 public:
  DialogueBuilder(const PeriodSet& set, const std::vector<model::Channel>& channels,
                  const calendar::TimeZone& tz, std::int64_t cutoff, std::int64_t window_seconds);
  // [begin, end) in UTC seconds covering every period of the set.
  std::int64_t scan_begin() const { return scan_begin_; }
  std::int64_t scan_end() const { return scan_end_; }
  // Business time between two UTC instants (seconds); when set before add(), every period gets
  // DialoguePeriod::business_p50 beside the calendar-time figures.
  using BusinessClock = std::function<std::int64_t(std::int64_t from, std::int64_t to)>;
  void measure_business_time(BusinessClock clock) { business_ = std::move(clock); }
  void add(const model::InteractionRow& row);
  std::map<std::string, DialogueSeries> finish();
  std::int64_t rows() const { return rows_; }

 private:
  struct Acc {
    DialoguePeriod p;
    std::vector<std::int64_t> durations;  // mature messages: seconds, or INT64_MAX when unanswered
    std::vector<std::int64_t> business;   // the same in business time (when measured)
  };
  void add_to(Acc& acc, const model::InteractionRow& row, std::size_t period, std::optional<std::int64_t> business);

  const PeriodSet& set_;
  std::vector<std::int64_t> begin_, end_;  // UTC bounds per period
  std::int64_t scan_begin_ = 0, scan_end_ = 0;
  std::int64_t cutoff_, window_;
  std::int64_t rows_ = 0;
  BusinessClock business_;
  std::map<std::int64_t, std::vector<std::size_t>> channel_scopes_;  // channel -> accumulator indices
  std::vector<Scope> scopes_;
  std::vector<std::vector<Acc>> acc_;  // [scope][period]
};

}  // namespace boardbrief::series
