// Output paths through the real binary: an output never replaces the database, its journal
// files or the other output (exit 2); special files are written in place or refused, never
// replaced; a replaced file keeps its permissions (docs/errors.md, "Output files").
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "robustness/robust_support.h"

using namespace boardbrief::robust;

namespace {

const std::string kPeriod = " --period 2026-10 --as-of 2026-11-02 ";

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

// Runs a report that must be refused with exit 2 before anything is written.
void refused(const fs::path& db, const std::string& args, const std::string& want_start) {
  const auto before = hash_db_files(db);
  auto r = report(db, kPeriod + args);
  CAPTURE(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("boardbrief: error: " + want_start, 0) == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(hash_db_files(db) == before);
  CHECK(temp_files_in(db.parent_path()) == 0);
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode;
}

}  // namespace

TEST_SUITE("robustness") {
  TEST_CASE("an output naming the database or one of its files is refused with exit 2") {
    auto dir = bt::scratch_dir("robust-out-db");
    auto db = sample_copy(dir / "s.db");
    fs::create_directories(dir / "sub");
    fs::create_symlink(db, dir / "link.pdf");
    refused(db, "--out " + q(db), "--out '" + db.string() + "' is the database");
    refused(db, "--out " + q(dir / "sub" / ".." / "s.db"), "--out '");
    refused(db, "--out " + q(dir / "link.pdf"), "--out '" + (dir / "link.pdf").string() + "' is the database");
    refused(db, "--out " + q(dir / "o.pdf") + " --findings-json " + q(db), "--findings-json '");
    refused(db, "--out " + q(db.string() + "-journal"),
            "--out '" + db.string() + "-journal' is the database's rollback journal");
    refused(db, "--out " + q(dir / "o.pdf") + " --findings-json " + q(db.string() + "-shm"), "--findings-json '");
    fs::create_hard_link(db, dir / "hard.pdf");
    refused(db, "--out " + q(dir / "hard.pdf"), "--out '" + (dir / "hard.pdf").string() + "' is the database");
    SUBCASE("out = in a config file") {
      spit(dir / "c.ini", "out = " + db.string() + "\n");
      refused(db, "--config " + q(dir / "c.ini"), "--out '" + db.string() + "' is the database");
    }
    CHECK(fs::is_symlink(dir / "link.pdf"));
  }

  TEST_CASE("an output naming an input of the run (template, logo) is refused with exit 2") {
    auto dir = bt::scratch_dir("robust-out-input");
    auto db = sample_copy(dir / "s.db");
    spit(dir / "logo.png", "a logo");
    fs::copy_file(bt::source_dir() / "templates" / "board.toml", dir / "t.toml");
    const std::string t = slurp(dir / "t.toml");
    refused(db, "--template " + q(dir / "t.toml") + " --out " + q(dir / "t.toml"),
            "--out '" + (dir / "t.toml").string() + "' is the template " + (dir / "t.toml").string());
    CHECK(slurp(dir / "t.toml") == t);
    spit(dir / "actions.toml", "# no actions yet\n");
    refused(db,
            "--actions " + q(dir / "actions.toml") + " --out " + q(dir / "o.pdf") + " --findings-json " +
                q(dir / "actions.toml"),
            "--findings-json '" + (dir / "actions.toml").string() + "' is the actions file ");
    CHECK(slurp(dir / "actions.toml") == "# no actions yet\n");
    spit(dir / "l.toml", "[branding]\nlogo = \"" + (dir / "logo.png").string() + "\"\n");
    refused(
        db,
        "--template " + q(dir / "l.toml") + " --out " + q(dir / "o.pdf") + " --findings-json " + q(dir / "logo.png"),
        "--findings-json '" + (dir / "logo.png").string() + "' is the logo ");
  }

  TEST_CASE("--out naming the -wal file of a WAL database keeps the committed transaction") {
    auto dir = bt::scratch_dir("robust-out-wal");
    auto db = sample_copy(dir / "w.db");
    SQLite::Database keeper(db.string(), SQLite::OPEN_READWRITE);
    keeper.exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0");
    keeper.exec("UPDATE channel SET name = name || ' (committed)' WHERE id = 9");
    REQUIRE(fs::exists(db.string() + "-wal"));
    const auto wal = hash_of(db.string() + "-wal");
    refused(db, "--out " + q(db.string() + "-wal"),
            "--out '" + db.string() + "-wal' is the database's write-ahead log");
    CHECK(hash_of(db.string() + "-wal") == wal);
  }

  TEST_CASE("--findings-json naming the PDF is refused, however spelled") {
    auto dir = bt::scratch_dir("robust-out-same");
    auto db = sample_copy(dir / "s.db");
    refused(db, "--out " + q(dir / "a.pdf") + " --findings-json " + q(dir / "a.pdf"), "--findings-json '");
    refused(db, "--out " + q(dir / "a.pdf") + " --findings-json " + q(dir / "." / "a.pdf"), "--findings-json '");
    refused(db, "--out " + q(dir) + " --findings-json " + q(dir / "briefing-2026-10.pdf"), "--findings-json '");
    CHECK_FALSE(fs::exists(dir / "a.pdf"));
  }

  TEST_CASE("--out without a directory: a clear message naming it") {
    auto dir = bt::scratch_dir("robust-out-missing");
    auto db = sample_copy(dir / "s.db");
    SUBCASE("a bare name that is no directory and has no extension: exit 2 with the fix") {
      auto r = bt::run("cd " + q(dir) + " && " + bt::binary() + " report --db s.db" + kPeriod + "--out reports");
      CHECK(r.exit_code == 2);
      CHECK(r.err ==
            "boardbrief: error: --out 'reports': no directory of that name, and no file extension; to write into "
            "a directory, create it first (mkdir reports); to write a file, name it reports.pdf\n");
      CHECK_FALSE(fs::exists(dir / "reports"));
    }
    SUBCASE("a directory with a trailing slash that does not exist: exit 4 naming it") {
      auto r = report(db, kPeriod + "--out " + q(dir.string() + "/reports/"));
      CHECK(r.exit_code == 4);
      CHECK(r.err == "boardbrief: error: cannot write '" + (dir / "reports" / "briefing-2026-10.pdf").string() +
                         "': directory '" + (dir / "reports").string() + "' does not exist\n");
    }
    SUBCASE("a file in a missing directory") {
      auto r = report(db, kPeriod + "--out " + q(dir / "no" / "such" / "b.pdf"));
      CHECK(r.exit_code == 4);
      CHECK(r.err == "boardbrief: error: cannot write '" + (dir / "no" / "such" / "b.pdf").string() + "': directory '" +
                         (dir / "no" / "such").string() + "' does not exist\n");
    }
    SUBCASE("the JSON in a missing directory, found before any work") {
      auto r = report(db, kPeriod + "--out " + q(dir / "b.pdf") + " --findings-json " + q(dir / "no" / "b.json"));
      CHECK(r.exit_code == 4);
      CHECK(first_line(r.err) == "boardbrief: error: cannot write '" + (dir / "no" / "b.json").string() +
                                     "': directory '" + (dir / "no").string() + "' does not exist");
      CHECK_FALSE(fs::exists(dir / "b.pdf"));
    }
    SUBCASE("an existing file name without extension is still a file") {
      spit(dir / "briefing", "old");
      auto r = report(db, kPeriod + "--out " + q(dir / "briefing"));
      CHECK_MESSAGE(r.exit_code == 0, r.err);
      CHECK(slurp(dir / "briefing").rfind("%PDF-", 0) == 0);
    }
  }

  TEST_CASE("special files are written in place, never replaced") {
    auto dir = bt::scratch_dir("robust-out-special");
    auto db = sample_copy(dir / "s.db");
    SUBCASE("--out /dev/null is a dry run") {
      auto r = report(db, kPeriod + "--out /dev/null --findings-json /dev/null");
      CHECK_MESSAGE(r.exit_code == 0, r.err);
      CHECK(S_ISCHR(mode_of("/dev/null")));
      CHECK(temp_files_in("/dev") == 0);
    }
    SUBCASE("--findings-json /dev/stdout writes into the pipe") {
      auto r = report(db, kPeriod + "--out " + q(dir / "b.pdf") + " --findings-json /dev/stdout | cat");
      CHECK_MESSAGE(r.exit_code == 0, r.err);
      CHECK(r.out.rfind("{", 0) == 0);
      CHECK(r.out.find("\"findings\"") != std::string::npos);
      CHECK(slurp(dir / "b.pdf").rfind("%PDF-", 0) == 0);
    }
    SUBCASE("--out /dev/stdout redirected to a file") {
      auto r = report(db, kPeriod + "--out /dev/stdout --quiet > " + q(dir / "redirected.pdf"));
      CHECK_MESSAGE(r.exit_code == 0, r.err);
      CHECK(slurp(dir / "redirected.pdf").rfind("%PDF-", 0) == 0);
    }
    SUBCASE("a FIFO with a reader gets the PDF; without one, exit 4 at once") {
      REQUIRE(::mkfifo((dir / "pipe.pdf").c_str(), 0600) == 0);
      auto r = report(db, kPeriod + "--out " + q(dir / "pipe.pdf"));
      CHECK(r.exit_code == 4);
      CHECK(r.err ==
            "boardbrief: error: cannot write '" + (dir / "pipe.pdf").string() + "': a FIFO that nobody is reading\n");
      r = bt::run("cat " + q(dir / "pipe.pdf") + " > " + q(dir / "read.pdf") + " & " + bt::binary() + " report --db " +
                  q(db) + kPeriod + "--out " + q(dir / "pipe.pdf") + "; s=$?; wait; exit $s");
      // The reader may not have opened the FIFO yet when the report writes: exit 4 is allowed then.
      CHECK((r.exit_code == 0 || r.exit_code == 4));
      if (r.exit_code == 0) CHECK(slurp(dir / "read.pdf").rfind("%PDF-", 0) == 0);
      CHECK(S_ISFIFO(mode_of(dir / "pipe.pdf")));
    }
    SUBCASE("an in-place write that fails (/dev/full) puts the renamed JSON's previous file back") {
      spit(dir / "b.json", "previous json");
      auto r = report(db, kPeriod + "--out /dev/full --findings-json " + q(dir / "b.json"));
      CHECK(r.exit_code == 4);
      CHECK(r.err == "boardbrief: error: cannot write '/dev/full': No space left on device\n");
      CHECK(slurp(dir / "b.json") == "previous json");
    }
    SUBCASE("a socket is refused, and stays a socket") {
      auto made = bt::run("python3 -c \"import socket; socket.socket(socket.AF_UNIX).bind('" +
                          (dir / "sock.pdf").string() + "')\"");
      REQUIRE_MESSAGE(made.exit_code == 0, made.err);
      auto r = report(db, kPeriod + "--out " + q(dir / "sock.pdf"));
      CHECK(r.exit_code == 4);
      CHECK(r.err.rfind("boardbrief: error: '" + (dir / "sock.pdf").string() + "': is a socket; ", 0) == 0);
      CHECK(S_ISSOCK(mode_of(dir / "sock.pdf")));
    }
    CHECK(temp_files_in(dir) == 0);
  }

  TEST_CASE("a replaced output keeps its permissions; a symbolic link stays a link") {
    auto dir = bt::scratch_dir("robust-out-perms");
    auto db = sample_copy(dir / "s.db");
    spit(dir / "b.pdf", "old");
    spit(dir / "b.json", "old");
    fs::permissions(dir / "b.pdf", fs::perms::owner_read | fs::perms::owner_write);
    fs::permissions(dir / "b.json", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    fs::create_directories(dir / "real");
    spit(dir / "real" / "target.pdf", "old");
    fs::create_symlink(dir / "real" / "target.pdf", dir / "latest.pdf");
    auto r = report(db, kPeriod + "--out " + q(dir / "b.pdf") + " --findings-json " + q(dir / "b.json"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK((mode_of(dir / "b.pdf") & 0777) == 0600);
    CHECK((mode_of(dir / "b.json") & 0777) == 0640);
    CHECK(slurp(dir / "b.pdf").rfind("%PDF-", 0) == 0);
    r = report(db, kPeriod + "--out " + q(dir / "latest.pdf"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(fs::is_symlink(dir / "latest.pdf"));
    CHECK(slurp(dir / "real" / "target.pdf").rfind("%PDF-", 0) == 0);
    CHECK(temp_files_in(dir) == 0);
    CHECK(temp_files_in(dir / "real") == 0);
  }
}
