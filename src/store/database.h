// Read access to a boardbrief database. SQLite stays inside src/store (this reader, the writers,
// the contract checks of violations.cpp and the read deadline).
// Opens read-only, checks the data contract, and reads everything for one report inside one
// read transaction, so a concurrent writer cannot give inconsistent figures.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.h"
#include "model/data_quality.h"
#include "model/rows.h"

namespace boardbrief::store {

using model::DailyValue;
using model::DayRange;
using model::InteractionRow;
using model::MetricAggregate;
using model::TargetRow;

class Database {
 public:
  // Opens `path` read-only, waits up to `busy_timeout_ms` for locks, checks the schema version,
  // tables and columns, and begins the read transaction. Throws DataError with one line naming
  // the file and what is wrong (missing file, not SQLite, wrong version, missing column, locked).
  // Any read later than `timeout_seconds` after opening (0: never) stops with DataError naming
  // the table being read (--timeout).
  explicit Database(const std::string& path, int busy_timeout_ms = 5000, int timeout_seconds = 600);
  ~Database();  // ends the read transaction; never throws
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const;
  int schema_version() const;
  // Fingerprint (16 hex digits) and count of the rows read so far by channels, targets,
  // aggregate_metrics and scan_interactions, accumulated while reading (store/fingerprint.h).
  std::string fingerprint() const;
  std::int64_t fingerprinted_rows() const;

  // Throw DataError naming the table and row when a value breaks the contract.
  std::vector<model::Channel> channels();
  std::vector<model::MetricDef> metrics();
  std::vector<TargetRow> targets();  // empty when the optional table is absent

  // Aggregates daily_metric per range, channel and metric (docs/data-contract.md, "How days
  // combine into a period") in one read of the union of the ranges. Ranges may overlap.
  std::vector<MetricAggregate> aggregate_metrics(const std::vector<DayRange>& ranges);

  // Daily values in [range.first, range.last], for the given metric keys (empty = all).
  std::vector<DailyValue> daily_values(const DayRange& range, const std::vector<std::string>& metrics = {});

  // Streams interactions with received_at in [begin, end) in received_at order.
  // Rows with an unparsable instant, a channel_id missing from table channel, a reply before
  // receipt, a sentiment outside [-1, 1] or a needs_reply other than 0 or 1 are skipped and counted in data_quality(); so are rows whose
  // received_at cannot be placed in time at all (a Unix epoch number, text that is no instant
  // and sorts outside the years 1970-9999), which no range can meet: they might belong to the
  // report, so they count as bad rows read for it. store/data_quality.h judges the counts.
  void scan_interactions(std::int64_t begin, std::int64_t end, const std::function<void(const InteractionRow&)>& visit);
  // The distinct topics met by scan_interactions so far; InteractionRow::topic indexes it.
  // Read it after the scan (the scan appends while it runs).
  const std::vector<std::string>& topics() const;

  // What the scans so far skipped.
  const model::DataQuality& data_quality() const;

  // Row count of a contract table (for `check`); 0 for the optional target table when absent
  // and for a name that is not a contract table (never user text in SQL).
  std::int64_t count_rows(const std::string& table);

  // For the store's own checks and lookups: runs a constant SQL text and returns the first
  // row's first column as a number and second as text (NULL as ""); (0, "") when no row.
  std::pair<std::int64_t, std::string> query_count_and_text(const std::string& sql);
  // For `boardbrief check`: steps a constant SQL text, handing over each row's columns as text
  // (NULL as "").
  void query_rows(const std::string& sql, const std::function<void(const std::vector<std::string>&)>& row);
  // Whether an index has `column` as its first column.
  bool has_index_on(const std::string& table, const std::string& column);

 private:
  void count_unplaced_interactions();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace boardbrief::store
