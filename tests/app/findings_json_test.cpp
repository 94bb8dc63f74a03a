// --findings-json on the demo sample: every finding considered (kept with rank, dropped with
// the gate or rule), both sentences, period bounds; the same file whatever --lang; and the
// sample's story among the top findings. JSON is checked with Python's json module, an
// independent reader.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

// The demo database (as `make demo`) and its JSON for one language, made once per process.
struct Demo {
  fs::path dir = bt::scratch_dir("findings-json");
  fs::path db = dir / "demo.db";
  Demo() {
    auto r = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --force");
    REQUIRE(r.exit_code == 0);
  }
  fs::path report(const std::string& lang) {
    fs::path json = dir / ("briefing-" + lang + ".json");
    auto r = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02 --lang " + lang +
                     " --out " + bt::quote(dir / ("briefing-" + lang + ".pdf")) + " --findings-json " + bt::quote(json) + " --quiet");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json;
  }
};

Demo& demo() {
  static Demo d;
  return d;
}

// Runs a Python check on the JSON file; prints what it printed when it fails.
void python_check(const fs::path& json, const std::string& code) {
  fs::path script = demo().dir / "check.py";
  std::ofstream(script) << "import json, sys\nd = json.load(open(sys.argv[1], encoding='utf-8'))\n" << code;
  auto r = bt::run("python3 " + bt::quote(script) + " " + bt::quote(json));
  std::string said = r.out + r.err;
  CHECK_MESSAGE(r.exit_code == 0, said);
}

}  // namespace

TEST_SUITE("app") {
  TEST_CASE("findings JSON: kept findings ranked with both sentences, dropped ones with their gate") {
    auto json = demo().report("en");
    python_check(json, R"(
f = d['findings']
assert 1 <= len(f) <= 20, len(f)
assert [x['rank'] for x in f] == list(range(1, len(f) + 1))
assert sum(x['summary'] for x in f) == 5
for x in f:
    assert x['sentence_en'] and x['sentence_da'], x
    assert x['period']['key'] == '2026-10' and x['period']['first_day'] == '2026-10-01', x
    assert x['period']['utc_begin'] == '2026-09-30T22:00:00Z', x['period']
    assert 'score' in x and 'inputs' in x and x['type'] and x['metric'] and x['scope']
    if x['type'] == 'change':
        assert x['compared_with']['key'] in ('2026-09', '2025-10'), x
summary = [x['score'] for x in f if x['summary']]
assert summary == sorted(summary, reverse=True)
dropped = d['findings_dropped']
assert len(dropped) > 50
gates = set(x['dropped_by'] for x in dropped)
assert all(gates), gates
for g in ('not_significant', 'same_as_all_channels'):
    assert g in gates, (g, gates)
for x in dropped:
    if 'sentence_en' in x:
        assert x['sentence_da'], x
kpi = {k['metric']: k for k in d['kpis']}
assert abs(kpi['unanswered_share']['value'] - kpi['unanswered_share']['numerator'] / kpi['unanswered_share']['denominator']) < 1e-12
assert 'business_hours_value' in kpi['first_response_p50']
)");
  }

  TEST_CASE("findings JSON: the same candidates whatever the report language; `sentence` is the printed one") {
    auto en = demo().report("en");
    auto da = demo().report("da");
    python_check(en, R"(
other = json.load(open(sys.argv[1].replace('-en.json', '-da.json'), encoding='utf-8'))
for part in ('findings', 'findings_dropped'):
    assert len(d[part]) == len(other[part])
    for a, b in zip(d[part], other[part]):
        if 'sentence' in a:
            assert a['sentence'] == a['sentence_en'] and b['sentence'] == b['sentence_da'], (a, b)
        for x in (a, b):
            x.pop('sentence', None)
        assert a == b, (a, b)
)");
    CHECK(bt::read_file(en) != bt::read_file(da));
  }

  TEST_CASE("findings JSON: the sample's story is among the top findings") {
    auto json = demo().report("en");
    python_check(json, R"(
top = [x for x in d['findings'] if x['summary']]
def has(pred): return any(pred(x) for x in top)
# Unanswered share rising (target missed), provisional on 2 November.
assert has(lambda x: x['metric'] == 'unanswered_share' and x['type'] in ('trend', 'change') and x['direction'] == 'up'), top
assert all(x['provisional'] for x in top if x['metric'] in ('unanswered_share', 'first_response_p50'))
# The first provisional finding says why once; the later ones carry the short marker.
prov = [x for x in top if x['provisional']]
assert 'Provisional: messages from the last 72 hours' in prov[0]['sentence_en'], prov[0]
assert 'Foreløbigt tal: beskeder fra de seneste 72 timer' in prov[0]['sentence_da'], prov[0]
for x in prov[1:]:
    assert 'provisional' in x['sentence_en'] and 'Provisional:' not in x['sentence_en'], x
    assert 'foreløbigt tal' in x['sentence_da'] and 'Foreløbigt tal:' not in x['sentence_da'], x
# Every statistical finding is a discovery of the report's family at the template's level.
for x in d['findings']:
    if x['type'] in ('change', 'trend', 'anomaly'):
        assert x['inputs']['q'] <= 0.05 and x['inputs']['p'] <= x['inputs']['q'], x
# Net sentiment's fall is told once: the year-on-year change is a clause of the spike.
assert not any(x['metric'] == 'net_sentiment' for x in top), top
assert any(x['type'] == 'anomaly' and 'net sentiment' in x['sentence_en'] and 'below October 2025' in x['sentence_en']
           and 'lavere end i oktober 2025' in x['sentence_da'] for x in top), top
# The negative spike on Wednesday 14 October.
assert has(lambda x: x['type'] == 'anomaly' and x['metric'] == 'negative_mentions' and x['inputs']['day_offset'] == 13), top
assert any('14 October' in x['sentence_en'] and '14. oktober' in x['sentence_da'] for x in top)
# TikTok grows, LinkedIn does not appear as growth.
allf = d['findings']
assert any(x['scope'] == 'platform:tiktok' and x['direction'] == 'up' for x in allf)
assert not any(x['scope'] == 'platform:linkedin' and x['direction'] == 'up' for x in allf)
)");
  }
}
