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
    auto r = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02 --lang " +
                     lang + " --out " + bt::quote(dir / ("briefing-" + lang + ".pdf")) + " --findings-json " +
                     bt::quote(json) + " --quiet");
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
assert 'Provisional: the last 72 hours are not counted yet.' in prov[0]['sentence_en'], prov[0]
assert 'Foreløbigt tal: de seneste 72 timer' in prov[0]['sentence_da'], prov[0]
for x in prov[1:]:
    assert 'provisional' in x['sentence_en'] and 'Provisional:' not in x['sentence_en'], x
    assert 'foreløbigt tal' in x['sentence_da'] and 'Foreløbigt tal:' not in x['sentence_da'], x
# Every statistical finding is a discovery of the report's family at the template's level.
for x in d['findings']:
    if x['type'] in ('change', 'trend', 'anomaly'):
        assert x['inputs']['q'] <= 0.05 and x['inputs']['p'] <= x['inputs']['q'], x
# Net sentiment's fall is told once: the year-on-year change is a clause of the spike.
assert not any(x['metric'] == 'net_sentiment' for x in top), top
assert any(x['type'] == 'anomaly' and 'net sentiment' in x['sentence_en'] and '(September: ' in x['sentence_en']
           and '(september: ' in x['sentence_da'] for x in top), top
# The median wait as customers lived it, with both comparison months.
assert any(x['metric'] == 'first_response_p50' and 'Half of the customers waited more than' in x['sentence_en']
           and '(September: ' in x['sentence_en'] and 'Halvdelen af kunderne ventede mere end' in x['sentence_da']
           for x in top), top
# The day's event counted in the messages needing a reply, against a normal Wednesday.
assert any(x['type'] == 'anomaly' and 'messages needing a reply arrived, **about 8 times**' in x['sentence_en']
           and 'a normal Wednesday; 9 in 10 were about billing, most on Facebook' in x['sentence_en']
           and 'en normal onsdag; 9 ud af 10 handlede om regninger' in x['sentence_da'] for x in top), top
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

