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
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "importer/csv_reader.h"
#include "importer/header.h"
#include "importer/instant.h"
#include "importer/interaction_rows.h"
#include "importer/mapping.h"
#include "importer/problems.h"
#include "model/conversation_log.h"

namespace boardbrief::importer {

// The rows wait in the store until the log is read (store/log_stage matches the replies with
// SQL); this class holds the rules on both sides of that: which rows are valid, and which
// channel a matched message belongs to.
class ConversationLog {
 public:
  // Throws DataError naming the file and header line for a missing column.
  ConversationLog(const Mapping& m, const Header& header);

  // The record as a log entry (its id, author, inbound flag, time, reply-to id and @mentions),
  // or nullopt after recording its unparsable times and flags in `problems` with line and
  // column. Remembers each company (the author of a non-inbound row) for the @mention rule:
  // memory grows with the log's company accounts, not with its rows.
  std::optional<model::LogEntry> read(const CsvRecord& r, Problems& problems);

  // The interaction of a matched inbound message with its channel and first reply, or nullopt
  // (counted in `problems`) when no company in the log is linked to it.
  std::optional<InteractionRow> interaction(const model::LogMessage& msg, Problems& problems) const;

  // Counts the rows that are not interactions in `problems`, by reason.
  static void count(const model::LogSkips& skips, Problems& problems);

 private:
  const Mapping& m_;
  std::size_t header_fields_ = 0;
  std::vector<std::string> names_;
  InstantParser instants_;
  std::size_t id_ = 0, author_ = 0, inbound_ = 0, time_ = 0, reply_to_ = 0;
  std::optional<std::size_t> text_;
  std::unordered_map<std::string, std::string> companies_;  // lower-case author -> author, first seen
  std::string platform_, kind_;
  bool needs_reply_ = true;
};

}  // namespace boardbrief::importer
