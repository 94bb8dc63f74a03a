// The findings engine on ReportData built here: worked examples (a rate change with a record,
// a level change with a record, a 12-month trend, a spike, the ranking of all four) phrased in
// English and Danish, plus targets, data gaps, tiny samples and the cap (docs/findings-method.md).
#include "findings/engine.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "calendar/periods.h"
#include "findings/engine_fixture.h"
#include "series/build.h"

using namespace boardbrief;
using namespace boardbrief::testing::findings_fixture;
using date::days;
using date::local_days;

TEST_SUITE("findings") {
  TEST_CASE("findings: rate change in points with a record") {
    Fixture fx;
    add_example_g(fx);
    auto r1 = fx.run(en());
    auto f = find(r1, findings::Type::Change, "unanswered_share");
    REQUIRE(f);
    CHECK(f->sentence ==
          "Unanswered customer messages rose to **38%** in October (up **12\u00A0points** on September, the highest "
          "since September 2024).");
    CHECK(f->tone == findings::Tone::Bad);
    CHECK(f->score == doctest::Approx(5.212).epsilon(0.0005));
    auto r2 = fx.run(da());
    auto d = find(r2, findings::Type::Change, "unanswered_share");
    REQUIRE(d);
    CHECK(d->sentence ==
          "Andelen af ubesvarede beskeder steg til **38\u00A0%** i oktober (**12\u00A0procentpoint** højere end i "
          "september, det højeste niveau siden september 2024).");
  }

  TEST_CASE("findings: level change with a record") {
    Fixture fx;
    add_example_h(fx);
    auto r3 = fx.run(en());
    auto f = find(r3, findings::Type::Change, "impressions");
    REQUIRE(f);
    CHECK(f->sentence ==
          "Instagram impressions fell **18%** in October to **394,000** impressions, the lowest since October 2024.");
    CHECK(f->scope == "platform:instagram");
    CHECK(f->score == doctest::Approx(3.203).epsilon(0.0005));
    auto r4 = fx.run(da());
    auto d = find(r4, findings::Type::Change, "impressions");
    REQUIRE(d);
    CHECK(d->sentence ==
          "Visningerne på Instagram faldt **18\u00A0%** i oktober til **394.000** visninger, det laveste niveau siden "
          "oktober "
          "2024.");
  }

  TEST_CASE("findings: trend over 12 months") {
    Fixture fx;
    add_example_b(fx);
    auto all = fx.run(en());
    auto f = find(all, findings::Type::Trend, "reach");
    REQUIRE(f);
    CHECK(
        f->sentence ==
        "Facebook reach has declined steadily since November 2024, from 120,000 to 102,000 people (**\u22121.5%** per "
        "month).");
    CHECK(f->score == doctest::Approx(2.791).epsilon(0.0005));
    CHECK_FALSE(find(all, findings::Type::Change, "reach"));  // −2.2 % is normal variation
    auto r5 = fx.run(da());
    auto d = find(r5, findings::Type::Trend, "reach");
    REQUIRE(d);
    CHECK(d->sentence ==
          "Rækkevidden på Facebook er støt faldet siden november 2024, fra 120.000 til 102.000 personer "
          "(**\u22121,5\u00A0%** "
          "pr. måned).");
  }

  TEST_CASE("findings: no trend claimed from noise") {
    Fixture fx;
    fx.metric("reach", "facebook", {100, 104, 99, 103, 98, 105, 101, 99, 104, 100, 102, 98, 103});
    CHECK(fx.run(en()).empty());
  }

  TEST_CASE("findings: a trend over a window with data gaps becomes a data-gap finding") {
    Fixture fx;
    add_example_b(fx);
    auto& s = fx.data.metric_series["reach@platform:facebook"];
    s.days_with_data[s.days_with_data.size() - 7] = 20;  // April 2025: 20 of 30 days
    auto all = fx.run(en());
    CHECK_FALSE(find(all, findings::Type::Trend, "reach"));
    auto f = find(all, findings::Type::DataGap, "reach");
    REQUIRE(f);
    CHECK(f->sentence ==
          "No trend is claimed for Facebook reach over the past 12 months: data are missing for part of April 2025.");
  }

  TEST_CASE("findings: spike of negative sentiment") {
    Fixture fx;
    add_example_e(fx);
    auto all = fx.run(en());
    REQUIRE(all.size() == 1);
    CHECK(all[0].type == findings::Type::Anomaly);
    CHECK(all[0].sentence ==
          "Negative messages spiked on **14 October** to **57** negative messages, **4.8×** the usual 12 for that "
          "weekday.");
    CHECK(all[0].score == doctest::Approx(3.0));
    CHECK(all[0].inputs.at("day_offset") == 13);
    auto d = fx.run(da());
    REQUIRE(d.size() == 1);
    CHECK(d[0].sentence ==
          "De negative beskeder toppede den **14. oktober** med **57** negative beskeder, **4,8\u00A0gange** det "
          "normale niveau på 12 "
          "for ugedagen.");
  }

  TEST_CASE("findings: target missed") {
    Fixture fx;
    analysis::Kpi k;
    k.metric = "unanswered_share";
    k.kind = analysis::ValueKind::Share;
    k.better = model::Better::Down;
    k.value = 0.38;
    k.target = analysis::TargetStatus{0.15, true, false};
    fx.kpis.push_back(k);
    auto all = fx.run(en());
    REQUIRE(all.size() == 1);
    CHECK(all[0].type == findings::Type::Target);
    CHECK(all[0].tone == findings::Tone::Bad);
    CHECK(all[0].sentence ==
          "Unanswered customer messages: **38%** in October, missing the target of at most **15%**.");
    CHECK(all[0].summary);
    auto d = fx.run(da());
    REQUIRE(d.size() == 1);
    CHECK(d[0].sentence ==
          "Andelen af ubesvarede beskeder var **38\u00A0%** i oktober og lå dermed over målet på højst "
          "**15\u00A0%**.");
  }

  TEST_CASE("findings: data gap in the report period") {
    Fixture fx;
    analysis::Gap g;
    g.channel_id = 1;
    g.metric = "impressions";
    g.missing_days = 2;
    g.spans = {{local_days{date::year{2025} / date::October / 30}, local_days{date::year{2025} / date::October / 31}}};
    fx.gaps.push_back(g);
    auto all = fx.run(en());
    REQUIRE(all.size() == 1);
    CHECK(all[0].type == findings::Type::DataGap);
    CHECK_FALSE(all[0].summary);  // 2 of 31 days: an "other finding"
    CHECK(all[0].sentence == "Data on impressions for Instagram are missing for **30–31 Oct 2025**.");
    auto d = fx.run(da());
    REQUIRE(d.size() == 1);
    CHECK(d[0].sentence == "Der mangler data om visninger på Instagram for **30.–31. okt. 2025**.");
  }

  TEST_CASE("findings: no significant changes") {
    Fixture fx;
    std::vector<std::pair<int, int>> v(14, {60, 200});
    fx.unanswered(v);
    auto all = fx.run(en());
    CHECK(findings::summary_findings(all).empty());
    CHECK(findings::no_significant_changes(en(), fx.data.periods) ==
          "No significant changes in October compared with September.");
    CHECK(findings::no_significant_changes(da(), fx.data.periods) ==
          "Ingen signifikante ændringer i oktober sammenlignet med september.");
  }

  TEST_CASE("findings: no rate from tiny samples (3 messages)") {
    Fixture fx;
    std::vector<std::pair<int, int>> v(12, {1, 3});
    v.emplace_back(0, 3);
    v.emplace_back(3, 3);  // 0 % -> 100 % unanswered, but from 3 messages
    fx.unanswered(v);
    CHECK(fx.run(en()).empty());
  }

  TEST_CASE("findings: ranking order and cap") {
    Fixture fx;
    add_example_g(fx);
    add_example_h(fx);
    add_example_b(fx);
    add_example_e(fx);
    auto all = fx.run(en());
    // Together the examples are one family of tests: example F's unanswered share (p = 0.016 on
    // its own) is no discovery beside the stronger evidence of H, B and E.
    REQUIRE(all.size() >= 3);
    CHECK(all[0].metric == "impressions");
    CHECK(all[0].type == findings::Type::Change);
    CHECK(all[1].type == findings::Type::Anomaly);
    CHECK(all[2].metric == "reach");
    CHECK_FALSE(find(all, findings::Type::Change, "unanswered_share"));
    for (const auto& f : all) CHECK(f.inputs.at("q") <= 0.05);
    for (std::size_t i = 1; i < all.size(); ++i)
      if (all[i].summary) CHECK(all[i - 1].score >= all[i].score);
    CHECK(findings::summary_findings(all).size() <= 5);

    findings::EngineRules r;
    r.cap.summary_max = 2;
    r.cap.others_max = 1;
    auto capped = fx.run(en(), r);
    REQUIRE(capped.size() == 3);
    CHECK(capped[0].summary);
    CHECK(capped[1].summary);
    CHECK_FALSE(capped[2].summary);
    CHECK(capped[2].metric == "reach");
  }
}
