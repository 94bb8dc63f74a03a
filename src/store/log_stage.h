// Matches the replies of a conversation log to the messages they answer inside the import's
// open transaction (`boardbrief import interactions --conversation-log`). A reply can be
// anywhere in the file, so every row is kept until the log is read: in temporary tables, on
// disk beside SQLite's other temporary files, never in memory. Matching is SQL: the first row
// of each message id, then the earliest company reply of each inbound message, each one
// sorted pass with SQLite's sorter (it spills to temporary files past the main page cache).
// Memory is bounded by the page caches (docs/import.md, "Speed and memory").
#pragma once

#include <functional>
#include <memory>

#include "model/conversation_log.h"
#include "store/import_writer.h"

namespace boardbrief::store {

class LogStage {
 public:
  // REQUIRES: writer.begin() was called. Throws OutputError when the tables cannot be made.
  explicit LogStage(ImportWriter& writer);
  ~LogStage();  // drops the tables; never throws
  LogStage(const LogStage&) = delete;
  LogStage& operator=(const LogStage&) = delete;

  void add(const model::LogEntry& e);
  // Hands each inbound message (the first row of its id) with its earliest company reply (the
  // earlier row in the file on equal times) and the company it answers to `each`, in message-id
  // order; `each` may write through the writer. Returns what was not an interaction.
  model::LogSkips match(const std::function<void(const model::LogMessage&)>& each);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace boardbrief::store
