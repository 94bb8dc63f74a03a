// From figures to decisions (docs/decisions.md), end to end on planted databases with the real
// binary, pdftotext and Python's json module: a problem that started three months ago is
// continuing since then, one that ended is resolved, an action is printed beside its finding,
// an unmatched action is warned about, a bad actions file names file:line:column, and there is
// no outlook without a passing trend.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

// One own X channel and 20 messages needing a reply every day from October 2025 to October
// 2026. `unanswered(month)` of the 20 get no reply; the others are answered after
// `reply_minutes(month)` minutes. month: 0 = October 2025 … 12 = October 2026.
std::string dialogue_sql(const std::function<int(int)>& unanswered, const std::function<int(int)>& reply_minutes,
                         const std::string& targets) {
  std::ostringstream sql;
  sql << bt::schema_sql() << "INSERT INTO channel VALUES (1, 'x', '@nae', 'NAE', 'own');\n" << targets;
  sql << "INSERT INTO interaction (channel_id, received_at, kind, needs_reply, first_reply_at) VALUES\n";
  bool first = true;
  for (int m = 0; m < 13; ++m) {
    const int year = m < 3 ? 2025 : 2026, month = (9 + m) % 12 + 1;
    const int days = month == 2 ? 28 : (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
    for (int d = 1; d <= days; ++d)
      for (int i = 0; i < 20; ++i) {
        char at[48], reply[48];  // room for any int the format could print (-Wformat-truncation)
        std::snprintf(at, sizeof at, "%04d-%02d-%02dT%02d:%02d:00Z", year, month, d, 8 + i / 4, (i % 4) * 10);
        const int minutes = reply_minutes(m) + (i % 4) * 10;
        std::snprintf(reply, sizeof reply, "%04d-%02d-%02dT%02d:%02d:00Z", year, month, d, 8 + i / 4 + minutes / 60,
                      minutes % 60);
        sql << (first ? "" : ",\n") << "(1, '" << at << "', 'message', 1, "
            << (i < unanswered(m) ? std::string("NULL") : "'" + std::string(reply) + "'") << ")";
        first = false;
      }
  }
  sql << ";\n";
  return sql.str();
}

struct Report {
  bt::RunResult run;
  std::string page1, all, json;
};

Report report(const fs::path& dir, const std::string& sql, const std::string& extra = "") {
  const fs::path db = dir / "planted.db";
  bt::make_db(db, sql);
  Report r;
  r.run = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-10 --out " +
                  bt::quote(dir / "b.pdf") + " --findings-json " + bt::quote(dir / "b.json") + " " + extra);
  if (r.run.exit_code != 0) return r;
  r.page1 = bt::run("pdftotext -f 1 -l 1 " + bt::quote(dir / "b.pdf") + " -").out;
  r.all = bt::run("pdftotext " + bt::quote(dir / "b.pdf") + " -").out;
  r.json = (dir / "b.json").string();
  return r;
}

void python_check(const fs::path& dir, const std::string& json, const std::string& code) {
  fs::path script = dir / "check.py";
  std::ofstream(script) << "import json, sys\nd = json.load(open(sys.argv[1], encoding='utf-8'))\n" << code;
  auto r = bt::run("python3 " + bt::quote(script) + " " + bt::quote(json));
  const std::string said = r.out + r.err;
  CHECK_MESSAGE(r.exit_code == 0, said);
}

// pdftotext joins wrapped lines with newlines: compare on single spaces.
std::string flat(std::string s) {
  for (auto& c : s)
    if (c == '\n') c = ' ';
  std::string out;
  for (char c : s)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  return out;
}

const std::string kTargets =
    "INSERT INTO target VALUES ('unanswered_share', NULL, '2025-01-01', '2027-12-31', 0.10),"
    " ('first_response_p50', NULL, '2025-01-01', '2027-12-31', 60);\n";

