// The report template's dialogue and findings keys (docs/templates.md): [dialogue.business_hours]
// (weekly schedule and holidays) and the [findings] threshold overrides, with file:line:column errors.
#include <doctest/doctest.h>

#include <fstream>

#include "app/engine_rules.h"
#include "base/error.h"
#include "options/template_spec.h"
#include "options/template_support.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
using boardbrief::DataError;
using boardbrief::options::load_template;

namespace {

std::string write(const std::string& name, const std::string& text) {
  return bt::write_template("findings-template-" + name, text);
}

}  // namespace

TEST_SUITE("options") {
  TEST_CASE("business hours: spans per weekday, closed days and holidays") {
    auto spec = load_template(write("bh",
                                    "[dialogue.business_hours]\nmonday = \"09:00-17:00\"\n"
                                    "tuesday = \"08:00-12:00, 13:00-16:30\"\nsaturday = \"\"\n"
                                    "sunday = \"10:00-24:00\"\nholidays = [\"2026-12-24\", \"2026-12-25\"]\n"));
    REQUIRE(spec.business_hours);
    const auto& b = *spec.business_hours;
    REQUIRE(b.open[0].size() == 1);
    CHECK(b.open[0][0] == std::pair<int, int>{540, 1020});
    REQUIRE(b.open[1].size() == 2);
    CHECK(b.open[1][1] == std::pair<int, int>{780, 990});
    CHECK(b.open[2].empty());  // not given: closed
    CHECK(b.open[5].empty());
    CHECK(b.open[6][0] == std::pair<int, int>{600, 1440});
    REQUIRE(b.holidays.size() == 2);
    CHECK(b.holidays[0] == date::local_days{date::year{2026} / date::December / 24});
  }

  TEST_CASE("business hours: the shipped template has a Monday-Friday schedule and Danish holidays") {
    auto spec = load_template((bt::source_dir() / "templates" / "board.toml").string());
    REQUIRE(spec.business_hours);
    CHECK(spec.business_hours->open[0].size() == 1);
    CHECK(spec.business_hours->open[6].empty());
    CHECK(spec.business_hours->holidays.size() >= 10);
  }

  TEST_CASE("business hours: without the table, calendar time only") {
    auto spec = load_template(write("none", "[dialogue]\nsection = true\n"));
    CHECK_FALSE(spec.business_hours);
  }

  TEST_CASE("business hours: malformed spans, dates and keys name the place") {
    auto p1 = write("bad-span", "[dialogue.business_hours]\nmonday = \"9-17\"\n");
    CHECK(bt::template_error(p1) == p1 +
                                        ":2:10: 'dialogue.business_hours.monday' must look like \"09:00-17:00\" (spans "
                                        "separated by commas, \"\" when closed)");
    auto p2 = write("backwards", "[dialogue.business_hours]\nfriday = \"17:00-09:00\"\n");
    CHECK(bt::template_error(p2).find(p2 + ":2:10: 'dialogue.business_hours.friday'") == 0);
    auto p3 = write("bad-day", "[dialogue.business_hours]\nholidays = [\"2026-13-01\"]\n");
    CHECK(bt::template_error(p3) ==
          p3 + ":2:13: 'dialogue.business_hours.holidays' must be a list of dates (\"2026-12-24\")");
    // One day parser (calendar::try_parse_day): exactly YYYY-MM-DD, nothing after it.
    auto p5 = write("day-tail", "[dialogue.business_hours]\nholidays = [\"2026-12-24 eve\"]\n");
    CHECK(bt::template_error(p5) ==
          p5 + ":2:13: 'dialogue.business_hours.holidays' must be a list of dates (\"2026-12-24\")");
    auto p4 = write("bad-key", "[dialogue.business_hours]\nmondays = \"09:00-17:00\"\n");
    CHECK(bt::template_error(p4) == p4 + ":2:11: unknown template key 'dialogue.business_hours.mondays'");
  }

  TEST_CASE("findings thresholds: read, range-checked and applied to the engine rules") {
    auto spec = load_template(write("rules",
                                    "[findings]\nfalse_discovery_rate = 0.01\nmin_scope_share = 0.4\nspike_z = 4\n"
                                    "min_messages = 50\n"));
    auto rules = boardbrief::app::engine_rules(spec);
    CHECK(rules.fdr_level == 0.01);
    CHECK(rules.min_scope_share == 0.4);
    CHECK(rules.spike.threshold == 4.0);
    CHECK(rules.rate.min_total == 50);
    auto defaults = boardbrief::app::engine_rules(load_template(write("empty", "")));
    CHECK(defaults.fdr_level == 0.05);
    CHECK(defaults.min_contribution == 0.5);
    CHECK_FALSE(defaults.spike.threshold);
    auto weighted = boardbrief::app::engine_rules(
        load_template(write("weights", "[findings.weights]\ncare = 2\nanomaly = 0.9\nfavourable = 1.0\n")));
    CHECK(weighted.weights.care == 2.0);
    CHECK(weighted.weights.anomaly == 0.9);
    CHECK(weighted.weights.favourable == 1.0);
    CHECK(weighted.weights.visibility == 0.7);
    auto unknown = write("bad-weight", "[findings.weights]\ncaring = 2\n");
    CHECK(bt::template_error(unknown) == unknown + ":2:10: unknown template key 'findings.weights.caring'");
    auto bad = write("bad-fdr", "[findings]\nfalse_discovery_rate = 0.7\n");
    CHECK(bt::template_error(bad) == bad + ":2:24: 'findings.false_discovery_rate' must be above 0 and below 0.5");
  }
}
