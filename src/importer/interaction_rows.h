// Turns the records of an interactions CSV (one row per inbound message) into validated
// interactions with UTC instants.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importer/channel_columns.h"
#include "importer/csv_reader.h"
#include "importer/header.h"
#include "importer/instant.h"
#include "importer/mapping.h"
#include "importer/problems.h"

namespace boardbrief::importer {

struct InteractionRow {
  std::int64_t id = 0;  // stable_id() of the source identity: re-importing finds the same row
  // Without a source id column: "<platform>\x1f<handle>\x1f<received_at in Unix seconds>\x1f<kind>"
  // (id is then 0); the store appends the count of identical rows before it and hashes that.
  std::string identity;
  std::string platform;
  std::string handle;
  date::sys_seconds received_at;
  std::optional<date::sys_seconds> first_reply_at;
  std::string kind;
  bool needs_reply = true;
  std::optional<double> sentiment;
  std::string topic;  // empty = none
};

// A positive 63-bit id from a source identity (FNV-1a): the same key gives the same id in every
// run. Keys are "<platform>\x1f<source id>" (not the handle: a conversation log may learn a
// message's channel later), or, without a source id column,
// "<platform>\x1f<handle>\x1f<received_at in Unix seconds>\x1f<kind>\x1f<n>" with n counting identical rows.
std::int64_t stable_id(std::string_view key);

// The reply rule is never guessed: a file of messages with neither a first-reply column nor a
// needs-reply column, and no --needs-reply, could be a care inbox (every message needs a
// reply) or a mention stream (none does). Throws UsageError naming the file and
// --needs-reply true|false. Conversation logs have their own rule (conversation_log.h).
void check_reply_rule(const Mapping& m, const Header& header);

// A missing required column of a file that looks like a conversation log (an inbound column
// and a reply-to column) says to use --conversation-log: returns that hint, else "".
std::string conversation_log_hint(const Mapping& m, const Header& header);

class InteractionRowConverter {
 public:
  // Resolves the mapping against the header. Throws DataError naming the file and header
  // line for a missing required column, UsageError for an unknown --tz.
  InteractionRowConverter(const Mapping& m, const Header& header);

  // Appends the record's interaction to `out`, or records its problems with line and column.
  // Keeps nothing from the record: a repeated source id is found when the rows are written.
  void convert(const CsvRecord& r, std::vector<InteractionRow>& out, Problems& problems);

 private:
  const Mapping& m_;
  std::size_t header_fields_ = 0;
  std::vector<std::string> names_;
  InstantParser instants_;
  std::size_t received_ = 0;
  std::optional<ChannelColumns> channel_;  // set after the time columns are found
  std::optional<std::size_t> first_reply_, kind_, needs_reply_, sentiment_, topic_, id_;
  bool needs_reply_default_ = true;
};

}  // namespace boardbrief::importer
