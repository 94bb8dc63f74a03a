// Imports the real public data sets in ../shared/realdata and checks the figures against
// independent computations. The data is not part of this repository (its licences differ):
// every test here skips with a message when the folder is absent.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "import/import_support.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief::testing;

namespace {

bool have(const fs::path& file) {
  if (!file.empty() && fs::exists(file)) return true;
  MESSAGE("skipped: " << (file.empty() ? std::string("../shared/realdata") : file.string())
                      << " is not there (real data sets are kept beside the repository, not in it)");
  return false;
}

fs::path real(const std::string& rel) {
  fs::path dir = realdata_dir();
  return dir.empty() ? fs::path() : dir / rel;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("real data: the twcs conversation log gives the report dialogue figures an independent computation gives") {
    const fs::path log = real("twcs-customer-support-twitter/twcs_first5000.csv");
    if (!have(log)) return;
    fs::path dir = scratch_dir("realdata-twcs");
    fs::path db = dir / "twcs.db";
    RunResult r = run(binary() + " import interactions --db " + db.string() + " --conversation-log " + quoted(log));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("5000 rows read") != std::string::npos);
    const std::string before =
        dump(db, "SELECT * FROM interaction ORDER BY id") + dump(db, "SELECT * FROM channel ORDER BY id");
    RunResult again = run(binary() + " import interactions --db " + db.string() + " --conversation-log " + quoted(log));
    CHECK(again.out.find("(0 inserted, 0 updated, ") != std::string::npos);
    CHECK(dump(db, "SELECT * FROM interaction ORDER BY id") + dump(db, "SELECT * FROM channel ORDER BY id") == before);
    CHECK(dump(db, "SELECT count(*) FROM interaction WHERE first_reply_at < received_at") == "0\n");

    // November 2017 in Copenhagen (the log's second month), judged a month later.
    RunResult report = run(binary() + " --db " + db.string() + " --period 2017-11 --as-of 2017-12-31 --quiet --out " +
                           (dir / "nov.pdf").string() + " --findings-json " + (dir / "nov.json").string());
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    RunResult ref =
        run("python3 " + (source_dir() / "tests/import/dialogue_reference.py").string() + " " + quoted(log) +
            " 2017-10-31T23:00:00Z 2017-11-30T23:00:00Z 2017-12-30T23:00:00Z 72 " + (dir / "nov.json").string());
    INFO(ref.out, ref.err);
    CHECK(ref.exit_code == 0);
    CHECK(ref.out.find("\nmatch\n") != std::string::npos);
  }

  TEST_CASE("real data: Wikipedia page views as daily impressions; the report's month sum is the CSV's") {
    const fs::path csv = real("wikipedia-pageviews-peyton-manning/example_wp_peyton_manning.csv");
    if (!have(csv)) return;
    fs::path dir = scratch_dir("realdata-wikipedia");
    fs::path db = dir / "pv.db";
    RunResult r =
        run(binary() + " import metrics --db " + db.string() +
            " --platform wikipedia --handle Peyton_Manning --day-column ds --column impressions=y " + quoted(csv));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // Independent of the CSV reader: the file is plain "YYYY-MM-DD,<integer>" lines after the header.
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    std::size_t days = 0;
    double december = 0;
    while (std::getline(in, line)) {
      ++days;
      if (line.rfind("2015-12-", 0) == 0) december += std::stod(line.substr(11));
    }
    CHECK(dump(db, "SELECT count(*) FROM daily_metric") == std::to_string(days) + "\n");
    RunResult again =
        run(binary() + " import metrics --db " + db.string() +
            " --platform wikipedia --handle Peyton_Manning --day-column ds --column impressions=y " + quoted(csv));
    CHECK(again.out.find("(0 inserted, 0 updated, " + std::to_string(days) + " unchanged)") != std::string::npos);

    RunResult report = run(binary() + " --db " + db.string() + " --period 2015-12 --as-of 2016-01-20 --quiet --out " +
                           (dir / "dec.pdf").string() + " --findings-json " + (dir / "dec.json").string());
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    RunResult value =
        run("python3 -c \"import json,sys; k={k['metric']: k for k in json.load(open(sys.argv[1]))['kpis']}; "
            "print(int(k['impressions']['value']))\" " +
            (dir / "dec.json").string());
    CHECK(value.out == std::to_string(static_cast<long long>(december)) + "\n");
  }

