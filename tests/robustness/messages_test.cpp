// Messages through the real binary: untrusted text is quoted (control characters escaped, long
// values cut with their length) so every error stays one line; SQLite's unclear messages are
// replaced by ones that say what to do (docs/errors.md, "Quoting" and "Opening the database").
#include <unistd.h>

#include <algorithm>

#include "robustness/robust_support.h"

using namespace boardbrief::robust;

namespace {

const std::string kPeriod = " --period 2026-10 --as-of 2026-11-02 ";

void one_clean_line(const std::string& err) {
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  CHECK(err.find('\x1b') == std::string::npos);
  CHECK(err.find('\r') == std::string::npos);
}

}  // namespace

TEST_SUITE("robustness") {
  TEST_CASE("database text in an error is quoted: no raw newline or escape sequence, long values cut") {
    auto dir = bt::scratch_dir("robust-msg-quote");
    SUBCASE("a forged line in a channel's owner") {
      auto db = sample_copy(dir / "s.db",
                            "PRAGMA ignore_check_constraints = 1; UPDATE channel SET owner = 'ours' || "
                            "char(10) || char(27) || '[2Kboardbrief: wrote /tmp/x.pdf' WHERE id = 2");
      auto r = report(db, kPeriod + "--out " + q(dir / "o.pdf"));
      CHECK(r.exit_code == 3);
      CHECK(r.err == "boardbrief: error: " + db.string() +
                         ": table channel, row id 2: owner 'ours\\n\\x1B[2Kboardbrief: wrote /tmp/x.pdf' is neither "
                         "'own' nor 'competitor'\n");
      one_clean_line(r.err);
    }
    SUBCASE("a 5 MB aggregation value") {
      auto db = sample_copy(dir / "s.db",
                            "PRAGMA ignore_check_constraints = 1; UPDATE metric SET aggregation = "
                            "'median' || hex(zeroblob(2621440)) WHERE key = 'posts'");
      auto r = report(db, kPeriod + "--out " + q(dir / "o.pdf"));
      CHECK(r.exit_code == 3);
      CHECK(r.err.size() < 400);
      CHECK(r.err.find("aggregation 'median000") != std::string::npos);
      CHECK(r.err.find("\u2026' (5242886 bytes) is not sum, last, mean or max") != std::string::npos);
      one_clean_line(r.err);
    }
  }

  TEST_CASE("CSV text in import errors is escaped") {
    auto dir = bt::scratch_dir("robust-msg-csv");
    spit(dir / "x.csv",
         "\"time\",\"impressions\"\n\"2026-10-30 09:00 +0000\",\"12\x1b[31mred\nboardbrief: wrote x\"\n");
    auto r = bt::run(bt::binary() + " import metrics --db " + q(dir / "i.db") +
                     " --platform twitter --handle @acme --aggregate sum --day-column time --tz Europe/Copenhagen"
                     " --column impressions=impressions " +
                     q(dir / "x.csv"));
    CHECK(r.exit_code != 0);
    CHECK(r.err.find('\x1b') == std::string::npos);
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
      CAPTURE(line);
      CHECK(line.rfind("boardbrief: ", 0) == 0);  // no line of the CSV's making
    }
    CHECK(r.err.find("value '12\\x1B[31mred\\nboardbrief: wrote x' is not a number") != std::string::npos);
    // A 1 MB cell is cut, with its length.
    spit(dir / "big.csv",
         "\"time\",\"impressions\"\n\"2026-10-30 09:00 +0000\",\"" + std::string(1 << 20, 'z') + "\"\n");
    r = bt::run(bt::binary() + " import metrics --db " + q(dir / "i.db") +
                " --platform twitter --handle @acme --aggregate sum --day-column time --tz Europe/Copenhagen"
                " --column impressions=impressions " +
                q(dir / "big.csv"));
    CHECK(r.exit_code != 0);
    CHECK(r.err.size() < 1000);
    CHECK(r.err.find("\u2026' (1048576 bytes) is not a number") != std::string::npos);
  }

  TEST_CASE("a hot journal left by a killed writer gets a message saying what to do") {
    auto dir = bt::scratch_dir("robust-msg-journal");
    auto db = sample_copy(dir / "h.db");
    // A writer killed mid-transaction with pages already spilled: the journal is hot.
    auto killed = bt::run("cd " + q(dir) +
                          " && python3 -c \"import sqlite3, os\n"
                          "c = sqlite3.connect('h.db', isolation_level=None)\n"
                          "c.execute('PRAGMA cache_size = 2')\nc.execute('BEGIN')\n"
                          "c.execute('UPDATE daily_metric SET value = value + 1')\nos._exit(9)\"");
    REQUIRE_MESSAGE(fs::exists(dir / "h.db-journal"), killed.err);
    const auto before = hash_db_files(db);
    auto r = report(db, kPeriod + "--out " + q(dir / "o.pdf"));
    CHECK(r.exit_code == 3);
    CHECK(r.err == "boardbrief: error: " + db.string() + ": an interrupted write (a killed import?) left " +
                       db.string() +
                       "-journal to be rolled back, and boardbrief only reads; run the import again, or open the "
                       "database once read-write (sqlite3 " +
                       db.string() + " 'PRAGMA quick_check'), then retry\n");
    auto c = bt::run(bt::binary() + " check --db " + q(db));
    CHECK(c.exit_code == 3);
    CHECK(c.err == r.err);
    CHECK(hash_db_files(db) == before);
  }

  TEST_CASE("unclear SQLite messages are replaced: a WITHOUT ROWID target, a WAL database without its -shm") {
    auto dir = bt::scratch_dir("robust-msg-sqlite");
    SUBCASE("target WITHOUT ROWID (was: no such column: rowid)") {
      auto db = sample_copy(
          dir / "t.db",
          "CREATE TABLE t2 (metric TEXT NOT NULL, channel_id INTEGER, valid_from TEXT NOT NULL, "
          "valid_to TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (metric, valid_from)) WITHOUT ROWID; "
          "INSERT OR IGNORE INTO t2 SELECT * FROM target; DROP TABLE target; ALTER TABLE t2 RENAME TO target");
      auto r = report(db, kPeriod + "--out " + q(dir / "o.pdf"));
      CHECK(r.exit_code == 3);
      CHECK(r.err == "boardbrief: error: " + db.string() +
                         ": table target is a view or a WITHOUT ROWID table; schema version 1 declares it an ordinary "
                         "table (see schema.sql)\n");
    }
    SUBCASE("WAL database in a directory the reader cannot write (was: unable to open database file)") {
      fs::create_directories(dir / "ro");
      auto db = sample_copy(dir / "ro" / "k.db");
      auto killed =
          bt::run("cd " + q(dir / "ro") +
                  " && python3 -c \"import sqlite3, os\n"
                  "c = sqlite3.connect('k.db', isolation_level=None)\nc.execute('PRAGMA journal_mode = WAL')\n"
                  "c.execute('UPDATE channel SET name = name')\nos._exit(9)\"");
      REQUIRE_MESSAGE(fs::exists(db.string() + "-wal"), killed.err);
      fs::remove(db.string() + "-shm");
      std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
      fs::permissions(dir, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
      fs::permissions(db, fs::perms::others_read, fs::perm_options::add);
      fs::permissions(db.string() + "-wal", fs::perms::others_read, fs::perm_options::add);
      fs::permissions(dir / "ro",
                      fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read | fs::perms::others_exec);
      auto r = bt::run(as_user + bt::binary() + " report --db " + q(db) + kPeriod + "--out /dev/null");
      fs::permissions(dir / "ro", fs::perms::owner_all);
      CHECK(r.exit_code == 3);
      CHECK(r.err == "boardbrief: error: " + db.string() + ": cannot open the WAL database: reading it needs " +
                         db.string() +
                         "-shm, which this user cannot create or open (make the directory writable, or "
                         "run as the database's owner)\n");
    }
  }
}
