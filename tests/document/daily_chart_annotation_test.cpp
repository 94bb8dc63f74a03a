// Page 1's daily chart notes the flagged day with what is plotted (the day's messages needing a
// reply and their negative part), the ratio of that same measure where the finding gives one
// (not against a near-zero usual level, where "112×" would measure the baseline, not the day),
// and a day flagged for negative messages only names that other count as such.
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

std::string note(const char* lang, const std::string& metric, double value, double expected, bool ratio_shown) {
  const auto report_first = date::local_days{date::year{2017} / date::November / 1};
  series::ReportData data;
  data.periods = series::make_period_set(calendar::parse_period("2017-11", report_first + date::days{40}), 13);
  data.interactions_read = 30 * 3;  // message data exist (without any, the chart is left out)
  series::DailyCounts daily;
  daily.first = report_first;
  daily.report_begin = 0;
  daily.negative.assign(30, 3);
  daily.needs_reply.assign(30, 3);
  daily.negative_needs_reply.assign(30, 1);
  daily.needs_reply[25] = 336;
  daily.negative_needs_reply[25] = 290;
  findings::Finding f;
  f.type = findings::Type::Anomaly;
  f.metric = metric;
  f.inputs = {{"day_offset", 25},
              {"value", value},
              {"expected", expected},
              {"ratio", value / expected},
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
  return chart->spec.annotations[0].headline + " | " + chart->spec.annotations[0].detail;
}

}  // namespace

TEST_SUITE("document") {
  TEST_CASE("daily chart note: the plotted column, and the ratio of the same measure where the finding gives one") {
    CHECK(note("en", "needs_reply", 336, 3, false) ==
          "26 Nov: 336 messages needing a reply (290 negative) | usually 3 a day");
    CHECK(note("da", "needs_reply", 336, 3, false) ==
          "26. nov.: 336 svarkrævende beskeder (290 negative) | normalt 3 om dagen");
    CHECK(note("en", "needs_reply", 336, 42, true) ==
          "26 Nov: 336 messages needing a reply (290 negative) | 8.0× the usual 42 for that weekday");
    // Flagged for negative messages (all inbound, not only those needing a reply): the column
    // is still what the headline quotes; the other count is named as such.
    CHECK(note("en", "negative_mentions", 500, 46, true) ==
          "26 Nov: 336 messages needing a reply (290 negative) | negative messages in all: 500, 10.9× the usual 46 for "
          "that weekday");
    CHECK(note("da", "negative_mentions", 500, 46, true) ==
          "26. nov.: 336 svarkrævende beskeder (290 negative) | negative beskeder i alt: 500, 10,9× det normale niveau "
          "på 46 for ugedagen");
  }
}
