// Page 1's daily chart names the flagged day as the finding does: the counted messages named
// for the metric flagged, and a ratio only where the finding's sentence gives one (not against
// a near-zero usual level, where "112×" would measure the baseline, not the day).
#include <doctest/doctest.h>

#include "calendar/periods.h"
#include "document/daily_chart.h"
#include "series/build.h"
#include "support/test_db.h"

using namespace boardbrief;

namespace {

text::Strings lang_file(const char* code) {
  return text::Strings::load((testing::source_dir() / "templates" / "lang" / (std::string(code) + ".toml")).string());
}

std::string headline(const char* lang, const std::string& metric, double value, double expected, bool ratio_shown) {
  const auto report_first = date::local_days{date::year{2017} / date::November / 1};
  series::ReportData data;
  data.periods = series::make_period_set(calendar::parse_period("2017-11", report_first + date::days{40}), 13);
  series::DailyCounts daily;
  daily.first = report_first;
  daily.report_begin = 0;
  daily.negative.assign(30, 3);
  daily.needs_reply.assign(30, 3);
  daily.negative_needs_reply.assign(30, 1);
  findings::Finding f;
  f.type = findings::Type::Anomaly;
  f.metric = metric;
  f.inputs = {{"day_offset", 25}, {"value", value}, {"expected", expected}, {"ratio", value / expected},
              {"ratio_shown", ratio_shown ? 1.0 : 0.0}};
  const text::Strings s = lang_file(lang);
  std::vector<analysis::Kpi> kpis;
  std::vector<findings::Finding> fs{f};
  std::vector<analysis::Gap> gaps;
  document::BriefingInput in(s, data, kpis, fs, gaps);
  in.daily = &daily;
  auto chart = document::make_daily_chart(in);
  REQUIRE(chart);
  REQUIRE(chart->spec.annotations.size() == 1);
  return chart->spec.annotations[0].headline;
}

}  // namespace

TEST_SUITE("document") {
  TEST_CASE("daily chart note: the metric flagged, and a ratio only where the finding gives one") {
    CHECK(headline("en", "needs_reply", 336, 3, false) ==
          "26 Nov: 336 messages needing a reply, usually about 3 a day");
    CHECK(headline("da", "needs_reply", 336, 3, false) ==
          "26. nov.: 336 svarkrævende beskeder; normalt omkring 3 om dagen");
    CHECK(headline("en", "negative_mentions", 500, 46, true) == "26 Nov: 500 negative messages, 10.9× the usual level");
    CHECK(headline("da", "negative_mentions", 500, 46, true) ==
          "26. nov.: 500 negative beskeder, 10,9× det normale niveau");
  }
}
