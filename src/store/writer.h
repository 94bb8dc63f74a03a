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

// Builds a database in a temporary file beside the target ("<path>.tmp-XXXXXX", unique) inside one
// transaction, with reused prepared statements (bind, step, reset), and renames it over `path`
// on commit(): a reader never sees a half-written database. Journalling and fsync are off
// while writing, so a crash leaves at most a stale temporary, never a broken `path`.
// Rows are written in the order given; callers that insert millions of rows should insert
// interactions in received_at order and daily rows in primary-key order (channel, metric, day)
// so the B-trees grow by appending.
class DatabaseWriter {
 public:
  // Creates a new "<path>.tmp-XXXXXX" with kSchemaSql (PRAGMA user_version = 1) and opens one write
  // transaction. Throws OutputError("'<path>' exists (use --force to replace it)") when `path`
  // exists and `replace` is false, and OutputError("cannot create '<path>': <reason>") when
  // the temporary file cannot be created.
  DatabaseWriter(const std::string& path, bool replace);
  ~DatabaseWriter();  // unless commit() succeeded: discards the temporary file; never throws
  DatabaseWriter(const DatabaseWriter&) = delete;
  DatabaseWriter& operator=(const DatabaseWriter&) = delete;

  // Each add_* inserts one row. Throws OutputError naming the table and the item when SQLite
  // rejects it (duplicate key, CHECK constraint, disk full).
  // REQUIRES: commit() has not been called.
  void add_channel(const model::Channel& c);
  void add_metric(const model::MetricDef& m);
  void add_daily(std::int64_t channel_id, date::local_days day, const std::string& metric, double value);
  // Returns the new row id (1, 2, ... in insertion order).
  std::int64_t add_interaction(const InteractionRecord& r);
  void add_target(const TargetRecord& t);
  // Commits, closes and renames the temporary file over `path` (replacing it when allowed).
  // Throws OutputError("cannot write '<path>': <reason>"); the temporary file is then removed.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "2026-10-31T23:30:00Z" (UTC, whole seconds). REQUIRES: year in [0, 9999]
std::string format_instant(date::sys_seconds t);
// "2026-10-31". REQUIRES: year in [0, 9999]
std::string format_day(date::local_days d);

}  // namespace boardbrief::store
