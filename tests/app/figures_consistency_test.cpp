// The figure registry against the rendered PDF (docs/figures.md): the demo board pack and the
// one-pager in English and Danish; every registered figure's text is on the pages it names
// (pdftotext per page, an independent reader), one label carries one value and one measure,
// and the figures agree with the JSON's KPI values. The checks are Python over the JSON.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

const char* const kCheck = R"PY(
import collections, json, re, subprocess, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
pdf = sys.argv[2]
info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout
n = int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))
def norm(s):
    # Wrapping, the tile's value/unit split and table columns only change white space.
    return re.sub(r'[\s\u00a0\u202f\u2009\u00ad]+', '', s)
pages = [norm(subprocess.run(['pdftotext', '-enc', 'UTF-8', '-f', str(p), '-l', str(p), pdf, '-'],
                             capture_output=True, text=True, check=True).stdout) for p in range(1, n + 1)]
figs = d['figures']
assert len(figs) >= int(sys.argv[3]), len(figs)
problems = []
for f in figs:
    for k in ('key', 'label', 'scope', 'period', 'text', 'pages'):
        assert k in f, (k, f)
    assert f['pages'], f
    for p in f['pages']:
        if not 1 <= p <= n or norm(f['text']) not in pages[p - 1]:
            problems.append('not on page %d: %r (%s)' % (p, f['text'], f['key']))
values = collections.defaultdict(set)
measures = collections.defaultdict(set)
for f in figs:
    values[f['label']].add(f.get('value'))
    measures[f['label']].add(f['key'])
for label, v in values.items():
    if len(v) != 1:
        problems.append('label %r carries %d values: %r' % (label, len(v), sorted(v, key=str)))
for label, keys in measures.items():
    if len(keys) != 1:
        problems.append('label %r names %d measures: %r' % (label, len(keys), sorted(keys)))
# The JSON's KPI values are the tiles' registered values, unrounded.
period = d['report_period']['key']
by_key = {f['key']: f for f in figs}
for k in d['kpis']:
    f = by_key.get('%s.all.%s' % (k['metric'], period))
    if f is None or 'value' not in k:
        continue
    if abs(f['value'] - k['value']) > 1e-9 * max(1, abs(k['value'])):
        problems.append('KPI %s: JSON %r, registry %r' % (k['metric'], k['value'], f['value']))
print('\n'.join(problems))
sys.exit(1 if problems else 0)
)PY";

struct Demo {
  fs::path dir = bt::scratch_dir("figures-consistency");
  fs::path db = dir / "demo.db";
  Demo() {
    auto r = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --force");
    REQUIRE(r.exit_code == 0);
    std::ofstream(dir / "check.py") << kCheck;
  }
  // Renders and checks; `at_least` registered figures are expected.
  void check(const std::string& lang, const std::string& tmpl, int at_least) {
    fs::path pdf = dir / ("b-" + lang + "-" + tmpl + ".pdf"), json = dir / ("b-" + lang + "-" + tmpl + ".json");
    auto r = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02 --lang " +
                     lang + " --template " + tmpl + " --org 'Nørre Ålbæk Energi A/S' --out " + bt::quote(pdf) +
                     " --findings-json " + bt::quote(json) + " --quiet");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto c = bt::run("python3 " + bt::quote(dir / "check.py") + " " + bt::quote(json) + " " + bt::quote(pdf) + " " +
                     std::to_string(at_least));
    const std::string said = lang + " " + tmpl + ":\n" + c.out + c.err;
    CHECK_MESSAGE(c.exit_code == 0, said);
  }
};

Demo& demo() {
  static Demo d;
  return d;
}

}  // namespace

TEST_SUITE("app") {
  TEST_CASE("figures: every registered figure is printed on its pages, one label one value (board, English)") {
    demo().check("en", "board", 20);
  }
  TEST_CASE("figures: every registered figure is printed on its pages, one label one value (board, Danish)") {
    demo().check("da", "board", 20);
  }
  TEST_CASE("figures: the one-pager registers its figures too (English and Danish)") {
    demo().check("en", "one-pager", 10);
    demo().check("da", "one-pager", 10);
  }

  TEST_CASE("absent data are absent: no messages, or messages without any reply, are missing, never 0 % or 100 %") {
    Demo& d = demo();
    const fs::path none = d.dir / "no-messages.db", noreply = d.dir / "no-replies.db";
    fs::copy_file(d.db, none, fs::copy_options::overwrite_existing);
    fs::copy_file(d.db, noreply, fs::copy_options::overwrite_existing);
    SQLite::Database(none.string(), SQLite::OPEN_READWRITE).exec("DELETE FROM interaction");
    // Mentions imported without reply information: no message has a reply anywhere.
    SQLite::Database(noreply.string(), SQLite::OPEN_READWRITE).exec("UPDATE interaction SET first_reply_at = NULL");
    auto text_of = [&](const fs::path& db, const std::string& lang) {
      const fs::path pdf = d.dir / (db.stem().string() + "-" + lang + ".pdf");
      auto r = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02 --lang " +
                       lang + " --out " + bt::quote(pdf) + " --findings-json " + bt::quote(d.dir / "absent.json") +
                       " --quiet");
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      auto t = bt::run("pdftotext -enc UTF-8 -f 1 -l 2 " + bt::quote(pdf) + " -");
      REQUIRE(t.exit_code == 0);
      return t.out;
    };
    const std::string en = text_of(none, "en"), da = text_of(none, "da");
    CHECK(en.find("Message data are missing") != std::string::npos);
    CHECK(da.find("Beskeddata mangler") != std::string::npos);
    for (const std::string& t : {en, da}) {
      CHECK(t.find("No messages") == std::string::npos);
      CHECK(t.find("Ingen beskeder") == std::string::npos);
      CHECK_FALSE(std::regex_search(t, std::regex("(^|[^0-9.,])0(\u00A0| )?%")));  // "0 %", not "40 %"
    }
    auto check = bt::run(bt::binary() + " check --db " + bt::quote(none));
    CHECK(check.out.find("warning: table interaction is empty") != std::string::npos);
    // The complete demo does not warn (the check can fail).
    CHECK(bt::run(bt::binary() + " check --db " + bt::quote(d.db)).out.find("interaction is empty") ==
          std::string::npos);

    const std::string nr = text_of(noreply, "en");
    CHECK(nr.find("Reply data are missing") != std::string::npos);
    CHECK(nr.find("100%") == std::string::npos);
    CHECK(nr.find("> 72") == std::string::npos);
    CHECK(nr.find(">72") == std::string::npos);
    CHECK(nr.find("2,132") != std::string::npos);  // the messages needing a reply are still counted
  }
}