  TEST_CASE("real data: airline tweets as interactions with sentiment labels, repeated ids kept once") {
    const fs::path csv = real("twitter-airline-sentiment/Tweets.csv");
    if (!have(csv)) return;
    fs::path dir = scratch_dir("realdata-airline");
    fs::path db = dir / "air.db";
    RunResult r = run(binary() + " import interactions --db " + db.string() +
                      " --platform twitter --handle-column airline --received-column tweet_created"
                      " --sentiment-column airline_sentiment --id-column tweet_id --kind mention --needs-reply false " +
                      quoted(csv));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // Python's csv module as the independent reader: distinct ids, and the first row's label per id.
    fs::path script =
        write_file(dir, "count.py",
                   "import csv, sys, collections, datetime\n"
                   "first, times = {}, []\n"
                   "for row in csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')):\n"
                   "    first.setdefault(row['tweet_id'], row['airline_sentiment'])\n"
                   "    times.append(datetime.datetime.strptime(row['tweet_created'], '%Y-%m-%d %H:%M:%S %z'))\n"
                   "c = collections.Counter(first.values())\n"
                   "utc = lambda t: t.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')\n"
                   "print(len(first), c['negative'], c['neutral'], c['positive'])\n"
                   "print(utc(min(times)), utc(max(times)))\n");
    RunResult ref = run("python3 " + script.string() + " " + quoted(csv));
    std::string expected = ref.out;
    for (char& c : expected)
      if (c == ' ') c = '|';
    CHECK(dump(db, "SELECT count(*), sum(sentiment < 0), sum(sentiment = 0), sum(sentiment > 0) FROM interaction") +
              dump(db, "SELECT min(received_at), max(received_at) FROM interaction") ==
          expected);
    CHECK(dump(db, "SELECT count(*) FROM channel") == "6\n");
    CHECK(r.out.find("skipped 155: repeated message id (the first row is kept)") != std::string::npos);
  }

  TEST_CASE("real data: rOpenSci's monthly Twitter summary in wide form, NA cells as no data") {
    const fs::path csv = real("ropensci-twitter-analytics/twitter_metrics_monthly_rOpenSci.csv");
    if (!have(csv)) return;
    fs::path dir = scratch_dir("realdata-ropensci");
    fs::path db = dir / "ro.db";
    RunResult r = run(binary() + " import metrics --db " + db.string() +
                      " --platform twitter --handle @rOpenSci --day-column date --column followers=followers"
                      " --column impressions=tweet_impressions --column posts=tweets --column mentions=mentions " +
                      quoted(csv));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    fs::path script = write_file(
        dir, "count.py",
        "import csv, sys\n"
        "cols = ['followers', 'tweet_impressions', 'tweets', 'mentions']\n"
        "rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))\n"
        "na = sum(1 for r in rows for c in cols if r[c] in ('', 'NA'))\n"
        "total = sum(float(r['tweet_impressions']) for r in rows if r['tweet_impressions'] not in ('', 'NA'))\n"
        "print(len(rows) * len(cols) - na, na, int(total))\n");
    RunResult ref = run("python3 " + script.string() + " " + quoted(csv));
    std::istringstream in(ref.out);
    long values = 0, na = 0, impressions = 0;
    in >> values >> na >> impressions;
    REQUIRE(values > 0);
    CHECK(r.out.find(std::to_string(values) + " values (" + std::to_string(values) + " inserted") != std::string::npos);
    CHECK(r.out.find(std::to_string(na) + " empty cells (no data)") != std::string::npos);
    CHECK(dump(db, "SELECT CAST(sum(value) AS INTEGER) FROM daily_metric WHERE metric = 'impressions'") ==
          std::to_string(impressions) + "\n");
  }

