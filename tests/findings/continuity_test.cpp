// Continuity (docs/decisions.md) on hand-made findings: runs, the same problem in another shape,
// events that never continue, resolved findings, and each earlier period computed once.
#include <doctest/doctest.h>

#include <map>

#include "findings/continuity.h"

namespace bf = boardbrief::findings;

namespace {

bf::Finding finding(bf::Type type, const std::string& metric, bf::Tone tone, const std::string& period,
                    bool summary = true) {
  bf::Finding f;
  f.type = type;
  f.metric = metric;
  f.scope = "all";
  f.direction = bf::Direction::Up;
  f.tone = tone;
  f.period = period;
  f.summary = summary;
  return f;
}

const char* kPeriods[] = {"2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05"};

}  // namespace

TEST_SUITE("findings") {
  TEST_CASE("continuity: a run back to its first period; a new finding; events are always new") {
    // unanswered_share target missed Aug–Oct (not in July); a spike in September and October.
    std::map<std::size_t, int> calls;
    auto earlier = [&](std::size_t back) {
      ++calls[back];
      std::vector<bf::Finding> out;
      if (back <= 2) out.push_back(finding(bf::Type::Target, "unanswered_share", bf::Tone::Bad, kPeriods[back]));
      out.push_back(finding(bf::Type::Anomaly, "negative_mentions", bf::Tone::Bad, kPeriods[back]));
      return out;
    };
    const std::vector<bf::Finding> now = {finding(bf::Type::Target, "unanswered_share", bf::Tone::Bad, "2026-10"),
                                          finding(bf::Type::Anomaly, "negative_mentions", bf::Tone::Bad, "2026-10"),
                                          finding(bf::Type::Change, "impressions", bf::Tone::Good, "2026-10")};
    auto c = bf::trace_continuity(now, 5, earlier);
    REQUIRE(c.kept.size() == 3);
    CHECK(c.kept[0].status == bf::Status::Continuing);
    CHECK(c.kept[0].since == "2026-08");
    CHECK(c.kept[1].status == bf::Status::New);  // a spike is an event of its own period
    CHECK(c.kept[1].since == "2026-10");
    CHECK(c.kept[2].status == bf::Status::New);
    CHECK(c.resolved.empty());
    CHECK(c.periods_recomputed == 3);  // back 1, 2 and 3 (where the run ended), not 4 or 5
    for (const auto& [back, n] : calls) CHECK(n == 1);
  }

  TEST_CASE("continuity: a target miss folded into a rise is the same problem continuing") {
    auto earlier = [&](std::size_t back) {
      return std::vector<bf::Finding>{finding(bf::Type::Target, "first_response_p50", bf::Tone::Bad, kPeriods[back])};
    };
    const std::vector<bf::Finding> now = {finding(bf::Type::Change, "first_response_p50", bf::Tone::Bad, "2026-10")};
    auto c = bf::trace_continuity(now, 3, earlier);
    CHECK(c.kept[0].status == bf::Status::Continuing);
    CHECK(c.kept[0].since == "2026-07");  // the walk stops at max_back
    // A favourable finding of the same metric is not the problem continuing.
    const std::vector<bf::Finding> better = {
        finding(bf::Type::Change, "first_response_p50", bf::Tone::Good, "2026-10")};
    CHECK(bf::trace_continuity(better, 3, earlier).kept[0].status == bf::Status::New);
  }

  TEST_CASE("continuity: last period's adverse page-1 finding that is gone is resolved, with its run") {
    auto earlier = [&](std::size_t back) {
      std::vector<bf::Finding> out;
      if (back <= 2) out.push_back(finding(bf::Type::Target, "first_response_p50", bf::Tone::Bad, kPeriods[back]));
      if (back == 1) out.push_back(finding(bf::Type::Change, "reach", bf::Tone::Bad, kPeriods[back], false));
      if (back == 1) out.push_back(finding(bf::Type::Change, "followers", bf::Tone::Good, kPeriods[back]));
      return out;
    };
    const std::vector<bf::Finding> now = {finding(bf::Type::Target, "first_response_p50", bf::Tone::Good, "2026-10")};
    auto c = bf::trace_continuity(now, 12, earlier);
    REQUIRE(c.resolved.size() == 1);  // not the reach change (not on page 1), not followers (favourable)
    CHECK(c.resolved[0].last.metric == "first_response_p50");
    CHECK(c.resolved[0].last.period == "2026-09");
    CHECK(c.resolved[0].since == "2026-08");
  }

  TEST_CASE("continuity: no earlier period (max_back 0) makes everything new and nothing resolved") {
    auto earlier = [](std::size_t) -> std::vector<bf::Finding> {
      FAIL("no earlier period may be computed");
      return {};
    };
    const std::vector<bf::Finding> now = {finding(bf::Type::Trend, "reach", bf::Tone::Good, "2026-10")};
    auto c = bf::trace_continuity(now, 0, earlier);
    CHECK(c.kept[0].status == bf::Status::New);
    CHECK(c.resolved.empty());
  }
}
