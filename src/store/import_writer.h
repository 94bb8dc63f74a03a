// Writes imported rows into a user's database (`boardbrief import`): creates the database when
// it does not exist, creates channels as needed and upserts daily values and interactions, one
// transaction per imported file. The report path never uses this class.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalogue.h"
#include "store/writer.h"

namespace SQLite {
class Database;
class Exception;
}  // namespace SQLite

namespace boardbrief::store {

// What apply_*() wrote: every distinct staged key is inserted, updated or unchanged.
struct Applied {
  std::size_t inserted = 0, updated = 0, unchanged = 0;
  std::size_t repeated = 0;  // staged rows whose key an earlier staged row already had
};

struct DuplicateDaily {
  std::size_t line = 0, column = 0, first_line = 0;
  std::string platform, handle, metric, day;
};

class ImportWriter {
 public:
  // Opens `path` for writing after checking it against the data contract (as the report does),
  // or, when it does not exist, creates it with the schema and `catalogue` as its metric table
  // (created() is then true). Throws DataError for a file that is not a schema-version-1
  // database, OutputError when it cannot be created or opened for writing.
  ImportWriter(const std::string& path, const std::vector<model::MetricDef>& catalogue);
  ~ImportWriter();  // rolls back an open transaction; never throws
  ImportWriter(const ImportWriter&) = delete;
  ImportWriter& operator=(const ImportWriter&) = delete;

  bool created() const;
  // The metric table's keys, sorted.
  std::vector<std::string> metric_keys();
  // The keys whose aggregation is 'sum' (counts that per-post rows may add up to), sorted.
  std::vector<std::string> summed_metric_keys();

  // Starts the write transaction for one file (BEGIN IMMEDIATE: waits up to 5 s for another
  // writer). Throws OutputError naming the file when the database is locked or read-only.
  void begin();
  // The channel's id; inserts it (with `owner`, and `name` or else the handle as its name) when
  // (platform, handle) is new, setting `inserted`. An existing channel keeps its owner and name.
  std::int64_t channel(const std::string& platform, const std::string& handle, model::Owner owner,
                       const std::string& name, bool& inserted);

  // Staging. Each file's rows are kept aside as they are read, on disk with bounded memory, and
  // apply_*() writes them into the real table in key order inside the open transaction: the
  // memory of an import does not grow with the file, and the B-tree is written in key order.
  // Interactions go to an IdSorter (store/id_sorter.h) and are upserted one prepared statement
  // a row; daily values to a temporary table written with one INSERT ... SELECT sorted by key.
  // See docs/import.md ("Speed and memory").
  //
  // Interactions: rows without `id` (no source id column) carry `identity` instead, the key
  // that id_of() hashes after "\x1f<n>", n counting earlier staged rows with the same identity.
  void stage_interaction(std::optional<std::int64_t> id, const std::string& identity, const InteractionRecord& r);
  // A staged id given again keeps its first row (the others count as `repeated`).
  // REQUIRES: every staged row has an id, or none has.
  Applied apply_interactions(std::int64_t (*id_of)(std::string_view));
  // Daily values, with the line and column they came from for the duplicate check.
  void stage_daily(std::int64_t channel_id, date::local_days day, const std::string& metric, double value,
                   std::size_t line = 0, std::size_t column = 0);
  // The same channel, metric and day staged twice is not written: `repeated` counts them and
  // duplicate_dailies() says where they are.
  Applied apply_daily();
  // The first `limit` staged values repeating an earlier one, in file order.
  std::vector<DuplicateDaily> duplicate_dailies(std::size_t limit);
  // Rows staged since begin().
  std::size_t staged() const;

  // Throws OutputError("cannot write '<path>': <reason>"); the transaction is then rolled back.
  void commit();
  void rollback();  // never throws

 private:
  friend class LogStage;  // its temporary tables live in this connection's transaction
  SQLite::Database& database();
  // Runs statements that sort large tables (CREATE INDEX, INSERT ... ORDER BY) with a small
  // main page cache, which is also the size of the sorter's runs in memory.
  static void sorting_statements(SQLite::Database& db, const std::vector<std::string>& sqls);
  // Throws OutputError("cannot write '<path>': <what>: <reason>") ("locked" when busy).
  [[noreturn]] void fail(const std::string& what, const SQLite::Exception& e);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace boardbrief::store
