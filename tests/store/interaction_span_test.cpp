// Where the dialogue data begin and end: values no period can hold (a Unix epoch, a word) are
// not the first or the last message, or one bad row would mark every day as outside the data.
#include <doctest/doctest.h>

#include "store/interaction_span.h"
#include "store/timestamp.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;

TEST_SUITE("store") {
  TEST_CASE("the dialogue span skips epochs and words at either end of the received_at index") {
    auto dir = bt::scratch_dir("interaction-span");
    auto path = dir / "s.db";
    bt::make_db(path, bt::schema_sql() +
                          "INSERT INTO channel VALUES (1, 'x', '@a', 'A', 'own');"
                          "INSERT INTO interaction (id, channel_id, received_at, kind, needs_reply) VALUES "
                          "(1, 1, '2026-10-01T08:00:00Z', 'message', 1), (2, 1, '2026-10-20T17:30:00Z', 'message', 0),"
                          "(3, 1, '1791000000', 'message', 1), (4, 1, 'yesterday', 'message', 1);");
    boardbrief::store::Database db(path.string());
    auto span = boardbrief::store::interaction_span(db);
    REQUIRE(span.has_value());
    CHECK(span->first == *boardbrief::store::parse_utc_instant("2026-10-01T08:00:00Z"));
    CHECK(span->second == *boardbrief::store::parse_utc_instant("2026-10-20T17:30:00Z"));
  }
}
