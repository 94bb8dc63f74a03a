// Binding an import's values to SQLite statements (store only): empty texts and missing numbers
// are NULL; texts are bound without a copy unless `copy` (then the string may go before the
// statement is stepped).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>

namespace boardbrief::store {

inline void bind_text_or_null(SQLite::Statement& s, int i, const std::string& v, bool copy = false) {
  if (v.empty())
    s.bind(i);
  else if (copy)
    s.bind(i, v);
  else
    s.bindNoCopy(i, v);
}

inline void bind_or_null(SQLite::Statement& s, int i, const std::optional<double>& v) {
  if (v)
    s.bind(i, *v);
  else
    s.bind(i);
}

// The interaction columns after its id, in table order (channel_id, received_at, kind,
// needs_reply, first_reply_at, sentiment, topic), to the parameters from `first` on. An empty
// `reply` or `topic` is NULL.
struct InteractionColumns {
  std::int64_t channel_id = 0;
  const std::string& received;
  const std::string& kind;
  bool needs_reply = false;
  const std::string& reply;
  std::optional<double> sentiment;
  const std::string& topic;
};

inline void bind_columns(SQLite::Statement& s, int first, const InteractionColumns& c, bool copy = false) {
  s.bind(first, c.channel_id);
  bind_text_or_null(s, first + 1, c.received, copy);
  bind_text_or_null(s, first + 2, c.kind, copy);
  s.bind(first + 3, c.needs_reply ? 1 : 0);
  bind_text_or_null(s, first + 4, c.reply, copy);
  bind_or_null(s, first + 5, c.sentiment);
  bind_text_or_null(s, first + 6, c.topic, copy);
}

}  // namespace boardbrief::store
