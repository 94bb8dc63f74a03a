// Derives inbound interactions from a conversation log, where the company's replies are rows of
// their own linked to the message they answer (as in the public "Customer Support on Twitter"
// data: tweet_id, author_id, inbound, created_at, text, response_tweet_id,
// in_response_to_tweet_id).
//
// The rules (docs/import.md):
// - an inbound row (inbound = true) is a customer message; needs_reply is true unless the
//   mapping sets needs_reply = false;
// - its first reply is the earliest non-inbound row whose reply-to id is the message's id
//   (a reply stamped earlier than the message is ignored and counted);
// - its channel is the company (platform, "@" + author id) of that first reply; when nobody
//   replied, the company whose message it answers; else the first @handle in the text that is
//   a company seen in the log; else the message is skipped and counted;
// - company rows are replies, not interactions; a repeated message id is skipped and counted.
#pragma once

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "importer/csv_reader.h"
#include "importer/header.h"
#include "importer/instant.h"
#include "importer/interaction_rows.h"
#include "importer/mapping.h"
#include "importer/problems.h"

namespace boardbrief::importer {

class ConversationLog {
 public:
  // Throws DataError naming the file and header line for a missing column.
  ConversationLog(const Mapping& m, const Header& header);

  // Keeps the record (its id, author, inbound flag, time, reply-to id and @mentions);
  // unparsable times and flags go to `problems` with line and column. Memory grows with the
  // number of rows (the links can point anywhere in the file): about 200 bytes a row with
  // derive()'s index (docs/import.md).
  void add(const CsvRecord& r, Problems& problems);

  // Hands each inbound message with its derived channel and first reply to `emit`, in file
  // order, without collecting them; skips go to `problems`.
  void derive(Problems& problems, const std::function<void(InteractionRow&)>& emit) const;
  // The same, collected (for tests and small logs).
  std::vector<InteractionRow> derive(Problems& problems) const;

 private:
  struct Row {
    std::string id;
    std::string author;
    bool inbound = false;
    date::sys_seconds at;
    std::string reply_to;  // empty = none
    std::string mentions;  // @handles in the text, lower case, without '@', each ending in a space
    std::uint32_t line = 0;
  };

  const Mapping& m_;
  std::size_t header_fields_ = 0;
  std::vector<std::string> names_;
  InstantParser instants_;
  std::size_t id_ = 0, author_ = 0, inbound_ = 0, time_ = 0, reply_to_ = 0;
  std::optional<std::size_t> text_;
  std::vector<Row> rows_;
};

}  // namespace boardbrief::importer
