#include "store/writer.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>

#include "base/error.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief;
using namespace date::literals;
using namespace std::chrono_literals;

namespace {

void write_small_db(store::DatabaseWriter& w) {
  w.add_channel({1, "facebook", "norrealbaek", "Nørre Ålbæk Energi", model::Owner::Own});
  w.add_channel({2, "x", "@gronstrom", "GrønStrøm", model::Owner::Competitor});
  w.add_metric({"followers", "Followers", model::Aggregation::Last, "count", model::Better::Up});
  w.add_daily(1, date::local_days{2026_y / date::October / 31}, "followers", 48200);
  w.add_daily(2, date::local_days{2026_y / date::March / 1}, "followers", 9100);
  store::InteractionRecord answered;
  answered.channel_id = 1;
  answered.received_at = date::sys_days{2026_y / date::October / 31} + 23h + 30min;
  answered.kind = "message";
  answered.needs_reply = true;
  answered.first_reply_at = answered.received_at + 95min;
  answered.sentiment = -0.5;
  answered.topic = "billing";
  CHECK(w.add_interaction(answered) == 1);
  store::InteractionRecord bare;
  bare.channel_id = 2;
  bare.received_at = date::sys_days{2024_y / date::February / 29};
  bare.kind = "mention";
  CHECK(w.add_interaction(bare) == 2);
  w.add_target({"unanswered_share", std::nullopt, date::local_days{2026_y / date::January / 1},
                date::local_days{2026_y / date::December / 31}, 0.15});
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("format_instant writes UTC ISO-8601 with a Z and format_day YYYY-MM-DD") {
    CHECK(store::format_instant(date::sys_days{2026_y / date::October / 31} + 23h + 30min) == "2026-10-31T23:30:00Z");
    CHECK(store::format_instant(date::sys_days{2024_y / date::February / 29} + 5s) == "2024-02-29T00:00:05Z");
    CHECK(store::format_day(date::local_days{2026_y / date::March / 1}) == "2026-03-01");
  }

  TEST_CASE("a committed database holds exactly the rows written, in the current schema") {
    const fs::path path = testing::scratch_dir("writer-roundtrip") / "small.db";
    {
      store::DatabaseWriter w(path.string(), false);
      write_small_db(w);
      w.commit();
    }
    CHECK(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator()) == 1);
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK(
        db.execAndGet("SELECT group_concat(id || ':' || platform || ':' || handle || ':' || name || ':' || owner, '|') "
                      "FROM (SELECT * FROM channel ORDER BY id)")
            .getString() == "1:facebook:norrealbaek:Nørre Ålbæk Energi:own|2:x:@gronstrom:GrønStrøm:competitor");
    CHECK(db.execAndGet("SELECT key || ',' || label || ',' || aggregation || ',' || unit || ',' || better FROM metric")
              .getString() == "followers,Followers,last,count,up");
    CHECK(db.execAndGet("SELECT group_concat(channel_id || ' ' || day || ' ' || metric || ' ' || value, '|') "
                        "FROM (SELECT * FROM daily_metric ORDER BY channel_id)")
              .getString() == "1 2026-10-31 followers 48200.0|2 2026-03-01 followers 9100.0");

    SQLite::Statement q(db,
                        "SELECT id, channel_id, received_at, kind, needs_reply, first_reply_at, sentiment, topic "
                        "FROM interaction ORDER BY id");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt64() == 1);
    CHECK(q.getColumn(2).getString() == "2026-10-31T23:30:00Z");
    CHECK(q.getColumn(3).getString() == "message");
    CHECK(q.getColumn(4).getInt() == 1);
    CHECK(q.getColumn(5).getString() == "2026-11-01T01:05:00Z");
    CHECK(q.getColumn(6).getDouble() == -0.5);
    CHECK(q.getColumn(7).getString() == "billing");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(1).getInt64() == 2);
    CHECK(q.getColumn(2).getString() == "2024-02-29T00:00:00Z");
    CHECK(q.getColumn(4).getInt() == 0);
    CHECK(q.getColumn(5).isNull());
    CHECK(q.getColumn(6).isNull());
    CHECK(q.getColumn(7).isNull());
    CHECK_FALSE(q.executeStep());

    CHECK(db.execAndGet(
                "SELECT metric || ' ' || ifnull(channel_id, 'all') || ' ' || valid_from || ' ' || valid_to || ' ' || "
                "value FROM target")
              .getString() == "unanswered_share all 2026-01-01 2026-12-31 0.15");
  }

  TEST_CASE("an existing file is refused without replace and replaced with it") {
    const fs::path dir = testing::scratch_dir("writer-overwrite");
    const fs::path path = dir / "demo.db";
    testing::make_db(path, "CREATE TABLE precious (x); INSERT INTO precious VALUES (42);");
    try {
      store::DatabaseWriter w(path.string(), false);
      FAIL("expected OutputError");
    } catch (const OutputError& e) {
      CHECK(std::string(e.what()) == "'" + path.string() + "' exists (use --force to replace it)");
    }
    {
      SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
      CHECK(db.execAndGet("SELECT x FROM precious").getInt() == 42);
    }
    {
      store::DatabaseWriter w(path.string(), true);
      write_small_db(w);
      w.commit();
    }
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK_FALSE(db.tableExists("precious"));
    CHECK(db.execAndGet("SELECT count(*) FROM interaction").getInt() == 2);
  }

  TEST_CASE("a writer destroyed without commit leaves no file and keeps the old one") {
    const fs::path dir = testing::scratch_dir("writer-abandon");
    const fs::path fresh = dir / "fresh.db";
    {
      store::DatabaseWriter w(fresh.string(), false);
      write_small_db(w);
      std::size_t temporaries = 0;  // the rows go to a temporary beside it
      for (const auto& e : fs::directory_iterator(dir))
        temporaries += e.path().filename().string().rfind("fresh.db.tmp-", 0) == 0;
      CHECK(temporaries == 1);
      CHECK_FALSE(fs::exists(fresh));
    }
    CHECK_FALSE(fs::exists(fresh));
    CHECK(fs::is_empty(dir));

    const fs::path old = dir / "old.db";
    testing::make_db(old, "CREATE TABLE precious (x);");
    { store::DatabaseWriter w(old.string(), true); }
    SQLite::Database db(old.string(), SQLite::OPEN_READONLY);
    CHECK(db.tableExists("precious"));
    CHECK(fs::directory_iterator(dir)->path().filename() == "old.db");  // the only file
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }

  TEST_CASE("a rejected row names the table and the item, and nothing is left behind") {
    const fs::path dir = testing::scratch_dir("writer-reject");
    const fs::path path = dir / "bad.db";
    {
      store::DatabaseWriter w(path.string(), false);
      w.add_metric({"followers", "Followers", model::Aggregation::Last, "count", model::Better::Up});
      store::InteractionRecord r;
      r.channel_id = 1;
      r.kind = "message";
      r.sentiment = 1.5;  // outside [-1, 1]: the schema's CHECK rejects it
      CHECK_THROWS_WITH_AS(w.add_interaction(r),
                           doctest::Contains(("writing interaction 1 to '" + path.string() + "'").c_str()),
                           OutputError);
      CHECK_THROWS_WITH_AS(
          w.add_metric({"followers", "Followers", model::Aggregation::Last, "count", model::Better::Up}),
          doctest::Contains("writing metric 'followers'"), OutputError);
    }
    CHECK(fs::is_empty(dir));
  }

  TEST_CASE("a database in a missing directory cannot be created") {
    const fs::path path = testing::scratch_dir("writer-missing-dir") / "no" / "such" / "x.db";
    CHECK_THROWS_WITH_AS(store::DatabaseWriter(path.string(), false),
                         doctest::Contains(("cannot create '" + path.string() + "'").c_str()), OutputError);
  }
}
