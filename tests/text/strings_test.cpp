#include "text/strings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "base/error.h"
#include "text/date_format.h"
#include "text/number_format.h"
#include "text/report_keys.h"

#ifndef BOARDBRIEF_SOURCE_DIR
#define BOARDBRIEF_SOURCE_DIR "."
#endif

using namespace boardbrief;
using namespace boardbrief::text;
using namespace date::literals;

namespace {

// Writes `content` to a fresh file in a scratch directory and returns its path.
std::string write_file(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / "boardbrief-text-test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

// The message of the DataError that `load` throws, or "" when it does not throw.
template <typename F>
std::string error_of(F&& load) {
  try {
    load();
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

std::string lang_file(const char* name) { return std::string(BOARDBRIEF_SOURCE_DIR) + "/templates/lang/" + name; }

}  // namespace

TEST_SUITE("text") {
  TEST_CASE("a language file gives dotted keys, its language and filled placeholders") {
    const std::string path = write_file("ok.toml",
                                        "language = \"da\"\n"
                                        "[footer]\n"
                                        "page = \"Side {n} af {total}\"\n"
                                        "[tiles.label]\n"
                                        "impressions = \"Visninger\"\n"
                                        "[finding]\n"
                                        "braces = \"{{literal}} {x}\"\n"
                                        "month = \"{month} var god\"\n");
    const Strings s = Strings::load(path);
    CHECK(s.language().code() == "da");
    CHECK(s.get("tiles.label.impressions") == "Visninger");
    CHECK(s.contains("footer.page"));
    CHECK_FALSE(s.contains("language"));
    CHECK(s.format("footer.page", {{"n", "1"}, {"total", "6"}}) == "Side 1 af 6");
    CHECK(s.format("footer.page", {{"total", "6"}, {"n", "1"}, {"unused", "x"}}) == "Side 1 af 6");
    CHECK(s.format("finding.braces", {{"x", "y"}}) == "{literal} y");
    CHECK(s.format_sentence("finding.month", {{"month", "oktober"}}) == "Oktober var god");
    CHECK(s.keys() ==
          std::vector<std::string>{"finding.braces", "finding.month", "footer.page", "tiles.label.impressions"});
    CHECK(s.placeholders("footer.page") == std::vector<std::string>{"n", "total"});
  }

  TEST_CASE("a TOML syntax error names file:line:column and the parser's description") {
    const std::string path = write_file("syntax.toml", "language = \"en\"\n[meta]\ntitle = \"open\n");
    CHECK(error_of([&] { Strings::load(path); }) ==
          path +
              ":3:14: Error while parsing string: unescaped control characters other than TAB "
              "(U+0009) are explicitly prohibited");
    const std::string twice = write_file("twice.toml", "language = \"en\"\n[meta]\ntitle = \"a\"\ntitle = \"b\"\n");
    CHECK(error_of([&] { Strings::load(twice); }) ==
          twice + ":4:9: Error while parsing key-value pair: cannot redefine existing string 'title'");
  }

  TEST_CASE("a value that is not a string names file:line:column and key") {
    const std::string path = write_file("type.toml", "language = \"en\"\n[meta]\ncount = 3\n");
    CHECK(error_of([&] { Strings::load(path); }) == path + ":3:9: 'meta.count' must be a string");
    const std::string array = write_file("array.toml", "language = \"en\"\n[a]\nb = [\"x\"]\n");
    CHECK(error_of([&] { Strings::load(array); }) == array + ":3:5: 'a.b' must be a string");
  }

  TEST_CASE("the language must be declared as a 2-3 letter code; a report language file needs [format]") {
    const std::string none = write_file("nolang.toml", "[meta]\ntitle = \"x\"\n");
    CHECK(error_of([&] { Strings::load(none); }) ==
          none + ": missing key 'language' (a code such as \"en\" or \"da\")");
    const std::string german = write_file("de.toml", "language = \"de\"\n");
    CHECK(Strings::load(german).language().code() == "de");
    CHECK(error_of([&] { Strings::load(german, {}, Strings::Conventions::Required); }) ==
          german + ": missing table [format] (number and date conventions)");
    const std::string bad = write_file("bad.toml", "language = \"Deutsch\"\n");
    CHECK(error_of([&] { Strings::load(bad); }) ==
          bad + ":1:12: 'language' must be a language code of 2 or 3 lower-case letters (\"en\", \"da\", \"de\")");
    const std::string months = write_file("months.toml", "language = \"de\"\n[format]\nmonths = [\"Januar\"]\n");
    CHECK(error_of([&] { Strings::load(months); }) == months + ": missing key 'format.decimal_separator'");
  }

  TEST_CASE("load reports the first missing required key") {
    const std::string path = write_file("partial.toml", "language = \"en\"\n[summary]\ntitle = \"x\"\n");
    CHECK(error_of([&] {
            Strings::load(path, {"summary.title", "summary.note", "meta.title"});
          }) == path + ": missing key 'summary.note'");
    CHECK_NOTHROW(Strings::load(path, {"summary.title"}));
  }

  TEST_CASE("get and format of a missing key name the file and key") {
    const std::string path = write_file("small.toml", "language = \"en\"\n[summary]\ntitle = \"x\"\n");
    const Strings s = Strings::load(path);
    CHECK(error_of([&] { s.get("summary.nope"); }) == path + ": missing key 'summary.nope'");
    CHECK(error_of([&] { s.format("tiles.vs", {}); }) == path + ": missing key 'tiles.vs'");
    CHECK_THROWS_AS(s.get("summary"), DataError);  // a table is not a string
  }

  TEST_CASE("a placeholder without an argument is an error naming file:line:column and key") {
    const std::string path =
        write_file("spike.toml", "language = \"en\"\n[finding]\nspike = \"{metric} spiked ({ratio})\"\n");
    const Strings s = Strings::load(path);
    CHECK(error_of([&] {
            s.format("finding.spike", {{"metric", "Reach"}});
          }) == path + ":3:9: 'finding.spike' uses {ratio}, but no value was given");
    CHECK(error_of([&] {
            s.format("finding.spike", {{"metric", "a"}, {"ration", "b"}});
          }) == path + ":3:9: 'finding.spike' uses {ratio}, but no value was given");
  }

  TEST_CASE("a malformed placeholder is rejected at load") {
    const std::string open = write_file("open.toml", "language = \"en\"\n[a]\nb = \"x {y\"\n");
    CHECK(error_of([&] { Strings::load(open); }) ==
          open +
              ":3:5: 'a.b' has a malformed placeholder (write '{name}', or '{{' for a literal "
              "brace)");
    const std::string close = write_file("close.toml", "language = \"en\"\n[a]\nb = \"x }\"\n");
    CHECK(error_of([&] { Strings::load(close); }) ==
          close + ":3:5: 'a.b' has an unmatched '}' (write '}}' for a literal brace)");
    const std::string spaced = write_file("spaced.toml", "language = \"en\"\n[a]\nb = \"{a b}\"\n");
    CHECK_THROWS_AS(Strings::load(spaced), DataError);
  }

  TEST_CASE("an unreadable file is a DataError naming the path") {
    const std::string path = "/nonexistent/boardbrief/en.toml";
    CHECK(error_of([&] { Strings::load(path); }) == path + ": cannot read the language file");
  }

  TEST_CASE("both shipped language files have every report key and the same keys and placeholders") {
    const Strings en = Strings::load(lang_file("en.toml"), report_keys());
    const Strings da = Strings::load(lang_file("da.toml"), report_keys());
    CHECK(en.language().code() == "en");
    CHECK(da.language().code() == "da");
    CHECK(en.keys().size() == report_keys().size());
    CHECK(en.keys() == da.keys());
    const std::set<std::string> required(report_keys().begin(), report_keys().end());
    CHECK(required.size() == report_keys().size());  // no duplicates in the list
    for (const std::string& key : en.keys()) {
      CAPTURE(key);
      CHECK(required.count(key) == 1);  // every shipped string is part of the contract
      if (!da.contains(key)) continue;
      auto a = en.placeholders(key);
      auto b = da.placeholders(key);
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      CHECK(a == b);
    }
    CHECK(da.get("summary.title") == "Det bør bestyrelsen vide");
    CHECK(en.get("meta.document_type") == "BOARD BRIEFING");
    CHECK(da.format("footer.page", {{"n", "1"}, {"total", "6"}}) == "Side 1 af 6");
  }

  TEST_CASE("a count in a finding carries its noun, singular for one, and a data gap names the metric bare") {
    const Strings en = Strings::load(lang_file("en.toml"), report_keys());
    const Strings da = Strings::load(lang_file("da.toml"), report_keys());
    const auto count = [](const Strings& s, const char* metric, std::int64_t n) {
      return s.format_plural(std::string("metric.") + metric + ".count", n, {{"n", format_integer(n, s.language())}});
    };
    CHECK(count(en, "mentions", 1) == "1 mention");
    CHECK(count(en, "mentions", 115) == "115 mentions");
    CHECK(count(da, "mentions", 1) == "1 omtale");
    CHECK(count(da, "mentions", 115) == "115 omtaler");
    CHECK(count(en, "inbound", 1) == "1 message");
    CHECK(count(da, "inbound", 1) == "1 besked");
    CHECK(count(da, "inbound", 2) == "2 beskeder");
    CHECK(count(da, "followers", 1) == "1 følger");
    CHECK(count(da, "followers", 1200) == "1.200 følgere");
    CHECK(count(en, "posts", 1) == "1 post");
    CHECK(count(da, "posts", 3) == "3 opslag");
    const std::string rise =
        da.format_sentence("finding.level_change_year_up",
                           {{"metric", da.format("metric.mentions.subject_channel", {{"channel", "TikTok"}})},
                            {"dpct", format_percent(105, da.language())},
                            {"value", count(da, "mentions", 115)},
                            {"period", "oktober"},
                            {"year_ago", "oktober 2025"}});
    CHECK(rise == "Omtalen på TikTok steg 105\u00A0% på et år til 115 omtaler i oktober.");
    const std::string one =
        en.format_sentence("finding.level_change_year_down",
                           {{"metric", en.format("metric.mentions.subject_channel", {{"channel", "TikTok"}})},
                            {"dpct", format_percent(99, en.language())},
                            {"value", count(en, "mentions", 1)},
                            {"period", "October"},
                            {"year_ago", "October 2025"}});
    CHECK(one == "TikTok mentions fell 99% year on year to 1 mention in October.");
    for (const Strings* s : {&en, &da}) {
      const std::string gap = s->format_sentence(
          "finding.data_gap_metric",
          {{"metric", s->get("metric.impressions.noun")}, {"channel", "YouTube"}, {"span", "30.–31. okt. 2026"}});
      CHECK(gap == (s == &da ? "Der mangler data om visninger på YouTube for 30.–31. okt. 2026."
                             : "Data on impressions for YouTube are missing for 30.–31. okt. 2026."));
    }
    CHECK(da.get("metric.followers.noun") == "følgere");
  }

  TEST_CASE("the phrasing examples of docs/findings-examples.md render exactly in both languages") {
    const Strings en = Strings::load(lang_file("en.toml"), report_keys());
    const Strings da = Strings::load(lang_file("da.toml"), report_keys());
    const auto sep2024 = 2024_y / date::September;
    const auto oct2024 = 2024_y / date::October;
    const date::local_days oct14(2026_y / date::October / 14);

    for (const Strings* s : {&en, &da}) {
      const Language l = s->language();
      CAPTURE(language_code(l));
      const std::string rate = s->format_sentence(
          "finding.rate_change_up",
          {{"metric", s->get("metric.unanswered_share.subject")},
           {"value", format_percent(38, l)},
           {"period", month_name(date::October, l)},
           {"dpp", format_points(12, l)},
           {"prev_period", month_name(date::September, l)},
           {"record", s->format("finding.record_highest", {{"month_year", format_month_year(sep2024, l)}})}});
      const std::string level = s->format_sentence(
          "finding.level_change_down",
          {{"metric", s->format("metric.impressions.subject_channel", {{"channel", s->get("platform.instagram")}})},
           {"dpct", format_percent(17.9167, l)},
           {"period", month_name(date::October, l)},
           {"value", s->format_plural("metric.impressions.count", 394000, {{"n", format_count(394000, l)}})},
           {"record", s->format("finding.record_lowest", {{"month_year", format_month_year(oct2024, l)}})}});
      const std::string trend = s->format_sentence(
          "finding.trend_down",
          {{"metric", s->format("metric.reach.subject_channel", {{"channel", s->get("platform.facebook")}})},
           {"adv", s->get("finding.adv_steadily")},
           {"since", format_month_year(2025_y / date::November, l)},
           {"from", format_count(120000, l)},
           {"to", s->format_plural("metric.reach.count", 102000, {{"n", format_count(102000, l)}})},
           {"n", format_integer(12, l)},
           {"slope", format_percent_change(-1.5, l)},
           {"units", s->get("finding.unit_months")},
           {"unit", s->get("finding.unit_month")},
           {"sig", s->get("finding.sig_strong")}});
      const std::string spike = s->format_sentence(
          "finding.spike",
          {{"metric", s->get("metric.negative_mentions.subject")},
           {"date", format_day(oct14, l)},
           {"ratio", format_multiplier(4.8, l)},
           {"value", s->format_plural("metric.negative_mentions.count", 500, {{"n", format_integer(500, l)}})},
           {"expected", format_integer(104, l)}});
      if (l.code() == "en") {
        CHECK(rate ==
              "Unanswered customer messages rose to 38% in October (up 12\u00A0points on "
              "September, the highest since September 2024).");
        CHECK(level ==
              "Instagram impressions fell 18% in October to 394,000 impressions, the lowest since "
              "October 2024.");
        CHECK(trend ==
              "Facebook reach has declined steadily since November 2025, from 120,000 to 102,000 people (\u22121.5% "
              "per month).");
        CHECK(spike ==
              "Negative messages spiked on 14 October to 500 negative messages, 4.8\u00D7 the usual 104 for that "
              "weekday.");
      } else {
        CHECK(rate ==
              "Andelen af ubesvarede beskeder steg til 38\u00A0% i oktober "
              "(12\u00A0procentpoint højere end i september, det højeste niveau siden "
              "september 2024).");
        CHECK(level ==
              "Visningerne på Instagram faldt 18\u00A0% i oktober til 394.000 visninger, det "
              "laveste niveau siden oktober 2024.");
        CHECK(trend ==
              "Rækkevidden på Facebook er støt faldet siden november 2025, fra 120.000 til 102.000 personer "
              "(\u22121,5\u00A0% pr. måned).");
        CHECK(spike ==
              "De negative beskeder toppede den 14. oktober med 500 negative beskeder, 4,8\u00A0gange det normale "
              "niveau på 104 for ugedagen.");
      }
    }
  }
}
