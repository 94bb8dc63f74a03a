// The outlook's projection (docs/decisions.md): Sen line level, slope interval times the horizon,
// clamped to the metric's range; and the horizon to the end of the next quarter.
#include <doctest/doctest.h>

#include "analysis/outlook.h"
#include "analysis/sen_slope.h"
#include "calendar/periods.h"
#include "findings/outlook.h"

namespace ba = boardbrief::analysis;

TEST_SUITE("analysis") {
  TEST_CASE("project: the Sen line's level plus the slope interval times the horizon") {
    ba::Series s;
    for (int i = 0; i < 12; ++i) s.push_back(0.10 + 0.02 * i + (i % 2 ? 0.01 : -0.01));
    auto p = ba::project(s, 12, 5, 0, 1);
    REQUIRE(p);
    auto sen = ba::sen_slope(s);
    REQUIRE(sen);
    CHECK(p->slope == doctest::Approx(sen->slope));
    CHECK(p->low == doctest::Approx(p->level + sen->lower * 5));
    CHECK(p->high == doctest::Approx(p->level + sen->upper * 5));
    CHECK(p->low <= p->central);
    CHECK(p->central <= p->high);
    CHECK(p->level == doctest::Approx(0.32).epsilon(0.05));  // the line at the last period, not the last value 0.33
  }

  TEST_CASE("project: a share never leaves 0–100 %; too few values or no horizon give nothing") {
    ba::Series s;
    for (int i = 0; i < 8; ++i) s.push_back(0.6 + 0.05 * i);
    auto p = ba::project(s, 8, 12, 0, 1);
    REQUIRE(p);
    CHECK(p->high == 1);
    CHECK(!ba::project(ba::Series{0.1, std::nullopt, 0.2}, 3, 5, 0, 1));
    CHECK(!ba::project(s, 8, 0, 0, 1));
  }

  TEST_CASE("outlook horizon: to the last month of the next quarter") {
    using boardbrief::calendar::parse_period;
    const auto as_of = date::local_days{date::year{2027} / 6 / 1};
    boardbrief::model::Period by;
    CHECK(boardbrief::findings::outlook_horizon(parse_period("2026-10", as_of), &by) == 5);
    CHECK(by.key == "2027-03");
    CHECK(boardbrief::findings::outlook_horizon(parse_period("2026-12", as_of), &by) == 3);
    CHECK(boardbrief::findings::outlook_horizon(parse_period("2026-07", as_of), &by) == 5);
    CHECK(by.key == "2026-12");
    CHECK(boardbrief::findings::outlook_horizon(parse_period("2026-Q3", as_of), &by) == 1);
    CHECK(by.key == "2026-12");
    CHECK(!boardbrief::findings::outlook_horizon(parse_period("2026", as_of), &by));
  }
}

TEST_SUITE("analysis") {
  TEST_CASE("find_outlook: a kept trend or one folded into its metric's kept finding; never a dropped one") {
    namespace bf = boardbrief::findings;
    using boardbrief::calendar::parse_period;
    const auto report = parse_period("2026-10", date::local_days{date::year{2027} / 1 / 1});
    ba::Kpi k;
    k.metric = "unanswered_share";
    k.kind = ba::ValueKind::Share;
    for (int i = 0; i < 13; ++i) k.window.push_back(0.1 + 0.02 * i);
    k.target = ba::TargetStatus{0.15, true, false};
    bf::Finding trend;
    trend.type = bf::Type::Trend;
    trend.metric = "unanswered_share";
    trend.scope = "all";
    trend.inputs["window"] = 12;
    bf::Finding change = trend;
    change.type = bf::Type::Change;
    change.inputs.clear();
    // Kept on its own.
    auto o = bf::find_outlook({trend}, {k}, report);
    REQUIRE(o.size() == 1);
    CHECK(o[0].by.key == "2027-03");
    // Folded into the change of the same metric.
    bf::Finding host = change;
    host.absorbed.push_back(trend);
    host.absorbed.back().dropped_by = "trend_and_change";
    o = bf::find_outlook({host}, {k}, report);
    REQUIRE(o.size() == 1);
    CHECK(o[0].finding == 0);
    // A change alone, or a trend that was dropped by its gate (never kept): no outlook.
    CHECK(bf::find_outlook({change}, {k}, report).empty());
    bf::Finding dropped = trend;
    dropped.dropped_by = "not_significant";
    CHECK(bf::find_outlook({dropped}, {k}, report).empty());
    // No target, no outlook.
    k.target.reset();
    CHECK(bf::find_outlook({trend}, {k}, report).empty());
  }
}
