// Records ("the highest since September 2024", docs/findings-method.md): how far back one must go to find
// a value at least as extreme as the latest one.
#pragma once

#include <optional>

#include "analysis/stats.h"

namespace boardbrief::analysis {

enum class Extreme { Highest, Lowest };

struct RecordRules {
  int min_lag = 6;       // phrase records only from this lag
  int min_history = 12;  // periods of history before "on record" may be said
  int boost_lag = 12;    // ranking boost (f_record) from this lag
};

struct Record {
  // Smallest k >= 1 with x_{t−k} >= x_t (Highest) or <= x_t (Lowest), counted in periods on
  // the true time index; nullopt when no earlier value qualifies ("on record").
  std::optional<int> lag;
  int history = 0;          // periods from the first observed value to the latest
  bool on_record = false;   // no lag and history >= min_history
  bool reportable = false;  // lag >= min_lag, or on_record
  bool boost = false;       // lag >= boost_lag, or on_record (f_record = 1.15)
};

// The record status of the latest entry of `series`. Returns nullopt when the latest entry is
// missing or is the only observed value.
std::optional<Record> find_record(const Series& series, Extreme extreme, const RecordRules& rules = {});

}  // namespace boardbrief::analysis
