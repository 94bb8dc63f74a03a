// Daily counts of the customer dialogue for spike detection (docs/findings-method.md §1): per local
// day, for all own channels together, the interactions with negative sentiment and the
// messages needing a reply. Fed from the same ordered scan as DialogueBuilder; memory is one
// counter per day, whatever the number of rows.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <limits>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include "calendar/time_zone.h"
#include "model/catalogue.h"
#include "model/period.h"
#include "model/rows.h"

namespace boardbrief::series {

struct DailyCounts {
  date::local_days first{};                        // local day of index 0
  int report_begin = 0;                            // index of the report period's first day
  std::vector<std::int64_t> negative;              // interactions with sentiment below −0.05
  std::vector<std::int64_t> needs_reply;           // messages needing a reply
  std::vector<std::int64_t> negative_needs_reply;  // of which with negative sentiment
  // Days before the database's first interaction or after its last are missing, not zero,
  // and so are the (partial) days of the first and the last interaction themselves:
  // indices outside [covered_first, covered_last].
  long covered_first = 0;
  long covered_last = std::numeric_limits<long>::max();
  bool covered(std::size_t i) const {
    return static_cast<long>(i) >= covered_first && static_cast<long>(i) <= covered_last;
  }
  std::size_t days() const { return negative.size(); }
};

// The default spike window: 91 days (13 weeks) ending on the report period's last day, or the
// whole report period when that is longer.
inline constexpr int kSpikeWindowDays = 91;

class DailyAccumulator {
 public:
  DailyAccumulator(const model::Period& report, const std::vector<model::Channel>& channels,
                   const calendar::TimeZone& tz, int days = kSpikeWindowDays);
  // [begin, end) in UTC seconds covering the window.
  std::int64_t scan_begin() const { return begin_; }
  std::int64_t scan_end() const { return end_; }
  // As DialogueBuilder::data_span(): days outside the database's interactions are not covered.
  void data_span(std::optional<std::pair<std::int64_t, std::int64_t>> span);
  void add(const model::InteractionRow& row);
  const DailyCounts& counts() const { return counts_; }

 private:
  const calendar::TimeZone& tz_;
  // The UTC offset in force over [info_begin_, info_end_), from the zone's rules: the local
  // day of most rows is then one addition and a division instead of a rules lookup (the
  // same arithmetic as TimeZone::local_day).
  const date::time_zone* zone_ = nullptr;
  std::int64_t info_begin_ = 1, info_end_ = 0, offset_ = 0;
  std::vector<std::int64_t> own_;  // sorted own channel ids
  std::int64_t begin_ = 0, end_ = 0;
  DailyCounts counts_;
};

// One summed metric of the `metric_daily` table for all own channels together, per local day
// over the spike window (same days as DailyCounts). A day is missing (nullopt) when any own
// channel that reports the metric in the window has no row for it: a missing day is not zero.
struct DailyMetric {
  std::string metric;
  date::local_days first{};
  int report_begin = 0;
  std::vector<std::optional<double>> values;
};

// The spike window's first day for a report period (kSpikeWindowDays or the period's length).
date::local_days spike_window_first(const model::Period& report, int days = kSpikeWindowDays);

// Sums `rows` (daily values read for [spike_window_first(report), report.last]) per day over
// the own channels, for every metric the catalogue aggregates by `sum`.
std::vector<DailyMetric> daily_metric_totals(const std::vector<model::DailyValue>& rows,
                                             const std::vector<model::Channel>& channels,
                                             const std::vector<model::MetricDef>& metrics, const model::Period& report,
                                             int days = kSpikeWindowDays);

}  // namespace boardbrief::series
