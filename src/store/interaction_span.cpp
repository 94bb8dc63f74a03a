#include "store/interaction_span.h"

#include "store/timestamp.h"

namespace boardbrief::store {

std::optional<std::pair<std::int64_t, std::int64_t>> interaction_span(Database& db) {
  // ORDER BY … LIMIT 1 walks the index from one end (MIN and MAX together would scan). The
  // bounds skip what no period can hold (a Unix epoch number sorts first, 'yesterday' last):
  // one such row must not make every day "outside the data" (the store counts it as bad).
  auto end = [&](const char* order) {
    auto [n, text] = db.query_count_and_text(
        std::string("SELECT COUNT(*), COALESCE(MAX(received_at), '') FROM (SELECT received_at FROM interaction "
                    "WHERE received_at >= '1970-01-01T00:00:00Z' AND received_at <= '9999-12-31T23:59:59Z' "
                    "ORDER BY received_at ") +
        order + " LIMIT 1)");
    return n == 0 ? std::nullopt : parse_utc_instant(text);
  };
  auto first = end("ASC");
  auto last = end("DESC");
  if (!first || !last) return std::nullopt;
  return std::make_pair(*first, *last);
}

}  // namespace boardbrief::store
