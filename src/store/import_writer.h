// Writes imported rows into a user's database (`boardbrief import`): creates the database when
// it does not exist, creates channels as needed and upserts daily values and interactions, one
// transaction per imported file. The report path never uses this class.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/catalogue.h"
#include "store/writer.h"

namespace boardbrief::store {

enum class Upsert { Inserted, Updated, Unchanged };

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
  Upsert upsert_daily(std::int64_t channel_id, date::local_days day, const std::string& metric, double value);
  // Upserts by id. REQUIRES: r.channel_id from channel().
  Upsert upsert_interaction(std::int64_t id, const InteractionRecord& r);
  // Throws OutputError("cannot write '<path>': <reason>"); the transaction is then rolled back.
  void commit();
  void rollback();  // never throws

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace boardbrief::store
