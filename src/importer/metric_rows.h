// Turns the records of a daily-metrics CSV (long or wide form) into validated daily values.
#pragma once

#include <date/date.h>

#include <cstddef>
#include <string>
#include <vector>

#include "importer/channel_columns.h"
#include "importer/csv_reader.h"
#include "importer/header.h"
#include "importer/instant.h"
#include "importer/mapping.h"
#include "importer/problems.h"

namespace boardbrief::importer {

struct DailyRow {
  std::string platform;
  std::string handle;
  date::local_days day;
  std::string metric;
  double value = 0;
  std::size_t line = 0, column = 0;  // where the value was read (0 for derived rows)
};

class MetricRowConverter {
 public:
  // Resolves the mapping against the header. `metrics` are the catalogue keys a value may
  // have. Throws DataError naming the file and header line for a missing column, and for a
  // metric (mapped or, in wide form without --column, a header name) outside the catalogue:
  // "unknown metric 'x' (catalogue: followers, impressions, ...)".
  MetricRowConverter(const Mapping& m, const Header& header, std::vector<std::string> metrics);

  // Appends the record's values to `out` (one per metric column in wide form; none for an
  // empty cell), each with its line and column. Invalid cells and a wrong number of fields go
  // to `problems` with line and column; a value given twice for the same channel, day and
  // metric is found by the store when the rows are written (nothing is kept here, so memory
  // does not grow with the file). With m.aggregate ("sum") the day cell may be a timestamp
  // (its day in m.tz) and m.count_rows gets 1 per row.
  void convert(const CsvRecord& r, std::vector<DailyRow>& out, Problems& problems);

  std::size_t empty_cells() const { return empty_cells_; }
  bool wide() const { return wide_; }

 private:
  struct ValueColumn {
    std::size_t index;
    std::string metric;
  };
  std::optional<date::local_days> day_of(const CsvRecord& r, Problems& problems) const;
  bool known_metric(const std::string& key) const;
  [[noreturn]] void unknown_metric(const std::string& key, const std::string& where) const;
  std::string catalogue_list() const;

  const Mapping& m_;
  std::string path_;
  std::size_t header_fields_ = 0;
  std::vector<std::string> header_names_;
  std::vector<std::string> metrics_;
  bool wide_ = false;
  std::string day_format_;
  std::size_t day_ = 0;
  std::optional<ChannelColumns> channel_;  // set after the day column is found
  std::size_t metric_ = 0, value_ = 0;     // long form
  std::vector<ValueColumn> values_;        // wide form
  std::size_t empty_cells_ = 0;
  bool aggregate_ = false;
  std::optional<InstantParser> instants_;  // aggregate: timestamps in the day column
  const date::time_zone* zone_ = nullptr;  // aggregate: whose calendar days (m.tz)
};

}  // namespace boardbrief::importer
