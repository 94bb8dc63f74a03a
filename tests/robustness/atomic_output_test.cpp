// Output is all or nothing: on every failure the previous files at the targets stay
// byte-identical, no temporary file is left, and the exit code says why.
#include <unistd.h>

#include <algorithm>

#include "robustness/robust_support.h"

using namespace boardbrief::robust;

namespace {

const std::string kPeriod = " --period 2026-10 --as-of 2026-11-02 ";

struct Targets {
  fs::path dir, pdf, json;
  Targets(const fs::path& d) : dir(d), pdf(d / "briefing.pdf"), json(d / "briefing.json") {
    spit(pdf, "previous pdf");
    spit(json, "previous json");
  }
  void check_untouched() const {
    CHECK(slurp(pdf) == "previous pdf");
    CHECK(slurp(json) == "previous json");
    CHECK(temp_files_in(dir) == 0);
  }
  std::string args() const { return kPeriod + "--out " + q(pdf) + " --findings-json " + q(json); }
};

}  // namespace

TEST_SUITE("robustness") {
  TEST_CASE("an unwritable output directory: exit 4, previous files untouched, no temporary file") {
    auto dir = bt::scratch_dir("robust-unwritable");
    auto db = sample_copy(dir / "s.db");
    fs::create_directories(dir / "out");
    Targets targets(dir / "out");
    // root ignores directory permissions: run the binary as nobody then.
    std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    fs::permissions(dir, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
    fs::permissions(db, fs::perms::others_read, fs::perm_options::add);
    fs::permissions(targets.dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                     fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    auto r = bt::run(as_user + bt::binary() + " report --db " + q(db) + targets.args());
    fs::permissions(targets.dir, fs::perms::owner_all);
    CHECK(r.exit_code == 4);
    CHECK(r.err == "boardbrief: error: cannot write '" + targets.json.string() + "': Permission denied\n");
    targets.check_untouched();
  }

  TEST_CASE("a target that is a directory: exit 4 and nothing replaced") {
    auto dir = bt::scratch_dir("robust-target-dir");
    auto db = sample_copy(dir / "s.db");
    Targets t(dir);
    SUBCASE("the PDF, named by a directory --out") {
      fs::create_directories(dir / "reports" / "briefing-2026-10.pdf");
      auto r = report(db, kPeriod + "--out " + q(dir / "reports") + " --findings-json " + q(t.json));
      CHECK(r.exit_code == 4);
      CHECK(r.err ==
            "boardbrief: error: '" + (dir / "reports" / "briefing-2026-10.pdf").string() + "': is a directory\n");
      t.check_untouched();
      CHECK(temp_files_in(dir / "reports") == 0);
    }
    SUBCASE("the findings JSON") {
      fs::create_directories(dir / "trace.json");
      auto r = report(db, kPeriod + "--out " + q(t.pdf) + " --findings-json " + q(dir / "trace.json"));
      CHECK(r.exit_code == 4);
      CHECK(r.err == "boardbrief: error: '" + (dir / "trace.json").string() + "': is a directory\n");
      t.check_untouched();
    }
  }

  TEST_CASE("disk full while writing (file size limit): exit 4, previous files untouched") {
    // RLIMIT_FSIZE makes write() fail part-way like a full disk (EFBIG instead of ENOSPC) without
    // root or a mount; SIGXFSZ is ignored so the write reports the error instead of killing us.
    auto dir = bt::scratch_dir("robust-disk-full");
    auto db = sample_copy(dir / "s.db");
    Targets t(dir);
    auto r = bt::run("trap '' XFSZ; ulimit -f 40; " + bt::binary() + " report --db " + q(db) + t.args());
    CHECK(r.exit_code == 4);
    // Whichever file is written first hits the limit (today a temporary font file of the PDF
    // backend, before the outputs): one line, exit 4.
    CHECK(r.err.rfind("boardbrief: error: cannot write ", 0) == 0);
    CHECK(r.err.size() > 16);
    CHECK(r.err.substr(r.err.size() - 15) == "File too large\n");
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    t.check_untouched();
  }

  TEST_CASE("a font found broken while rendering: exit 3, previous files untouched") {
    auto dir = bt::scratch_dir("robust-late-font");
    auto db = sample_copy(dir / "s.db");
    Targets t(dir);
    auto data = data_dir_copy(dir / "data");
    SUBCASE("corrupt bold font (truncated TrueType)") {
      std::string font = slurp(data / "fonts" / "Lato-Bold.ttf");
      spit(data / "fonts" / "Lato-Bold.ttf", font.substr(0, 2000));
      auto r = report(db, t.args() + " --data-dir " + q(data));
      CHECK(r.exit_code == 3);
      CHECK(r.err.rfind("boardbrief: error: cannot load font '" + (data / "fonts" / "Lato-Bold.ttf").string() + "'",
                        0) == 0);
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    SUBCASE("corrupt logo, read when the page is drawn") {
      spit(dir / "logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, 'x'));
      spit(dir / "t.toml", "[branding]\nlogo = \"" + (dir / "logo.png").string() + "\"\n");
      auto r = report(db, t.args() + " --template " + q(dir / "t.toml"));
      CHECK(r.exit_code == 3);
      CHECK(r.err.rfind("boardbrief: error: " + (dir / "logo.png").string() + ": cannot read the logo (", 0) == 0);
    }
    SUBCASE("missing italic font") {
      fs::remove(data / "fonts" / "Lato-Italic.ttf");
      auto r = report(db, t.args() + " --data-dir " + q(data));
      CHECK(r.exit_code == 3);
      CHECK(r.err == "boardbrief: error: cannot read font '" + (data / "fonts" / "Lato-Italic.ttf").string() +
                         "': No such file or directory\n");
    }
    t.check_untouched();
  }
}
