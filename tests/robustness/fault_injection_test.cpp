// Fault injection into the output stage: an LD_PRELOAD shim (tests/support/fault_shim.cpp)
// makes one call fail with EIO at each step of writing the PDF and the findings JSON (open,
// write, fchmod, fsync, close of each temporary file, the hard links that keep the previous
// files, the renames, the directory sync). After every failure the previous files are
// byte-identical (or still absent) and no temporary file is left; a failure in a best-effort
// step (keeping a backup link, syncing the directory) gives the complete new pair instead.
#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <vector>

#include "robustness/robust_support.h"

using namespace boardbrief::robust;

namespace {

struct Step {
  std::string op, path;
  int nth;  // 1-based among calls of `op`
};

std::vector<Step> read_steps(const fs::path& log) {
  std::vector<Step> steps;
  std::map<std::string, int> seen;
  std::istringstream in(slurp(log));
  for (std::string op, path; in >> op >> path;) steps.push_back({op, path, ++seen[op]});
  return steps;
}

struct Scenario {
  fs::path dir, out, pdf, json;
  bool previous;
  Scenario(const fs::path& d, bool with_previous)
      : dir(d), out(d / "out"), pdf(d / "out" / "b.pdf"), json(d / "out" / "b.json"), previous(with_previous) {}

  void reset() const {
    fs::remove_all(out);
    fs::create_directories(out);
    if (!previous) return;
    spit(pdf, "previous pdf");
    spit(json, "previous json");
    fs::permissions(pdf, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  }

  bt::RunResult run(const fs::path& db, const std::string& env) const {
    return bt::run("env BB_FAULT_DIR=" + q(out) + " " + env +
                   " ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 LD_PRELOAD=" +
                   q(BOARDBRIEF_FAULT_SHIM) + " " + bt::binary() + " report --db " + q(db) +
                   " --period 2026-10 --as-of 2026-11-02 --quiet --out " + q(pdf) + " --findings-json " + q(json));
  }

  bool untouched() const {
    if (!previous) return !fs::exists(pdf) && !fs::exists(json);
    struct stat st {};
    return slurp(pdf) == "previous pdf" && slurp(json) == "previous json" && ::stat(pdf.c_str(), &st) == 0 &&
           (st.st_mode & 0777) == 0640;
  }
};

// Runs every step of `s` with a fault; returns the number of steps.
int inject_each_step(const Scenario& s, const fs::path& db) {
  s.reset();
  auto clean = s.run(db, "BB_FAULT_LOG=" + q(s.dir / "steps.log"));
  REQUIRE_MESSAGE(clean.exit_code == 0, clean.err);
  const std::string new_pdf = slurp(s.pdf), new_json = slurp(s.json);
  REQUIRE(new_pdf.rfind("%PDF-", 0) == 0);
  const auto steps = read_steps(s.dir / "steps.log");
  for (const auto& step : steps) {
    CAPTURE(step.op);
    CAPTURE(step.nth);
    CAPTURE(step.path);
    s.reset();
    auto r = s.run(db, "BB_FAULT_OP=" + step.op + " BB_FAULT_NTH=" + std::to_string(step.nth));
    const bool best_effort = step.op == "link" || step.path == s.out.string();
    if (best_effort) {
      CHECK_MESSAGE(r.exit_code == 0, r.err);
      CHECK(slurp(s.pdf) == new_pdf);
      CHECK(slurp(s.json) == new_json);
    } else {
      CHECK(r.exit_code == 4);
      CHECK(r.err.rfind("boardbrief: error: cannot write '", 0) == 0);
      CHECK(r.err.find("Input/output error") != std::string::npos);
      CHECK(s.untouched());
    }
    CHECK(temp_files_in(s.out) == 0);
  }
  return static_cast<int>(steps.size());
}

}  // namespace

TEST_SUITE("robustness") {
  TEST_CASE("a failing call at each step of writing the outputs leaves the previous files and no temporary file") {
    auto dir = bt::scratch_dir("robust-fault");
    auto db = sample_copy(dir / "s.db");
    const int with_previous = inject_each_step(Scenario(dir / "replace", true), db);
    const int first_run = inject_each_step(Scenario(dir / "first", false), db);
    // Replacing: open, write, fchmod, fsync, close for each file, a backup link and a rename
    // for each, and open/fsync/close of the directory; a first run has no backup links.
    CHECK(with_previous == 17);
    CHECK(first_run == 15);
    MESSAGE(with_previous << " steps replacing files, " << first_run << " steps writing them the first time");
  }

  TEST_CASE("a libharu failure inside HaruDoc's constructor frees the document (exit 4)") {
    auto dir = bt::scratch_dir("robust-fault-haru");
    auto db = sample_copy(dir / "s.db");
    auto r = bt::run("env BB_HARU_FAIL=1 BB_HARU_LOG=" + q(dir / "haru.log") +
                     " ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 LD_PRELOAD=" +
                     q(BOARDBRIEF_FAULT_SHIM) + " " + bt::binary() + " report --db " + q(db) +
                     " --period 2026-10 --as-of 2026-11-02 --out " + q(dir / "o.pdf"));
    CHECK(r.exit_code == 4);
    CHECK(r.err.rfind("boardbrief: error: setting up the PDF document: libharu error 0x1017", 0) == 0);
    const std::string counts = slurp(dir / "haru.log");
    CHECK(counts.rfind("new ", 0) == 0);
    // Every document created was freed, the one whose constructor threw included.
    std::istringstream in(counts);
    std::string w1, w2;
    int created = -1, freed = -2;
    in >> w1 >> created >> w2 >> freed;
    CHECK(created >= 1);
    CHECK(freed == created);
    CHECK_FALSE(fs::exists(dir / "o.pdf"));
  }
}
