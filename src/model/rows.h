// Plain rows that cross the store boundary: what the store reads, already parsed and checked.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>

namespace boardbrief::model {

// An inclusive range of local days (daily_metric.day).
struct DayRange {
  date::local_days first;
  date::local_days last;
};

// One metric of one channel aggregated over one DayRange (index into the ranges passed in).
struct MetricAggregate {
  std::size_t range = 0;
  std::int64_t channel_id = 0;
  std::string metric;
  double sum = 0, mean = 0, max = 0;
  double last = 0;  // value on the last day with data in the range
  int days = 0;     // days with a value
};

// One inbound interaction as the analysis needs it. Instants are UTC seconds since the epoch.
struct InteractionRow {
  std::int64_t channel_id = 0;
  std::int64_t received = 0;
  std::optional<std::int64_t> first_reply;
  bool needs_reply = false;
  std::optional<double> sentiment;
  // The topic as an index into the scan's topic list (store::Database::topics()); -1 = none.
  // A number, so that the row stays small on its way through the scan's batches.
  std::int32_t topic = -1;
};

struct TargetRow {
  std::string metric;
  std::optional<std::int64_t> channel_id;
  date::local_days valid_from;
  date::local_days valid_to;
  double value = 0;
};

struct DailyValue {
  std::int64_t channel_id = 0;
  std::string metric;
  date::local_days day;
  double value = 0;
};

}  // namespace boardbrief::model
