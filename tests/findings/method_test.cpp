// The findings method's statistics and rules (docs/findings-method.md): Benjamini–Hochberg over
// one family, the prediction test, Student's t, one event per run of spike days, and the
// minimum basis of a change.
#include <doctest/doctest.h>

#include "analysis/fdr.h"
#include "findings/engine_fixture.h"

using namespace boardbrief;
using namespace boardbrief::testing::findings_fixture;
using date::local_days;

TEST_SUITE("findings") {
  TEST_CASE("Benjamini-Hochberg: adjusted values and the cut-off (the textbook example)") {
    // Benjamini & Hochberg (1995), 15 p-values; at q = 0.05 the first four are discoveries.
    std::vector<double> p{0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
                          0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0};
    auto r = analysis::benjamini_hochberg(p, 0.05);
    CHECK(r.discoveries == 4);
    CHECK(r.cutoff == doctest::Approx(0.0095));
    CHECK(r.q[0] == doctest::Approx(0.0015));
    CHECK(r.q[3] == doctest::Approx(0.0095 * 15 / 4));
    for (std::size_t i = 1; i < p.size(); ++i) CHECK(r.q[i] >= r.q[i - 1]);
    CHECK(analysis::benjamini_hochberg({0.2, 0.5}, 0.05).discoveries == 0);
    CHECK(analysis::benjamini_hochberg({0.2, 0.5}, 0.05).cutoff == 0);
  }

  TEST_CASE("Student's t: two-sided p and its inverse") {
    CHECK(analysis::student_t_p(2.228138851986, 10) == doctest::Approx(0.05).epsilon(1e-6));
    CHECK(analysis::student_t_p(1.959963984540054, 1e6) == doctest::Approx(0.05).epsilon(1e-4));
    CHECK(analysis::student_t_for_p(0.05, 10) == doctest::Approx(2.228138851986).epsilon(1e-6));
    CHECK(analysis::normal_z_for_p(0.05) == doctest::Approx(1.959963984540054));
  }

  TEST_CASE("prediction test: too little history is no test; a jump far outside the spread is") {
    CHECK_FALSE(analysis::prediction_test({0.01, -0.02, 0.0}, 0.5, 6));
    CHECK_FALSE(analysis::prediction_test(std::vector<double>(8, 0.1), 0.5, 6));  // no spread
    auto t = analysis::prediction_test({0.01, -0.02, 0.0, 0.03, -0.01, 0.02, -0.03, 0.0}, 0.5, 6);
    REQUIRE(t);
    CHECK(t->n == 8);
    CHECK(t->p < 1e-6);
    auto calm = analysis::prediction_test({0.01, -0.02, 0.0, 0.03, -0.01, 0.02, -0.03, 0.0}, 0.01, 6);
    REQUIRE(calm);
    CHECK(calm->p > 0.5);
  }

  TEST_CASE("a change without six earlier changes has no test and no finding") {
    Fixture fx;
    fx.metric("mentions", "instagram", {100, 102, 300});  // tripled, but nothing to judge it against
    auto c = fx.consider(en());
    CHECK_FALSE(find(c.kept, findings::Type::Change, "mentions", "2025-09"));
    auto f = find(c.dropped, findings::Type::Change, "mentions", "2025-09");
    REQUIRE(f);
    CHECK(f->dropped_by == "too_little_history");
  }

  TEST_CASE("one event, one finding: two spike days in a row are told once, the other day absorbed") {
    Fixture fx;
    series::DailyMetric m;
    m.metric = "mentions";
    m.first = local_days{date::year{2025} / date::September / 29};
    m.report_begin = 2;
    for (int v : {14, 9, 11, 13, 8, 5, 6, 11, 12, 9, 10, 11, 7, 3, 13, 57, 49, 9, 10, 4, 6, 10, 11, 8, 12, 9, 8, 5})
      m.values.push_back(v);
    fx.daily_metrics.push_back(m);
    auto c = fx.consider(en());
    int spikes = 0;
    for (const auto& f : c.kept) spikes += f.type == findings::Type::Anomaly;
    CHECK(spikes == 1);
    auto f = find(c.kept, findings::Type::Anomaly, "mentions");
    REQUIRE(f);
    CHECK(f->inputs.at("day_offset") == 13);  // the stronger day tells the event
    CHECK(f->inputs.at("event_days") == 2);
    REQUIRE(f->absorbed.size() == 1);
    CHECK(f->absorbed[0].dropped_by == "same_event");
    CHECK(f->absorbed[0].inputs.at("day_offset") == 14);
    CHECK(f->absorbed[0].inputs.at("q") <= 0.05);
  }

  TEST_CASE("level and trend of one metric are one sentence") {
    Fixture fx;
    // A steady rise for a year, then a jump in October: the change carries the trend as a clause.
    std::vector<double> v;
    double x = 100000;
    for (int i = 0; i < 13; ++i, x *= 1.02) v.push_back(x * (1 + 0.004 * ((i % 3) - 1)));
    v.push_back(v.back() * 1.6);
    fx.metric("impressions", "instagram", v);
    auto all = fx.run(en());
    int about = 0;
    for (const auto& f : all)
      about += f.metric == "impressions" && (f.type == findings::Type::Change || f.type == findings::Type::Trend);
    CHECK(about == 1);
    auto f = find(all, findings::Type::Change, "impressions", "2025-09");
    REQUIRE(f);
    CHECK(f->sentence.find("rising for 12 months") != std::string::npos);
    REQUIRE_FALSE(f->absorbed.empty());
    CHECK(f->absorbed[0].type == findings::Type::Trend);
  }
}
