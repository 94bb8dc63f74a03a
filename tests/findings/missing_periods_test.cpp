// Missing periods stay missing for interaction counts: a database whose
// dialogue begins with a stray message in 2016 and really starts in October 2017 has no count
// for the empty months in between, so no "risen steadily" from 0, 0, 0, 2, 1275, 1340 and no
// tile comparison with a month without data.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_db.h"

namespace fs = std::filesystem;
namespace bt = boardbrief::testing;

namespace {

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// `n` messages needing a reply on channel 1, spread over the days of `month` (YYYY-MM), each
// answered after 30 minutes; ids from `first_id`.
std::string messages(const std::string& month, int n, int first_id) {
  return "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < " + std::to_string(n) +
         ") INSERT INTO interaction SELECT " + std::to_string(first_id) + " + i, 1, strftime('%Y-%m-%dT%H:%M:%SZ', '" +
         month +
         "-01 08:00:00', '+' || (i % 28) || ' days', '+' || (i % 600) || ' seconds'), "
         "'message', 1, strftime('%Y-%m-%dT%H:%M:%SZ', '" +
         month +
         "-01 08:30:00', '+' || (i % 28) || ' days', '+' || (i % 600) || ' seconds'), "
         "NULL, NULL FROM k;";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_SUITE("findings") {
  TEST_CASE(
      "interaction counts: months without any message are missing, not zero (no false trend, no tile comparison)") {
    fs::path dir = bt::scratch_dir("missing-periods");
    fs::path db = dir / "gaps.db";
    bt::make_db(db, bt::schema_sql() + "INSERT INTO channel VALUES (1, 'twitter', '@care', 'Care', 'own');" +
                        messages("2016-08", 1, 1) + messages("2017-08", 2, 10) + messages("2017-09", 3, 20) +
                        messages("2017-10", 1275, 100) + messages("2017-11", 1340, 2000));
    fs::path json = dir / "gaps.json";
    auto r = bt::run(bt::binary() + " report --db " + q(db) + " --period 2017-11 --as-of 2017-12-31 --out " +
                     q(dir / "gaps.pdf") + " --findings-json " + q(json) + " --quiet");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    fs::path script = dir / "check.py";
    std::ofstream(script) << R"(import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
kpi = {k['metric']: k for k in d['kpis']}
n = kpi['needs_reply']
w = {p['period']: p.get('value') for p in n['window']}
# Empty months between the stray 2016 message and the real start have no value; the months
# with messages keep theirs.
assert w['2017-06'] is None and w['2017-07'] is None and w['2016-12'] is None, w
assert w['2017-08'] == 2 and w['2017-09'] == 3 and w['2017-10'] == 1275 and w['2017-11'] == 1340, w
# November 2016 holds no message: no year-on-year value or change.
assert 'year_ago' not in n and 'change_vs_year_ago' not in n, n
kept = d['findings']
assert not any(x['metric'] == 'needs_reply' and x['type'] == 'trend' for x in kept), kept
dropped = [x for x in d['findings_dropped'] if x['metric'] == 'needs_reply' and x['type'] == 'trend' and x['scope'] == 'all']
assert dropped and all(x['dropped_by'] == 'too_few_points' for x in dropped), dropped
)";
    auto py = bt::run("python3 " + q(script) + " " + q(json));
    const std::string said = py.out + py.err;
    CHECK_MESSAGE(py.exit_code == 0, said);
    // The tile says there is nothing to compare with.
    auto txt = bt::run("pdftotext " + q(dir / "gaps.pdf") + " -");
    REQUIRE(txt.exit_code == 0);
    CHECK(txt.out.find("vs Nov 2016") != std::string::npos);
    CHECK(txt.out.find("+1,340 vs Nov 2016") == std::string::npos);
    CHECK(txt.out.find("risen steadily") == std::string::npos);
  }

  TEST_CASE("real data: the twcs conversation log gives no trend from the months before it begins") {
    fs::path csv =
        bt::source_dir() / ".." / "shared" / "realdata" / "twcs-customer-support-twitter" / "twcs_first5000.csv";
    if (!fs::exists(csv)) {
      MESSAGE("skipped: " << csv.string() << " is absent (../shared/realdata is not on this machine)");
      return;
    }
    fs::path dir = bt::scratch_dir("missing-periods-twcs");
    fs::path db = dir / "twcs.db";
    auto imp =
        bt::run(bt::binary() + " import interactions --db " + q(db) + " --conversation-log " + q(csv) + " --quiet");
    REQUIRE_MESSAGE(imp.exit_code == 0, imp.err);
    fs::path json = dir / "twcs.json";
    auto r = bt::run(bt::binary() + " report --db " + q(db) + " --period 2017-11 --as-of 2017-12-31 --out " +
                     q(dir / "twcs.pdf") + " --findings-json " + q(json) + " --quiet");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string j = slurp(json);
    CHECK(j.find("have risen steadily over the past 6 months") == std::string::npos);
    auto txt = bt::run("pdftotext " + q(dir / "twcs.pdf") + " -");
    CHECK(txt.out.find("risen steadily") == std::string::npos);
    CHECK(txt.out.find("+1,340 vs Nov 2016") == std::string::npos);
  }
}
