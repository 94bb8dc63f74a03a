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

// Accumulates interactions into DialoguePeriods per scope. Messages are assigned to periods by
// their local day in `tz`; `cutoff` is the as-of instant: a message is mature when
// cutoff - received >= window, and a reply after the cutoff is not yet known.
// Rows must come in received order, give or take less than a day (the store's scan order:
// received_at text, where the contract's "2026-10-01 08:00:00" sorts before
// "2026-10-01T07:00:00Z" of the same date): a period's percentiles are taken, and its durations
// freed, once the rows are a day past its end, so memory holds the durations of the periods
// still open (about one month's, not the window's).
// A period in which the own channels received nothing at all is not covered (missing, not
// zero): the table does not say which days were imported, and an empty month between an
// import's stray early message and its real start is no data, not a quiet month.
class DialogueBuilder {
 public:
  DialogueBuilder(const PeriodSet& set, const std::vector<model::Channel>& channels, const calendar::TimeZone& tz,
                  std::int64_t cutoff, std::int64_t window_seconds);
  // [begin, end) in UTC seconds covering every period of the set.
  std::int64_t scan_begin() const { return scan_begin_; }
  std::int64_t scan_end() const { return scan_end_; }
  // Business time between two UTC instants (seconds); when set before add(), every period gets
  // DialoguePeriod::business_p50 beside the calendar-time figures — or only period `only`
  // (an index into the PeriodSet) when given: the clock walks the time zone's rules for each
  // answered message, 8 % of a 10M-row report when done for all 14 periods.
  using BusinessClock = std::function<std::int64_t(std::int64_t from, std::int64_t to)>;
  void measure_business_time(BusinessClock clock, std::optional<std::size_t> only = std::nullopt) {
    business_ = std::move(clock);
    business_only_ = only;
  }
  // Throws std::logic_error when a row arrives for a period already closed (rows out of order
  // by more than kOrderSlack).
  void add(const model::InteractionRow& row);
  std::map<std::string, DialogueSeries> finish();
  std::int64_t rows() const { return rows_; }

 private:
  struct Acc {
    DialoguePeriod p;
    std::vector<std::int64_t> durations;  // mature messages: seconds, or INT64_MAX when unanswered
    std::vector<std::int64_t> business;   // the same in business time (when measured)
  };
  // What a row contributes, worked out once for all its scopes and periods.
  struct RowFacts {
    std::int64_t DialoguePeriod::*tone = &DialoguePeriod::unclassified;
    bool needs_reply = false, replied = false, mature = false;
    std::int64_t duration = INT64_MAX;  // seconds to the first reply; INT64_MAX beyond the window
    std::int64_t business = 0;          // the same in business time, when measured and finite
  };
  RowFacts facts_of(const model::InteractionRow& row) const;
  void add_to(Acc& acc, const RowFacts& f, bool open_at_end, bool business);
  static constexpr std::int64_t kOrderSlack = 86400;  // seconds rows may come out of order
  void close_until(std::int64_t t);                   // closes every open period ending at or before t
  void close(std::size_t period);
  // The periods holding instant t, and the span around t where that set stays the same (rows
  // come in time order, so this is recomputed about twice per period, not per row).
  void find_segment(std::int64_t t);
  const std::vector<std::size_t>* scopes_of(std::int64_t channel_id) const;

  std::vector<std::int64_t> begin_, end_;  // UTC bounds per period
  std::int64_t scan_begin_ = 0, scan_end_ = 0;
  std::int64_t cutoff_, window_;
  std::int64_t rows_ = 0;
  BusinessClock business_;
  std::optional<std::size_t> business_only_;  // the one period measured in business time
  bool business_in(std::size_t period) const { return business_ && (!business_only_ || *business_only_ == period); }
  std::vector<std::int64_t> channel_ids_;                 // sorted own channel ids
  std::vector<std::vector<std::size_t>> channel_scopes_;  // parallel: accumulator indices
  std::vector<std::size_t> by_end_;                       // periods in order of their end
  std::size_t closed_ = 0;                                // by_end_[0 .. closed_) are closed
  std::vector<bool> is_closed_;
  std::int64_t segment_begin_ = 0, segment_end_ = 0;  // [begin, end): segment_ is valid
  std::vector<std::size_t> segment_;
  std::vector<int> channel_slot_;  // channel id -> index into channel_scopes_, -1 = not own
  std::vector<Scope> scopes_;
  std::vector<std::vector<Acc>> acc_;  // [period][scope]: one period's accumulators lie together
};

}  // namespace boardbrief::series
