// Coverage for `boardbrief check` (docs/data-contract.md, "Missing days"): which days lack a
// daily value, per channel and metric from the series' own first day to its last, and in which
// hours messages arrived (the check turns them into local days without any message).
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/rows.h"

namespace boardbrief::store {

class Database;

struct SeriesCoverage {
  std::int64_t channel_id = 0;
  std::string metric;
  model::DayRange measured;  // the days the series is measured over
  std::int64_t missing_days = 0;
  std::vector<model::DayRange> gaps;  // consecutive missing days joined, in day order
  // Without `within`: the days after the series' last day up to the latest day of any series
  // (the series stopped while others went on), not counted in missing_days.
  std::optional<model::DayRange> stopped;
};

// Every (channel, metric) series with a real day (YYYY-MM-DD) in daily_metric. Without `within`
// a series is measured from its first to its last day (days before a series starts are not
// missing) and `stopped` says when it ends before the others; with it, from its first day
// inside `within` to `within.last` (a series that stops early misses the days up to the end).
// Only series with missing days or a stop are returned; `series_seen` counts all. One ordered
// pass over the primary key.
std::vector<SeriesCoverage> daily_coverage(Database& db, const std::optional<model::DayRange>& within,
                                           std::int64_t& series_seen);

// The UTC hours (seconds since the epoch, whole hours, ascending) in which at least one message
// with a readable received_at arrived, within [begin, end) when given. `boardbrief check`
// turns them into local days; one ordered pass over the received_at index.
std::vector<std::int64_t> message_hours(Database& db, std::optional<std::pair<std::int64_t, std::int64_t>> within);

}  // namespace boardbrief::store
