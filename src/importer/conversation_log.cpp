#include "importer/conversation_log.h"

#include <cctype>
#include <cstdint>
#include <string_view>
#include <utility>

#include "base/quote.h"
#include "importer/channel_columns.h"
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
    : m_(m),
      header_fields_(header.size()),
      names_(header.names()),
      instants_(m.tz, m.time_format),
      platform_(or_default(m.platform, "twitter")),
      kind_(or_default(m.kind_value, "message")),
      needs_reply_(m.needs_reply.value_or(true)) {
  id_ = header.require(or_default(m.id_column, "tweet_id"), "for the message id (use --id-column)");
  author_ = header.require(or_default(m.author_column, "author_id"), "for the author (use --author-column)");
  inbound_ = header.require(or_default(m.inbound_column, "inbound"), "for the inbound flag (use --inbound-column)");
  time_ = header.require(or_default(m.received_column, "created_at"), "for the time (use --received-column)");
  reply_to_ = header.require(or_default(m.reply_to_column, "in_response_to_tweet_id"),
                             "for the id of the message answered (use --reply-to-column)");
  text_ = m.text_column.empty() ? header.find("text") : header.require(m.text_column, "for the text");
}

std::optional<model::LogEntry> ConversationLog::read(const CsvRecord& r, Problems& problems) {
  if (!has_header_fields(r, header_fields_, problems)) return std::nullopt;
  const auto in_column = [&](std::size_t i) { return " (column " + names_[i] + ")"; };
  model::LogEntry e;
  e.id = normalise_id(r.fields[id_]);
  e.author = r.fields[author_];
  bool ok = true;
  if (e.id.empty()) problems.error(r.line, id_ + 1, "the message id is empty" + in_column(id_)), ok = false;
  if (e.author.empty()) problems.error(r.line, author_ + 1, "the author is empty" + in_column(author_)), ok = false;
  auto inbound = parse_flag(r.fields[inbound_]);
  if (!inbound)
    problems.error(r.line, inbound_ + 1,
                   "inbound " + quote(r.fields[inbound_]) + " is not true or false" + in_column(inbound_)),
        ok = false;
  ParsedInstant at = instants_.parse(r.fields[time_]);
  if (!at.value) problems.error(r.line, time_ + 1, at.error + in_column(time_)), ok = false;
  if (!ok) return std::nullopt;
  e.inbound = *inbound;
  e.at = at.value->time_since_epoch().count();
  if (!is_missing(r.fields[reply_to_])) e.reply_to = normalise_id(r.fields[reply_to_]);
  if (e.inbound && text_) e.mentions = mentions(r.fields[*text_]);
  if (!e.inbound) companies_.emplace(lower(e.author), e.author);
  return e;
}

std::optional<InteractionRow> ConversationLog::interaction(const model::LogMessage& msg, Problems& problems) const {
  InteractionRow row;
  std::string company = msg.reply_author.empty() ? msg.answered_author : msg.reply_author;
  if (!msg.reply_author.empty()) row.first_reply_at = date::sys_seconds{std::chrono::seconds{*msg.reply_at}};
  if (company.empty()) {
    for (std::size_t start = 0, end; (end = msg.mentions.find(' ', start)) != std::string::npos; start = end + 1)
      if (auto c = companies_.find(msg.mentions.substr(start, end - start)); c != companies_.end()) {
        company = c->second;
        break;
      }
  }
  if (company.empty()) {
    problems.skip("inbound message not linked to any company in the file");
    return std::nullopt;
  }
  row.platform = platform_;
  row.handle = handle_of(company);
  row.received_at = date::sys_seconds{std::chrono::seconds{msg.at}};
  row.kind = kind_;
  row.needs_reply = needs_reply_;
  row.id = stable_id(row.platform + '\x1f' + msg.id);
  return row;
}

void ConversationLog::count(const model::LogSkips& skips, Problems& problems) {
  const std::pair<std::size_t, const char*> reasons[] = {
      {skips.repeated_ids, "repeated message id"},
      {skips.not_answering, "company message not answering anything (not an interaction)"},
      {skips.unknown_message, "company reply to a message not in the file (not an interaction)"},
      {skips.to_company, "company reply to a company message (not an interaction)"},
      {skips.before_message, "company reply stamped before the message it answers (reply ignored)"}};
  for (const auto& [n, reason] : reasons)
    if (n > 0) problems.skip(reason, n);
}

}  // namespace boardbrief::importer
