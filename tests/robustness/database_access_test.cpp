// The database is only read: every command leaves the file and its -wal/-shm/-journal
// companions byte-identical; a report reads one snapshot while another process writes; a
// database locked by another process gives a clear error after the busy timeout, not a hang.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "robustness/robust_support.h"

using namespace boardbrief::robust;

namespace {

const std::string kPeriod = " --period 2026-10 --as-of 2026-11-02 ";

// The text of one key's value in the findings JSON ("kpis" up to the next top-level key).
std::string json_section(const std::string& json, const std::string& key, const std::string& next_key) {
  auto a = json.find("\n    \"" + key + "\"");
  auto b = json.find("\n    \"" + next_key + "\"");
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  return json.substr(a, b - a);
}

// The "value" of the KPI `metric` in the findings JSON.
double kpi_value(const std::string& json, const std::string& metric) {
  auto kpis = json.find("\"kpis\"");
  auto at = json.find("\"metric\" : \"" + metric + "\"", kpis);
  REQUIRE(at != std::string::npos);
  auto v = json.find("\"value\" : ", at);
  REQUIRE(v != std::string::npos);
  return std::strtod(json.c_str() + v + 10, nullptr);
}

// A child process that runs `body` and then waits to be killed.
struct Child {
  pid_t pid = -1;
  ~Child() { stop(); }
  void stop() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
      pid = -1;
    }
  }
};

}  // namespace

