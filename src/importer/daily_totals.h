// Sums of per-post values per channel, metric and day (`import metrics --aggregate sum`):
// every file of one command adds into the same totals before anything is written.
#pragma once

#include <map>
#include <set>
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
  // posts had none. Adds to `zeros`.
  struct Zeros {
    std::size_t values = 0;                                              // zeros added
    std::set<date::local_days> days;                                     // days that got at least one
    std::set<std::tuple<std::string, std::string, std::string>> series;  // (platform, handle, metric) that got one
  };
  void fill_zero(date::local_days first, date::local_days last, Zeros& zeros);

 private:
  std::map<std::tuple<std::string, std::string, std::string, date::local_days>, double> sums_;
};

}  // namespace boardbrief::importer
