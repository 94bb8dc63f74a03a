#include "importer/conversation_log.h"

#include <cctype>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "base/quote.h"
#include "importer/values.h"

namespace boardbrief::importer {

namespace {

std::string or_default(const std::string& v, const char* d) { return v.empty() ? d : v; }

// pandas writes integer ids of a column with gaps as floats: "3.0" is message 3.
std::string normalise_id(std::string id) {
  if (id.size() > 2 && id.compare(id.size() - 2, 2, ".0") == 0) id.resize(id.size() - 2);
  return id;
}

// "@Brand hi @x" -> "brand x " (one string a row: a vector of strings costs more than the text).
std::string mentions(const std::string& text) {
  std::string out;
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    std::size_t end = at + 1;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
    if (end > at + 1) out += lower(text.substr(at + 1, end - at - 1)) + ' ';
  }
  return out;
}

std::string handle_of(const std::string& author) { return author.rfind('@', 0) == 0 ? author : "@" + author; }

}  // namespace

ConversationLog::ConversationLog(const Mapping& m, const Header& header)
    : m_(m), header_fields_(header.size()), names_(header.names()), instants_(m.tz, m.time_format) {
  id_ = header.require(or_default(m.id_column, "tweet_id"), "for the message id (use --id-column)");
  author_ = header.require(or_default(m.author_column, "author_id"), "for the author (use --author-column)");
  inbound_ = header.require(or_default(m.inbound_column, "inbound"), "for the inbound flag (use --inbound-column)");
  time_ = header.require(or_default(m.received_column, "created_at"), "for the time (use --received-column)");
  reply_to_ = header.require(or_default(m.reply_to_column, "in_response_to_tweet_id"),
                             "for the id of the message answered (use --reply-to-column)");
  text_ = m.text_column.empty() ? header.find("text") : header.require(m.text_column, "for the text");
}

void ConversationLog::add(const CsvRecord& r, Problems& problems) {
  if (r.fields.size() != header_fields_) {
    problems.error(
        r.line, 0,
        "the row has " + std::to_string(r.fields.size()) + " fields, the header has " + std::to_string(header_fields_));
    return;
  }
  const auto in_column = [&](std::size_t i) { return " (column " + names_[i] + ")"; };
  Row row;
  row.line = static_cast<std::uint32_t>(r.line);
  row.id = normalise_id(r.fields[id_]);
  row.author = r.fields[author_];
  bool ok = true;
  if (row.id.empty()) problems.error(r.line, id_ + 1, "the message id is empty" + in_column(id_)), ok = false;
  if (row.author.empty()) problems.error(r.line, author_ + 1, "the author is empty" + in_column(author_)), ok = false;
  auto inbound = parse_flag(r.fields[inbound_]);
  if (!inbound)
    problems.error(r.line, inbound_ + 1,
                   "inbound " + quote(r.fields[inbound_]) + " is not true or false" + in_column(inbound_)),
        ok = false;
  ParsedInstant at = instants_.parse(r.fields[time_]);
  if (!at.value) problems.error(r.line, time_ + 1, at.error + in_column(time_)), ok = false;
  if (!ok) return;
  row.inbound = *inbound;
  row.at = *at.value;
  if (!is_missing(r.fields[reply_to_])) row.reply_to = normalise_id(r.fields[reply_to_]);
  if (row.inbound && text_) row.mentions = mentions(r.fields[*text_]);
  rows_.push_back(std::move(row));
}

std::vector<InteractionRow> ConversationLog::derive(Problems& problems) const {
  std::vector<InteractionRow> out;
  derive(problems, [&](InteractionRow& row) { out.push_back(std::move(row)); });
  return out;
}

void ConversationLog::derive(Problems& problems, const std::function<void(InteractionRow&)>& emit) const {
  // Views into rows_, which no longer changes: the index holds no copy of the ids.
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::unordered_map<std::string_view, std::uint32_t> by_id;  // message id -> index of its first row
  by_id.reserve(rows_.size());
  std::unordered_map<std::string, std::string> companies;  // lower-case author id -> author id
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (!by_id.emplace(rows_[i].id, static_cast<std::uint32_t>(i)).second) problems.skip("repeated message id");
    if (!rows_[i].inbound) companies.emplace(lower(rows_[i].author), rows_[i].author);
  }
  // The earliest company reply per inbound message.
  std::vector<std::uint32_t> first_reply(rows_.size(), kNone);  // inbound index -> reply index
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& reply = rows_[i];
    if (reply.inbound || by_id.at(reply.id) != i) continue;
    if (reply.reply_to.empty()) {
      problems.skip("company message not answering anything (not an interaction)");
      continue;
    }
    auto it = by_id.find(reply.reply_to);
    if (it == by_id.end()) {
      problems.skip("company reply to a message not in the file (not an interaction)");
      continue;
    }
    const Row& message = rows_[it->second];
    if (!message.inbound) {
      problems.skip("company reply to a company message (not an interaction)");
      continue;
    }
    if (reply.at < message.at) {
      problems.skip("company reply stamped before the message it answers (reply ignored)");
      continue;
    }
    std::uint32_t& slot = first_reply[it->second];
    if (slot == kNone || reply.at < rows_[slot].at) slot = static_cast<std::uint32_t>(i);
  }
  const std::string platform = or_default(m_.platform, "twitter");
  const std::string kind = or_default(m_.kind_value, "message");
  const bool needs_reply = m_.needs_reply.value_or(true);
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& msg = rows_[i];
    if (!msg.inbound || by_id.at(msg.id) != i) continue;
    InteractionRow row;
    std::string company;
    if (first_reply[i] != kNone) {
      company = rows_[first_reply[i]].author;
      row.first_reply_at = rows_[first_reply[i]].at;
    } else if (auto p = msg.reply_to.empty() ? by_id.end() : by_id.find(msg.reply_to);
               p != by_id.end() && !rows_[p->second].inbound) {
      company = rows_[p->second].author;
    } else {
      for (std::size_t start = 0, end; (end = msg.mentions.find(' ', start)) != std::string::npos; start = end + 1)
        if (auto c = companies.find(msg.mentions.substr(start, end - start)); c != companies.end()) {
          company = c->second;
          break;
        }
    }
    if (company.empty()) {
      problems.skip("inbound message not linked to any company in the file");
      continue;
    }
    row.platform = platform;
    row.handle = handle_of(company);
    row.received_at = msg.at;
    row.kind = kind;
    row.needs_reply = needs_reply;
    row.id = stable_id(row.platform + '\x1f' + msg.id);
    emit(row);
  }
}

}  // namespace boardbrief::importer
