// The provenance fingerprint: accumulated while the store reads, the same for the same data
// (whatever order the rows were inserted in), different when one value changes.
#include <doctest/doctest.h>

#include <string>

#include "store/database.h"
#include "store/fingerprint.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
using boardbrief::store::Database;
using boardbrief::store::RowHash;

namespace {

using namespace date::literals;

const char* kChannels = R"sql(
INSERT INTO channel VALUES (1, 'facebook', '@a', 'A on Facebook', 'own'), (2, 'x', '@b', 'B on X', 'own');
INSERT INTO metric VALUES ('followers', 'Followers', 'last', 'count', 'up'),
                          ('impressions', 'Impressions', 'sum', 'count', 'up');
)sql";

const char* kDaily = R"sql(
INSERT INTO daily_metric VALUES (1, '2026-10-01', 'followers', 100), (1, '2026-10-15', 'followers', 120),
  (1, '2026-10-01', 'impressions', 1000), (2, '2026-10-02', 'impressions', 250);
)sql";

const char* kDailyReordered = R"sql(
INSERT INTO daily_metric VALUES (2, '2026-10-02', 'impressions', 250), (1, '2026-10-01', 'impressions', 1000),
  (1, '2026-10-15', 'followers', 120), (1, '2026-10-01', 'followers', 100);
)sql";

const char* kInteractions = R"sql(
INSERT INTO interaction VALUES
  (1, 1, '2026-10-01T08:00:00Z', 'message', 1, '2026-10-01T09:30:00Z', 0.5, 'billing'),
  (2, 1, '2026-10-31T23:30:00Z', 'message', 1, NULL, -0.8, 'outage'),
  (3, 2, '2026-10-15T12:00:00Z', 'comment', 0, NULL, NULL, NULL);
)sql";

struct Read {
  std::string fingerprint;
  std::int64_t rows = 0;
};

// Reads the way a report does: channels, aggregates, the interaction scan.
Read read_all(const std::string& path) {
  Database db(path, 100);
  db.channels();
  db.aggregate_metrics(
      {boardbrief::model::DayRange{date::local_days{2026_y / 10 / 1}, date::local_days{2026_y / 10 / 31}}});
  db.scan_interactions(1790000000, 1800000000, [](const boardbrief::model::InteractionRow&) {});
  return {db.fingerprint(), db.fingerprinted_rows()};
}

std::string make(const std::string& dir, const std::string& name, const std::string& daily,
                 const std::string& interactions = kInteractions) {
  std::string path = dir + "/" + name;
  bt::make_db(path, bt::schema_sql() + kChannels + daily + interactions);
  return path;
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("the fingerprint covers the rows read and only depends on their values") {
    auto dir = bt::scratch_dir("store-fingerprint").string();
    Read a = read_all(make(dir, "a.db", kDaily));
    Read again = read_all(make(dir, "again.db", kDaily));
    Read reordered = read_all(make(dir, "reordered.db", kDailyReordered));
    CHECK(a.fingerprint.size() == 16);
    // 2 channels + 4 daily rows + 3 interactions.
    CHECK(a.rows == 2 + 4 + 3);
    CHECK(again.fingerprint == a.fingerprint);
    CHECK(reordered.fingerprint == a.fingerprint);

    std::string one_value = kDaily;
    one_value.replace(one_value.find("250"), 3, "251");
    CHECK(read_all(make(dir, "value.db", one_value)).fingerprint != a.fingerprint);

    std::string one_reply = kInteractions;
    one_reply.replace(one_reply.find("09:30:00Z"), 9, "09:31:00Z");
    CHECK(read_all(make(dir, "reply.db", kDaily, one_reply)).fingerprint != a.fingerprint);

    std::string one_sentiment = kInteractions;
    one_sentiment.replace(one_sentiment.find("-0.8"), 4, "-0.7");
    CHECK(read_all(make(dir, "sentiment.db", kDaily, one_sentiment)).fingerprint != a.fingerprint);
  }

  TEST_CASE("a row hash separates values, types and field boundaries") {
    CHECK(RowHash().add(std::int64_t{1}).finish() != RowHash().add(1.0).finish());
    CHECK(RowHash().add("ab").add("c").finish() != RowHash().add("a").add("bc").finish());
    CHECK(RowHash().add(0.0).finish() == RowHash().add(-0.0).finish());
    CHECK(RowHash().add_null().finish() != RowHash().add(std::int64_t{0}).finish());
  }
}