TEST_SUITE("app") {
  TEST_CASE("findings JSON: the demo names where and why - billing and the channels behind the rise") {
    auto json = demo().report("en");
    python_check(json, R"(
top = [x for x in d['findings'] if x['summary']]
# The billing storm planted on Facebook, X and Instagram on 14 October.
spike = [x for x in top if x['type'] == 'anomaly' and x['inputs']['day_offset'] == 13][0]
assert 'were about billing' in spike['sentence_en'] and 'Facebook' in spike['sentence_en'], spike['sentence_en']
assert 'handlede om regninger' in spike['sentence_da'], spike['sentence_da']
topics = sorted([c for c in spike['contributions'] if c['by'] == 'topic'], key=lambda c: -c['value'])
assert topics[0]['key'] == 'billing' and topics[0]['share'] > 0.8, topics
channels = sorted([c for c in spike['contributions'] if c['by'] == 'channel'], key=lambda c: -c['value'])
assert channels[0]['key'] == 'channel:1', channels  # Facebook, the storm's largest share
# One event, one finding: the needs-reply spike of the same day is folded into it.
assert any(a['metric'] == 'needs_reply' and a['dropped_by'] == 'same_event' for a in spike.get('absorbed', [])), spike
assert not any(x['type'] == 'anomaly' and x['metric'] == 'needs_reply' for x in d['findings'])
# The rise of unanswered messages: platforms and topics by contribution, named in the sentence.
un = [x for x in top if x['metric'] == 'unanswered_share'][0]
parts = [c for c in un['contributions'] if c['by'] == 'platform']
assert abs(sum(c['value'] for c in parts) - (un['inputs']['value'] - un['inputs']['previous'])) < 0.05, parts
best = max(parts, key=lambda c: c['value'])
assert best['key'] == 'platform:facebook' and 'Facebook gave' in un['sentence_en'], (best, un['sentence_en'])
assert 'billing' in un['sentence_en'], un['sentence_en']
)");
  }

  TEST_CASE("findings JSON: a platform that is a small part of the company is immaterial, with its numbers") {
    auto json = demo().report("en");
    python_check(json, R"(
imm = [x for x in d['findings_dropped'] if x['dropped_by'] == 'immaterial']
assert imm, 'no immaterial candidate'
for x in imm:
    i = x['inputs']
    assert i['scope_share'] < i['min_scope_share'] and i['contribution_share'] < i['min_contribution'], x
    assert x['scope'] != 'all', x
# TikTok triples, but its impressions are a few per cent of the company's and of its change.
assert any(x['scope'] == 'platform:tiktok' and x['metric'] == 'impressions' for x in imm), [x['scope'] for x in imm]
)");
  }

  TEST_CASE("noise: pure-noise databases give (almost) no findings and a calm page 1") {
    // Three seeds of stationary random data: the family's false-discovery control keeps the
    // change, trend and spike findings to at most one in all three reports (scripts/noise-rate.sh
    // measures the rate over more seeds).
    int kept = 0;
    bool calm_seen = false;
    for (int seed : {3, 4, 5}) {
      fs::path db = demo().dir / ("noise-" + std::to_string(seed) + ".db");
      fs::path pdf = demo().dir / ("noise-" + std::to_string(seed) + ".pdf");
      fs::path json = demo().dir / ("noise-" + std::to_string(seed) + ".json");
      REQUIRE(bt::run(bt::binary() + " sample --noise --interactions 30000 --seed " + std::to_string(seed) + " --out " +
                      bt::quote(db) + " --force")
                  .exit_code == 0);
      auto r = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02 --out " +
                       bt::quote(pdf) + " --findings-json " + bt::quote(json) + " --quiet");
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      auto count = bt::run(
          "python3 -c \"import json,sys; d=json.load(open(sys.argv[1])); "
          "print(sum(f['type'] in ('change','trend','anomaly') for f in d['findings']), "
          "sum(f['summary'] for f in d['findings']))\" " +
          bt::quote(json));
      REQUIRE(count.exit_code == 0);
      std::istringstream in(count.out);
      int k = 0, summary = 0;
      in >> k >> summary;
      kept += k;
      if (summary == 0) {
        auto txt = bt::run("pdftotext -l 1 " + bt::quote(pdf) + " -");
        CHECK(txt.out.find("No change in October passed the significance rules") != std::string::npos);
        calm_seen = true;
      }
    }
    CHECK(kept <= 1);
    CHECK(calm_seen);
  }
}

TEST_SUITE("app") {
  TEST_CASE("findings JSON: trends of several metrics that one platform leads across channels are one finding") {
    const fs::path dir = bt::scratch_dir("findings-json-platform-story");
    const fs::path db = dir / "c20.db", json = dir / "c20.json";
    REQUIRE(bt::run(bt::binary() + " sample --channels 20 --days 800 --interactions 120000 --out " + bt::quote(db) +
                    " --force")
                .exit_code == 0);
    auto r = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02 --out " +
                     bt::quote(dir / "c20.pdf") + " --findings-json " + bt::quote(json) + " --quiet");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::ofstream(dir / "check.py") << R"(import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
hosts = [x for x in d['findings'] if any(a['dropped_by'] == 'same_platform_story' for a in x.get('absorbed', []))]
assert hosts, [x['sentence_en'] for x in d['findings']]
for x in hosts:
    assert x['scope'] == 'across' and x['type'] == 'trend', x
    n = sum(a['dropped_by'] == 'same_platform_story' for a in x['absorbed'])
    assert x['sentence_en'].count('rose there too') == n and x['sentence_da'].count('steg også dér') == n, x
across = [x for x in d['findings'] if x['scope'] == 'across' and x['type'] == 'trend' and x['direction'] == 'up']
assert len(across) == len(hosts), [x['sentence_en'] for x in across]
)";
    auto check = bt::run("python3 " + bt::quote(dir / "check.py") + " " + bt::quote(json));
    const std::string said = check.out + check.err;
    CHECK_MESSAGE(check.exit_code == 0, said);
  }
}
