#include "app/interaction_span.h"

#include "store/timestamp.h"

namespace boardbrief::app {

std::optional<std::pair<std::int64_t, std::int64_t>> interaction_span(store::Database& db) {
  // ORDER BY … LIMIT 1 walks the index from one end (MIN and MAX together would scan).
  auto end = [&](const char* order) {
    auto [n, text] = db.query_count_and_text(std::string("SELECT COUNT(*), COALESCE(MAX(received_at), '') FROM "
                                                         "(SELECT received_at FROM interaction ORDER BY received_at ") +
                                             order + " LIMIT 1)");
    return n == 0 ? std::nullopt : store::parse_utc_instant(text);
  };
  auto first = end("ASC");
  auto last = end("DESC");
  if (!first || !last) return std::nullopt;
  return std::make_pair(*first, *last);
}

}  // namespace boardbrief::app