// Unanswered share 5 % until July 2026, 40 % from August (three months: August to October);
// replies after 30 minutes except in September 2026 (5 hours), which missed its target then.
std::string story_sql() {
  return dialogue_sql([](int m) { return m >= 10 ? 8 : 1; }, [](int m) { return m == 11 ? 300 : 30; }, kTargets);
}

}  // namespace

TEST_SUITE("app") {
  TEST_CASE("continuity: a problem since August is continuing since August; September's is resolved") {
    const fs::path dir = bt::scratch_dir("decisions-continuity");
    Report r = report(dir, story_sql());
    REQUIRE_MESSAGE(r.run.exit_code == 0, r.run.err);
    python_check(dir, r.json, R"(
u = [f for f in d['findings'] if f['metric'] == 'unanswered_share' and f['tone'] == 'bad']
assert u, d['findings']
assert all(f['status'] == 'continuing' and f['since'] == '2026-08' for f in u), u
res = [x for x in d['resolved'] if x['metric'] == 'first_response_p50']
assert res and res[0]['last_period'] == '2026-09' and res[0]['since'] == '2026-09', d['resolved']
assert d['bottom_line']['text'].startswith('What matters most in October'), d['bottom_line']
assert 'since August 2026' in d['bottom_line']['text'], d['bottom_line']
assert 'siden august 2026' in d['bottom_line']['text_da'], d['bottom_line']
)");
    const std::string page1 = flat(r.page1);
    CHECK(page1.find("Continuing since August 2026.") != std::string::npos);
    CHECK(page1.find("No longer a finding in October: the median") != std::string::npos);
    CHECK(page1.find("(September 2026).") != std::string::npos);
    // No actions file: the adverse findings on page 1 say so, quietly.
    CHECK(page1.find("No action recorded.") != std::string::npos);
  }

  TEST_CASE("continuity in Danish: the same marks in the language file's words") {
    const fs::path dir = bt::scratch_dir("decisions-continuity-da");
    Report r = report(dir, story_sql(), "--lang da");
    REQUIRE_MESSAGE(r.run.exit_code == 0, r.run.err);
    const std::string page1 = flat(r.page1);
    CHECK(page1.find("Fortsat siden august 2026.") != std::string::npos);
    CHECK(page1.find("Konklusion:") != std::string::npos);
    CHECK(page1.find("Ikke længere et fund i oktober") != std::string::npos);
  }

  TEST_CASE("actions: printed beside the finding they answer; an unmatched one warned about and listed") {
    const fs::path dir = bt::scratch_dir("decisions-actions");
    std::ofstream(dir / "actions.toml")
        << "[[action]]\nmetric = \"unanswered_share\"\nscope = \"all\"\n"
           "owner = \"Head of Customer Service\"\naction = \"Two more agents from 1 December\"\n"
           "due = \"2026-12-15\"\nstatus = \"in progress\"\n\n"
           "[[action]]\nmetric = \"share_of_voice\"\nowner = \"Head of Communications\"\n"
           "action = \"Winter campaign\"\ndue = 2027-01-31\nstatus = \"planned\"\n";
    Report r = report(dir, story_sql(), "--actions " + bt::quote(dir / "actions.toml"));
    REQUIRE_MESSAGE(r.run.exit_code == 0, r.run.err);
    const std::string page1 = flat(r.page1);
    // Beside its finding: after the unanswered-share sentence, before the next finding's rank.
    const auto finding = page1.find("Unanswered customer messages");
    REQUIRE(finding != std::string::npos);
    const auto action = page1.find(
        "Action: Two more agents from 1 December (Head of Customer Service; due 15 December 2026; in progress).",
        finding);
    CHECK(action != std::string::npos);
    CHECK(r.run.err.find(
              "actions.toml:9: action \"Winter campaign\" (metric share_of_voice, scope any) matches no finding") !=
          std::string::npos);
    CHECK(flat(r.all).find("Actions that match no finding") != std::string::npos);
    CHECK(flat(r.all).find("Winter campaign (Head of Communications; due 31 January 2027; planned)") !=
          std::string::npos);
    const std::string hash = bt::run("sha256sum " + bt::quote(dir / "actions.toml")).out.substr(0, 64);
    CHECK(flat(r.all).find("actions.toml, SHA-256 " + hash) != std::string::npos);
    python_check(dir, r.json, "assert d['provenance']['actions_sha256'] == '" + hash + R"('
assert [a['action'] for a in d['actions']['unmatched']] == ['Winter campaign']
u = [f for f in d['findings'] if f['metric'] == 'unanswered_share']
assert any(a['owner'] == 'Head of Customer Service' for f in u for a in f.get('actions', [])), u
)");
  }

  TEST_CASE("actions: a bad file is a data error naming file:line:column") {
    const fs::path dir = bt::scratch_dir("decisions-bad-actions");
    const std::string sql = story_sql();
    auto bad = [&](const std::string& text) {
      std::ofstream(dir / "bad.toml") << text;
      return report(dir, sql, "--actions " + bt::quote(dir / "bad.toml")).run;
    };
    auto r =
        bad("[[action]]\nmetric = \"unanswered_share\"\nowner = \"A\"\naction = \"B\"\ndue = \"2026-13-01\"\nstatus = "
            "\"planned\"\n");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("bad.toml:5:7: action 'due' must be a date, YYYY-MM-DD") != std::string::npos);
    r =
        bad("[[action]]\nmetric = \"unanswered_share\"\nowner = \"A\"\naction = \"B\"\ndue = \"2026-12-01\"\nstatus = "
            "\"soon\"\n");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("bad.toml:6:10: action 'status' is 'soon'") != std::string::npos);
    r = bad("[[action]]\nmetric = \"unanswered_share\"\nowner = \"A\"\ndue = \"2026-12-01\"\nstatus = \"done\"\n");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("bad.toml:1:1: action without 'action'") != std::string::npos);
    r = bad("[[action]]\nmetric = \"x\"\nscope = \"region:north\"\n");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("bad.toml:3:9: action 'scope' is 'region:north'") != std::string::npos);
    r = bad("[[action]\n");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("bad.toml:1:") != std::string::npos);
    CHECK(!fs::exists(dir / "b.pdf"));
  }

  TEST_CASE("outlook: a range for a passing trend with a target, none without a passing trend") {
    const fs::path dir = bt::scratch_dir("decisions-outlook");
    // Rising steadily by one message in 20 (5 points) a month: the trend passes.
    Report rising = report(dir, dialogue_sql([](int m) { return 1 + m; }, [](int) { return 30; }, kTargets));
    REQUIRE_MESSAGE(rising.run.exit_code == 0, rising.run.err);
    python_check(dir, rising.json, R"(
o = [x for x in d['outlook'] if x['metric'] == 'unanswered_share']
assert len(o) == 1, d['outlook']
o = o[0]
assert o['by'] == '2027-03' and o['horizon_periods'] == 5, o
assert o['projected_low'] <= o['projected'] <= o['projected_high'] <= 1, o
assert abs(o['slope_per_period'] - 0.05) < 0.005, o
assert any(f['type'] == 'trend' and f['metric'] == 'unanswered_share' for f in d['findings'])
)");
    CHECK(flat(rising.page1).find("Outlook: at this pace unanswered customer messages reach") != std::string::npos);
    // Level at 30 %, three times the target, with no trend: a target miss and no outlook.
    Report flat_share = report(dir, dialogue_sql([](int) { return 6; }, [](int) { return 30; }, kTargets));
    REQUIRE_MESSAGE(flat_share.run.exit_code == 0, flat_share.run.err);
    python_check(dir, flat_share.json, R"(
assert d['outlook'] == [], d['outlook']
assert not any(f['type'] == 'trend' for f in d['findings'])
assert any(f['type'] == 'target' and f['metric'] == 'unanswered_share' for f in d['findings'])
)");
    CHECK(flat(flat_share.page1).find("Outlook:") == std::string::npos);
  }

  TEST_CASE("bottom line: a calm period says so") {
    const fs::path dir = bt::scratch_dir("decisions-calm");
    Report r = report(dir, dialogue_sql([](int) { return 1; }, [](int) { return 30; }, ""));
    REQUIRE_MESSAGE(r.run.exit_code == 0, r.run.err);
    python_check(dir, r.json, R"(
assert d['bottom_line']['text'] == 'October was calm: no change passed the significance rules.', d['bottom_line']
assert d['bottom_line']['text_da'] == 'Oktober var rolig: ingen ændring bestod signifikanskravene.', d['bottom_line']
)");
  }
}

