// Writes a new database in the current schema (used by `sample` and, later, `import`).
// This is the only writer in boardbrief; the report path never opens a database for writing.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "model/catalogue.h"

namespace boardbrief::store {

struct InteractionRecord {
  std::int64_t channel_id = 0;
  date::sys_seconds received_at;
  std::string kind;  // "message", "comment", "mention"
  bool needs_reply = false;
  std::optional<date::sys_seconds> first_reply_at;
  std::optional<double> sentiment;  // [-1, 1]
  std::string topic;                // empty = NULL
};

struct TargetRecord {
  std::string metric;
  std::optional<std::int64_t> channel_id;  // nullopt = all own channels
  date::local_days valid_from;
  date::local_days valid_to;
  double value = 0;
};

class DatabaseWriter {
 public:
  // Creates `path` with schema.sql and opens one write transaction. Throws OutputError when
  // the file exists and `replace` is false, or it cannot be created.
  DatabaseWriter(const std::string& path, bool replace);
  ~DatabaseWriter();  // rolls back (and removes the file) unless commit() was called
  DatabaseWriter(const DatabaseWriter&) = delete;
  DatabaseWriter& operator=(const DatabaseWriter&) = delete;

  void add_channel(const model::Channel& c);
  void add_metric(const model::MetricDef& m);
  void add_daily(std::int64_t channel_id, date::local_days day, const std::string& metric, double value);
  void add_interaction(const InteractionRecord& r);
  void add_target(const TargetRecord& t);
  // Commits and closes. Throws OutputError.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "2026-10-31T23:30:00Z"
std::string format_instant(date::sys_seconds t);

}  // namespace boardbrief::store