TEST_SUITE("robustness") {
  TEST_CASE("report, check and --findings-json leave the database and its companion files byte-identical") {
    auto dir = bt::scratch_dir("robust-untouched");
    SUBCASE("rollback journal") {
      auto db = sample_copy(dir / "journal.db");
      auto before = hash_db_files(db);
      CHECK(before.find("-journal=absent") != std::string::npos);
      auto r = report(db, kPeriod + "--out " + q(dir / "a.pdf") + " --findings-json " + q(dir / "a.json"));
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      CHECK(hash_db_files(db) == before);
      r = bt::run(bt::binary() + " check --db " + q(db));
      CHECK_MESSAGE(r.exit_code == 0, r.out);
      CHECK(hash_db_files(db) == before);
      r = bt::run(bt::binary() + " check --db " + q(db) + " --period 2026-10 --as-of 2026-11-02");
      CHECK_MESSAGE(r.exit_code == 0, r.out);
      CHECK(hash_db_files(db) == before);
      // A failing report (no data in the period) reads too.
      r = report(db, "--period 2020-01 --as-of 2026-11-02 --out " + q(dir / "b.pdf"));
      CHECK(r.exit_code == 3);
      CHECK(hash_db_files(db) == before);
    }
    SUBCASE("WAL mode with a -wal file that still holds committed pages") {
      auto db = sample_copy(dir / "wal.db");
      // A second connection keeps the -wal and -shm files in place while the commands run.
      SQLite::Database keeper(db.string(), SQLite::OPEN_READWRITE);
      keeper.exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0");
      keeper.exec("UPDATE channel SET name = name || ' ' WHERE id = 9");
      REQUIRE(fs::exists(db.string() + "-wal"));
      auto db_hash = hash_of(db), wal_hash = hash_of(db.string() + "-wal");
      for (std::string cmd :
           {" report --db " + q(db) + kPeriod + "--out " + q(dir / "w.pdf") + " --findings-json " + q(dir / "w.json"),
            " check --db " + q(db)}) {
        auto r = bt::run(bt::binary() + cmd);
        CHECK_MESSAGE(r.exit_code == 0, std::string(r.err + r.out));
        CHECK(hash_of(db) == db_hash);
        CHECK(hash_of(db.string() + "-wal") == wal_hash);
      }
      // The -shm file is SQLite's shared-memory index, not data: readers take read marks in
      // it by design. What matters is that the data pages are untouched (above).
    }
  }

  TEST_CASE("a report reads one snapshot while another process keeps writing (WAL)") {
    auto dir = bt::scratch_dir("robust-snapshot");
    auto db = sample_copy(dir / "live.db");
    auto base = report(db, kPeriod + "--out " + q(dir / "base.pdf") + " --findings-json " + q(dir / "base.json"));
    REQUIRE_MESSAGE(base.exit_code == 0, base.err);
    std::string base_json = slurp(dir / "base.json");
    const double base_needs = kpi_value(base_json, "needs_reply");
    const double base_impressions = kpi_value(base_json, "impressions");
    {
      SQLite::Database w(db.string(), SQLite::OPEN_READWRITE);
      w.exec("PRAGMA journal_mode = WAL");
    }
    // Each writer transaction adds one October message needing a reply (topic 'seq-<n>') and
    // 1000 impressions: a report that mixed two states would break impressions = 1000 × messages.
    const fs::path stop = dir / "stop";
    Child writer;
    writer.pid = ::fork();
    REQUIRE(writer.pid >= 0);
    if (writer.pid == 0) {
      try {
        SQLite::Database w(db.string(), SQLite::OPEN_READWRITE, 10000);
        for (int n = 1; n <= 200000 && !fs::exists(stop); ++n) {
          SQLite::Transaction t(w);
          w.exec("INSERT INTO interaction (id, channel_id, received_at, kind, needs_reply, topic) VALUES (" +
                 std::to_string(1000000 + n) + ", 1, '2026-10-15T10:00:00Z', 'comment', 1, 'seq-" + std::to_string(n) +
                 "')");
          w.exec(
              "UPDATE daily_metric SET value = value + 1000 WHERE channel_id = 1 AND metric = 'impressions' "
              "AND day = '2026-10-15'");
          t.commit();
        }
      } catch (...) {
        ::_exit(1);
      }
      ::_exit(0);
    }
    // Start the report only once the writer is well under way.
    SQLite::Database reader(db.string(), SQLite::OPEN_READONLY, 10000);
    for (int i = 0; i < 6000; ++i) {
      if (reader.execAndGet("SELECT COUNT(*) FROM interaction WHERE id > 1000000").getInt() >= 20) break;
      ::usleep(5000);
    }
    auto live = report(db, kPeriod + "--out " + q(dir / "live.pdf") + " --findings-json " + q(dir / "live.json"));
    spit(stop, "");
    int status = 0;
    ::waitpid(writer.pid, &status, 0);
    writer.pid = -1;
    REQUIRE_MESSAGE(live.exit_code == 0, live.err);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const int written = reader.execAndGet("SELECT COUNT(*) FROM interaction WHERE id > 1000000").getInt();

    std::string live_json = slurp(dir / "live.json");
    const double k = kpi_value(live_json, "needs_reply") - base_needs;
    CHECK(k >= 20);       // the report started after 20 commits
    CHECK(k <= written);  // and saw no more than were ever committed
    CHECK(kpi_value(live_json, "impressions") - base_impressions == doctest::Approx(1000 * k));

    // Every figure equals a report on the database as it was after exactly k commits.
    auto snap = sample_copy(dir / "snapshot.db");
    {
      SQLite::Database s(snap.string(), SQLite::OPEN_READWRITE);
      s.exec("ATTACH " + q(db) + " AS live");
      s.exec("INSERT INTO interaction SELECT * FROM live.interaction WHERE id > 1000000 AND id <= " +
             std::to_string(1000000 + static_cast<int>(k)));
      s.exec("UPDATE daily_metric SET value = value + " + std::to_string(1000 * static_cast<int>(k)) +
             " WHERE channel_id = 1 AND metric = 'impressions' AND day = '2026-10-15'");
    }
    auto again = report(snap, kPeriod + "--out " + q(dir / "snap.pdf") + " --findings-json " + q(dir / "snap.json"));
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    std::string snap_json = slurp(dir / "snap.json");
    CHECK(json_section(live_json, "kpis", "previous_period") == json_section(snap_json, "kpis", "previous_period"));
    CHECK(json_section(live_json, "findings", "interactions_read") ==
          json_section(snap_json, "findings", "interactions_read"));
  }

  TEST_CASE("a database locked by another process gives exit 3 naming the file after the busy timeout") {
    auto dir = bt::scratch_dir("robust-locked");
    auto db = sample_copy(dir / "locked.db");
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    Child locker;
    locker.pid = ::fork();
    REQUIRE(locker.pid >= 0);
    if (locker.pid == 0) {
      try {
        SQLite::Database w(db.string(), SQLite::OPEN_READWRITE);
        w.exec("BEGIN EXCLUSIVE");
        w.exec("UPDATE channel SET name = name WHERE id = 1");
        (void)!::write(ready[1], "x", 1);
        ::pause();
      } catch (...) {}
      ::_exit(1);
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    ::close(ready[0]);
    ::close(ready[1]);
    const std::string locked = ": database is locked by another process (gave up after the busy timeout)\n";
    // `timeout` turns a hang into exit 124 instead of a stuck test run.
    auto r = bt::run("timeout 60 " + bt::binary() + " report --db " + q(db) + kPeriod + "--out " + q(dir / "x.pdf"));
    CHECK(r.exit_code == 3);
    CHECK(r.err == "boardbrief: error: " + db.string() + locked);
    CHECK_FALSE(fs::exists(dir / "x.pdf"));
    r = bt::run("timeout 60 " + bt::binary() + " check --db " + q(db));
    CHECK(r.exit_code == 3);
    CHECK(r.err == "boardbrief: error: " + db.string() + locked);
    locker.stop();
    // Once the lock is gone the same command succeeds.
    r = bt::run(bt::binary() + " report --db " + q(db) + kPeriod + "--out " + q(dir / "x.pdf"));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
  }
}
