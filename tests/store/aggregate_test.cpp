// aggregate_metrics reads the window once in primary-key order and aggregates in C++: it must
// give what the grouped SQL per range gives (sum, mean, max, last, days), on random data with
// overlapping ranges, gaps and rows outside every range.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <sstream>
#include <tuple>

#include "store/database.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
using boardbrief::model::DayRange;

TEST_SUITE("store") {
  TEST_CASE("one-pass aggregation equals the grouped SQL for every range, channel and metric") {
    auto dir = bt::scratch_dir("store-aggregate-random");
    std::string path = (dir / "r.db").string();
    std::ostringstream sql;
    sql << bt::schema_sql()
        << "INSERT INTO channel VALUES "
           "(1,'x','@a','A','own'),(2,'x','@b','B','own'),(7,'facebook','c','C','competitor');"
           "INSERT INTO metric VALUES ('followers','F','last','count','up'),('impressions','I','sum','count','up'),"
           "('rate','R','mean','ratio','up');";
    std::mt19937_64 rng(7);
    const date::local_days start{date::year{2026} / date::January / 1};
    for (int ch : {1, 2, 7})
      for (const char* m : {"followers", "impressions", "rate"})
        for (int i = 0; i < 300; ++i) {
          if (rng() % 5 == 0) continue;  // gaps
          sql << "INSERT INTO daily_metric VALUES (" << ch << ",'" << date::format("%F", start + date::days{i}) << "','"
              << m << "'," << static_cast<double>(rng() % 100000) / 8.0 << ");";
        }
    bt::make_db(path, sql.str());

    std::vector<DayRange> ranges;
    for (int i = 0; i < 12; ++i) {
      const auto a = start + date::days{static_cast<int>(rng() % 280)};
      ranges.push_back({a, a + date::days{static_cast<int>(rng() % 60)}});
    }
    ranges.push_back({start + date::days{40}, start + date::days{40}});  // one day
    ranges.push_back({start - date::days{30}, start - date::days{1}});   // before any data

    boardbrief::store::Database db(path);
    auto got = db.aggregate_metrics(ranges);

    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(
        raw,
        "SELECT channel_id, metric, SUM(value), AVG(value), MAX(value), COUNT(*), "
        "(SELECT value FROM daily_metric l WHERE l.channel_id = d.channel_id AND l.metric = d.metric "
        " AND l.day BETWEEN ?1 AND ?2 ORDER BY day DESC LIMIT 1) "
        "FROM daily_metric d WHERE day BETWEEN ?1 AND ?2 GROUP BY channel_id, metric ORDER BY channel_id, metric");
    std::size_t k = 0, expected = 0;
    for (std::size_t r = 0; r < ranges.size(); ++r) {
      q.bind(1, date::format("%F", ranges[r].first));
      q.bind(2, date::format("%F", ranges[r].last));
      while (q.executeStep()) {
        ++expected;
        REQUIRE(k < got.size());
        const auto& a = got[k++];
        CAPTURE(r);
        CHECK(a.range == r);
        CHECK(a.channel_id == q.getColumn(0).getInt64());
        CHECK(a.metric == q.getColumn(1).getString());
        CHECK(a.sum == doctest::Approx(q.getColumn(2).getDouble()));
        CHECK(a.mean == doctest::Approx(q.getColumn(3).getDouble()));
        CHECK(a.max == q.getColumn(4).getDouble());
        CHECK(a.days == q.getColumn(5).getInt());
        CHECK(a.last == q.getColumn(6).getDouble());
      }
      q.reset();
    }
    CHECK(got.size() == expected);
    CHECK(expected > 50);
  }
}
