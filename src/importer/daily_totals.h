// Sums of per-post values per channel, metric and day (`import metrics --aggregate sum`):
// every file of one command adds into the same totals before anything is written.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "importer/metric_rows.h"

namespace boardbrief::importer {

class DailyTotals {
 public:
  void add(const DailyRow& r);
  // One row per (platform, handle, metric, day) with the sum of its values, in that order.
  std::vector<DailyRow> rows() const;
  std::size_t size() const { return sums_.size(); }
  // The metric keys summed so far, sorted.
  std::vector<std::string> metrics() const;
  // Gives every channel and metric summed so far a 0 on each day from `first` to `last` that
  // has no rows: a per-post export lists every post of the range it covers, so a day without
  // posts had none. Returns the number of zeros added.
  std::size_t fill_zero(date::local_days first, date::local_days last);

 private:
  std::map<std::tuple<std::string, std::string, std::string, date::local_days>, double> sums_;
};

}  // namespace boardbrief::importer
