#include "importer/interaction_rows.h"

#include "base/error.h"
#include "base/quote.h"
#include "importer/values.h"

namespace boardbrief::importer {

namespace {

std::string or_default(const std::string& v, const char* d) { return v.empty() ? d : v; }

std::string utc(date::sys_seconds t) { return date::format("%FT%TZ", t); }

std::optional<std::size_t> first_reply_column(const Mapping& m, const Header& header) {
  return m.first_reply_column.empty() ? header.find("first_reply_at") : header.find(m.first_reply_column);
}

}  // namespace

std::int64_t stable_id(std::string_view key) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h &= 0x7fffffffffffffffull;
  return h == 0 ? 1 : static_cast<std::int64_t>(h);
}

void check_reply_rule(const Mapping& m, const Header& header) {
  if (m.conversation_log || m.needs_reply || first_reply_column(m, header)) return;
  if (header.find(or_default(m.needs_reply_column, "needs_reply"))) return;
  throw UsageError(header.path() +
                   ": no column says which messages need a reply (no first_reply_at, no needs_reply): give "
                   "--needs-reply true (every message needs a reply, e.g. a care inbox) or --needs-reply false (none "
                   "does, e.g. mentions), or name the columns with --first-reply-column or --needs-reply-column");
}

std::string conversation_log_hint(const Mapping& m, const Header& header) {
  if (m.conversation_log || !header.find("inbound")) return "";
  if (!header.find("in_response_to_tweet_id") && !header.find("response_tweet_id")) return "";
  return "; the file looks like a conversation log (replies are rows of their own, columns inbound and "
         "in_response_to_tweet_id): use --conversation-log";
}

InteractionRowConverter::InteractionRowConverter(const Mapping& m, const Header& header)
    : m_(m), header_fields_(header.size()), names_(header.names()), instants_(m.tz, m.time_format) {
  const std::string received = or_default(m.received_column, "received_at");
  if (!header.find(received)) {
    const std::string hint = conversation_log_hint(m, header);
    if (!hint.empty())
      throw DataError(header.path() + ":" + std::to_string(header.line()) + ": no column '" + received + "'" + hint);
  }
  received_ = header.require(received, "for the received time (use --received-column)");
  if (!m.first_reply_column.empty())
    first_reply_ = header.require(m.first_reply_column, "for the first reply time");
  else
    first_reply_ = header.find("first_reply_at");
  channel_.emplace(m, header);
  if (m.kind_value.empty())
    kind_ = m.kind_column.empty() ? header.find("kind") : header.require(m.kind_column, "for the kind");
  if (!m.needs_reply)
    needs_reply_ = m.needs_reply_column.empty() ? header.find("needs_reply")
                                                : header.require(m.needs_reply_column, "for needs-reply");
  else
    needs_reply_default_ = *m.needs_reply;
  sentiment_ =
      m.sentiment_column.empty() ? header.find("sentiment") : header.require(m.sentiment_column, "for the sentiment");
  topic_ = m.topic_column.empty() ? header.find("topic") : header.require(m.topic_column, "for the topic");
  id_ = m.id_column.empty() ? header.find("id") : header.require(m.id_column, "for the message id");
}

void InteractionRowConverter::convert(const CsvRecord& r, std::vector<InteractionRow>& out, Problems& problems) {
  if (!has_header_fields(r, header_fields_, problems)) return;
  const std::size_t before = problems.error_count();
  const auto col = [](std::size_t i) { return i + 1; };
  const auto in_column = [&](std::size_t i) { return " (column " + names_[i] + ")"; };
  InteractionRow row;
  channel_->read(r, row.platform, row.handle, problems);

  ParsedInstant received = instants_.parse(r.fields[received_]);
  if (!received.value) problems.error(r.line, col(received_), received.error + in_column(received_));
  if (first_reply_ && !is_missing(r.fields[*first_reply_])) {
    ParsedInstant reply = instants_.parse(r.fields[*first_reply_]);
    if (!reply.value)
      problems.error(r.line, col(*first_reply_), reply.error + in_column(*first_reply_));
    else if (received.value && *reply.value < *received.value)
      problems.error(r.line, col(*first_reply_),
                     "first reply " + utc(*reply.value) + " is before the message was received (" +
                         utc(*received.value) + ")" + in_column(*first_reply_));
    row.first_reply_at = reply.value;
  }
  row.received_at = received.value.value_or(date::sys_seconds{});
  row.kind = kind_ ? r.fields[*kind_] : or_default(m_.kind_value, "message");
  if (row.kind.empty()) row.kind = "message";
  row.needs_reply = needs_reply_default_;
  if (needs_reply_) {
    auto f = parse_flag(r.fields[*needs_reply_]);
    if (!f)
      problems.error(
          r.line, col(*needs_reply_),
          "needs-reply " + quote(r.fields[*needs_reply_]) + " is not true or false" + in_column(*needs_reply_));
    else
      row.needs_reply = *f;
  }
  if (sentiment_ && !is_missing(r.fields[*sentiment_])) {
    row.sentiment = parse_sentiment(r.fields[*sentiment_]);
    if (!row.sentiment)
      problems.error(r.line, col(*sentiment_),
                     "sentiment " + quote(r.fields[*sentiment_]) +
                         " is not a number in [-1, 1] or positive/neutral/negative" + in_column(*sentiment_));
  }
  if (topic_) row.topic = r.fields[*topic_];
  if (problems.error_count() != before) return;

  if (id_) {
    if (r.fields[*id_].empty()) {
      problems.error(r.line, col(*id_), "the message id is empty" + in_column(*id_));
      return;
    }
    row.id = stable_id(row.platform + '\x1f' + r.fields[*id_]);
  } else {
    row.identity = row.platform + '\x1f' + row.handle + '\x1f' +
                   std::to_string(row.received_at.time_since_epoch().count()) + '\x1f' + row.kind;
  }
  out.push_back(std::move(row));
}

}  // namespace boardbrief::importer
