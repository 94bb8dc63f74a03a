#include "analysis/dialogue.h"

#include <doctest/doctest.h>

using namespace boardbrief::analysis;
using namespace std::chrono_literals;

namespace {
std::vector<Frt> minutes(const std::vector<int>& values, int unanswered = 0) {
  std::vector<Frt> out;
  for (int v : values) out.push_back(std::chrono::minutes{v});
  for (int i = 0; i < unanswered; ++i) out.push_back(std::nullopt);
  return out;
}
std::chrono::seconds value_of(const std::vector<Frt>& frt, int pct) {
  const auto p = frt_percentile(frt, pct);
  REQUIRE(p);
  REQUIRE_FALSE(p->infinite);
  return p->value;
}
const date::sys_seconds kPeriodEnd = date::sys_days{date::year{2025} / 11 / 1};
}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("example I: nearest-rank percentiles with one unanswered message") {
    // 5 12 30 45 60 90 120 240 600 ∞, shuffled: selection must not depend on input order.
    const std::vector<Frt> frt = minutes({240, 5, 600, 45, 12, 120, 30, 90, 60}, 1);
    CHECK(value_of(frt, 50) == 60min);
    CHECK(value_of(frt, 90) == 600min);
    const auto p95 = frt_percentile(frt, 95);
    REQUIRE(p95);
    CHECK(p95->infinite);  // "fewer than 95 % were answered within 72 hours"
    CHECK(answered_median(frt).value() == 60min);
    CHECK(value_of(minutes({5, 12, 30, 45, 60, 90, 120, 240, 600}), 90) == 600min);
  }

  TEST_CASE("example I: nearest rank on an even count picks a data value") {
    const std::vector<Frt> frt = minutes({4, 8, 15, 16, 23, 42});
    CHECK(value_of(frt, 50) == 15min);  // type 7 would give 15.5
    CHECK(value_of(frt, 90) == 42min);  // type 7 would give 32.5
  }

  TEST_CASE("the integer nearest rank of P7 of 100 is 7") {
    CHECK(nearest_rank(7, 100) == 7);
    CHECK(nearest_rank(50, 10) == 5);
    CHECK(nearest_rank(95, 10) == 10);
    CHECK(nearest_rank(1, 10) == 1);
    CHECK(nearest_rank(100, 1) == 1);
    std::vector<int> hundred;
    for (int i = 1; i <= 100; ++i) hundred.push_back(i);
    CHECK(value_of(minutes(hundred), 7) == 7min);
  }

  TEST_CASE("empty inputs have no percentile") {
    CHECK_FALSE(frt_percentile({}, 50).has_value());
    CHECK_FALSE(answered_median(minutes({}, 3)).has_value());
  }

  TEST_CASE("a cohort counts late replies as unanswered and leaves immature messages out") {
    const std::vector<CohortMessage> messages{
        {kPeriodEnd - 100h, kPeriodEnd - 99h},        // 1 h
        {kPeriodEnd - 100h, kPeriodEnd - 100h + 72h},  // exactly the window: answered
        {kPeriodEnd - 100h, kPeriodEnd - 100h + 73h},  // too late: ∞
        {kPeriodEnd - 90h, std::nullopt},              // ∞
        {kPeriodEnd - 10h, std::nullopt},              // immature: excluded
    };
    const CohortSummary s = summarise_cohort(messages, kPeriodEnd + 24h);
    CHECK(s.cohort == 5);
    CHECK(s.mature == 4);
    CHECK(s.answered == 2);
    CHECK(s.provisional);
    CHECK(s.response_rate.value() == doctest::Approx(0.5));
    CHECK(s.unanswered_share.value() == doctest::Approx(0.5));
    REQUIRE(s.frt.size() == 4);
    CHECK(s.frt[0].value() == 1h);
    CHECK_FALSE(s.frt[2].has_value());
  }

  TEST_CASE("a cohort read after the window has closed is final") {
    const std::vector<CohortMessage> messages{{kPeriodEnd - 1h, std::nullopt}};
    const CohortSummary s = summarise_cohort(messages, kPeriodEnd + 72h);
    CHECK_FALSE(s.provisional);
    CHECK(s.unanswered_share.value() == 1.0);
    const CohortSummary early = summarise_cohort(messages, kPeriodEnd + 70h);
    CHECK(early.provisional);
    CHECK(early.mature == 0);
    CHECK_FALSE(early.response_rate.has_value());
  }
}