TEST_SUITE("app") {
  TEST_CASE("targets on charts: the response-time chart carries its target line and label") {
    const fs::path dir = bt::scratch_dir("decisions-chart-target");
    Report r = report(dir, story_sql());
    REQUIRE_MESSAGE(r.run.exit_code == 0, r.run.err);
    const std::string page2 = flat(bt::run("pdftotext -f 2 -l 2 " + bt::quote(dir / "b.pdf") + " -").out);
    CHECK(page2.find("target ≤ 1 h") != std::string::npos);
  }
}

TEST_SUITE("app") {
  TEST_CASE("one-pager: the demo with its shipped actions file stays one page in both languages, and says so") {
    const fs::path dir = bt::scratch_dir("decisions-one-pager-demo");
    const std::string db = bt::quote(dir / "demo.db");
    REQUIRE(bt::run(bt::quote(bt::binary()) + " sample --out " + db + " --force").exit_code == 0);
    for (const std::string lang : {"en", "da"}) {
      CAPTURE(lang);
      auto r =
          bt::run(bt::quote(bt::binary()) + " report --db " + db +
                  " --period 2026-10 --as-of 2026-11-02 --org 'Nørre Ålbæk Energi A/S' --template one-pager --lang " +
                  lang + " --actions " + bt::quote(bt::source_dir() / "samples" / "actions.toml") + " --out " +
                  bt::quote(dir / "op.pdf"));
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      CHECK(bt::run("pdfinfo " + bt::quote(dir / "op.pdf")).out.find("Pages:           1\n") != std::string::npos);
      CHECK_MESSAGE(r.err.find("(1 page, ") != std::string::npos, r.err);
      const std::string text = bt::run("pdftotext " + bt::quote(dir / "op.pdf") + " -").out;
      CHECK(text.find("SHA-256") != std::string::npos);  // the actions row stays
    }
  }

  TEST_CASE("one-pager: one page titled for the CIO with the bottom line, three findings and their actions") {
    const fs::path dir = bt::scratch_dir("decisions-one-pager");
    std::ofstream(dir / "actions.toml")
        << "[[action]]\nmetric = \"unanswered_share\"\nowner = \"Head of Customer Service\"\n"
           "action = \"Two more agents\"\ndue = \"2026-12-15\"\nstatus = \"in progress\"\n";
    for (const std::string lang : {"en", "da"}) {
      CAPTURE(lang);
      Report r = report(dir, story_sql(),
                        "--template one-pager --lang " + lang + " --actions " + bt::quote(dir / "actions.toml"));
      REQUIRE_MESSAGE(r.run.exit_code == 0, r.run.err);
      CHECK(bt::run("pdfinfo " + bt::quote(dir / "b.pdf")).out.find("Pages:           1\n") != std::string::npos);
      const std::string page = flat(r.page1);
      const bool en = lang == "en";
      CHECK(page.find(en ? "EXECUTIVE BRIEFING FOR THE CIO" : "LEDELSESORIENTERING TIL CIO") != std::string::npos);
      CHECK(page.find("BOARD BRIEFING") == std::string::npos);
      CHECK(page.find(en ? "Bottom line:" : "Konklusion:") != std::string::npos);
      CHECK(page.find(en ? "Action: Two more agents" : "Handling: Two more agents") != std::string::npos);
      CHECK(page.find(en ? "Why it matters:" : "Derfor er det vigtigt:") != std::string::npos);
      CHECK(page.find(en ? "Confidential · " : "Fortroligt · ") != std::string::npos);
    }
  }
}