  TEST_CASE("real data: rOpenSci's per-tweet exports summed per day; month totals equal Python's") {
    const fs::path folder = real("ropensci-twitter-analytics");
    if (!have(folder.empty() ? folder : folder / "tweet_activity_metrics_rOpenSci_20190701_20190801_en.csv")) return;
    fs::path dir = scratch_dir("realdata-ropensci-tweets");
    fs::path db = dir / "tweets.db";
    std::string files;
    for (const auto& e : fs::directory_iterator(folder))
      if (e.path().filename().string().rfind("tweet_activity_metrics_", 0) == 0) files += " " + quoted(e.path());
    const std::string import = binary() + " import metrics --db " + db.string() +
                               " --platform twitter --handle @rOpenSci --aggregate sum --day-column time --tz UTC"
                               " --column impressions=impressions --column engagements=engagements"
                               " --column 'link_clicks=url clicks' --count-rows posts" +
                               files;
    RunResult r = run(import);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const char* monthly =
        "SELECT substr(day, 1, 7), metric, CAST(sum(value) AS INTEGER) FROM daily_metric "
        "GROUP BY 1, 2 ORDER BY 1, 2";
    const std::string before = dump(db, "SELECT * FROM daily_metric ORDER BY 1, 2, 3");
    RunResult again = run(import);
    CHECK(again.out.find("(0 inserted, 0 updated, ") != std::string::npos);
    CHECK(dump(db, "SELECT * FROM daily_metric ORDER BY 1, 2, 3") == before);

    // Python's csv module and datetime as the independent computation, month by month.
    fs::path script =
        write_file(dir, "months.py",
                   "import csv, glob, sys, collections, datetime\n"
                   "s = collections.defaultdict(float)\n"
                   "for f in glob.glob(sys.argv[1] + '/tweet_activity_metrics_*.csv'):\n"
                   "    for row in csv.DictReader(open(f, encoding='utf-8', newline='')):\n"
                   "        t = datetime.datetime.strptime(row['time'], '%Y-%m-%d %H:%M %z')\n"
                   "        m = t.astimezone(datetime.timezone.utc).strftime('%Y-%m')\n"
                   "        for metric, col in (('engagements', 'engagements'), ('impressions', 'impressions'),\n"
                   "                            ('link_clicks', 'url clicks')):\n"
                   "            s[(m, metric)] += float(row[col])\n"
                   "        s[(m, 'posts')] += 1\n"
                   "for k in sorted(s): print('%s|%s|%d' % (k[0], k[1], s[k]))\n");
    RunResult ref = run("python3 " + script.string() + " " + quoted(folder));
    REQUIRE(ref.exit_code == 0);
    CHECK(dump(db, monthly) == ref.out);

    // The day of a tweet depends on the zone, the grand totals do not.
    const char* totals = "SELECT metric, CAST(sum(value) AS INTEGER) FROM daily_metric GROUP BY 1 ORDER BY 1";
    fs::path cph = dir / "cph.db";
    RunResult local =
        run(binary() + " import metrics --db " + cph.string() +
            " --platform twitter --handle @rOpenSci --aggregate sum --day-column time --tz Europe/Copenhagen"
            " --column impressions=impressions --column engagements=engagements"
            " --column 'link_clicks=url clicks' --count-rows posts -q" +
            files);
    REQUIRE_MESSAGE(local.exit_code == 0, local.err);
    CHECK(dump(cph, totals) == dump(db, totals));
    CHECK(dump(cph, monthly) != dump(db, monthly));

    // July 2019 through the report, with the month's days without tweets as 0.
    RunResult zero = run(binary() + " import metrics --db " + db.string() +
                         " --platform twitter --handle @rOpenSci --aggregate sum --day-column time --tz UTC"
                         " --column impressions=impressions --count-rows posts --zero-days 2019-07-01:2019-07-31 " +
                         quoted(folder / "tweet_activity_metrics_rOpenSci_20190701_20190801_en.csv"));
    REQUIRE_MESSAGE(zero.exit_code == 0, zero.err);
    RunResult report =
        run(binary() + " --db " + db.string() + " --period 2019-07 --as-of 2019-08-15 --tz UTC --quiet --out " +
            (dir / "jul.pdf").string() + " --findings-json " + (dir / "jul.json").string());
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    RunResult value =
        run("python3 -c \"import json,sys; k={k['metric']: k for k in json.load(open(sys.argv[1]))['kpis']}; "
            "print('2019-07|impressions|%d' % k['impressions']['value'])\" " +
            (dir / "jul.json").string());
    REQUIRE(value.out.rfind("2019-07|impressions|", 0) == 0);
    CHECK(ref.out.find(value.out) != std::string::npos);
    CHECK(dump(db, "SELECT count(*) FROM daily_metric WHERE day LIKE '2019-07-%' AND metric = 'posts'") == "31\n");
  }
}
