// A conversation log's rows as an import matches them (docs/import.md, "Conversation logs"):
// importer/conversation_log validates each row into a LogEntry, store/log_stage keeps them in
// temporary tables until the log is read and finds each message's earliest company reply with
// SQL, and importer/conversation_log turns each LogMessage into an interaction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace boardbrief::model {

struct LogEntry {
  std::string id;        // the message id, normalised ("3.0" -> "3")
  std::string author;    // as written in the log
  bool inbound = false;  // a customer's message (else a company's)
  std::int64_t at = 0;   // Unix seconds, UTC
  std::string reply_to;  // the id of the message answered; empty = none
  std::string mentions;  // @handles of an inbound message's text, lower case, each followed by a space
};

// An inbound message (the first row of its id) and what matching found for it.
struct LogMessage {
  std::string id;
  std::int64_t at = 0;
  std::string mentions;
  std::string reply_author;              // the author of its earliest company reply; empty = none
  std::optional<std::int64_t> reply_at;  // that reply's time
  std::string answered_author;           // the company whose message it answers; empty = none
};

// Rows of the log that are not interactions, by reason.
struct LogSkips {
  std::size_t repeated_ids = 0;     // rows after the first with the same message id
  std::size_t not_answering = 0;    // company messages answering nothing
  std::size_t unknown_message = 0;  // company replies to a message not in the log
  std::size_t to_company = 0;       // company replies to a company message
  std::size_t before_message = 0;   // company replies stamped before the message
};

}  // namespace boardbrief::model
