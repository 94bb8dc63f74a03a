// Daily spikes and dips: worked example E of docs/findings-examples.md, then the rules around it.
#include "analysis/spikes.h"

#include <doctest/doctest.h>

#include "analysis/printed.h"

#include <cmath>

using namespace boardbrief::analysis;
using boardbrief::analysis::testing::printed;
using doctest::Approx;

namespace {
// Example E: negative-sentiment mentions per day, Mon 29 Sep – Sun 26 Oct 2025.
const Series kExampleE{14, 9,  11, 13, 8,  5, 6, 11, 12, 9, 10, 11, 7, 3,
                       13, 57, 12, 9,  10, 4, 6, 10, 11, 8, 12, 9,  8, 5};
constexpr date::local_days kFirstDay = date::local_days{date::year{2025} / 9 / 29};
constexpr int kOctoberBegins = 2;  // 1 Oct 2025 is index 2

Series constant(int n, double v) { return Series(n, v); }
}  // namespace

TEST_SUITE("analysis") {
  TEST_CASE("a spike scan flags only Tuesday 14 October, 4.75 times the usual level") {
    const SpikeScan scan = detect_spikes(kExampleE, date::Monday, kOctoberBegins, true);
    REQUIRE(scan.status == SpikeScanStatus::Ok);
    const std::array<double, 7> w{2.0, 2.0, 0.5, 1.5, 0.0, -4.5, -3.5};
    for (int k = 0; k < 7; ++k) CHECK(scan.weekday_effect[k] == Approx(w[k]));
    CHECK(scan.center == Approx(0.0));
    CHECK(scan.sigma == printed(3.2015621, 7));  // Poisson floor √10.25 > 2.2239
    REQUIRE(scan.spikes.size() == 1);
    const Spike& s = scan.spikes[0];
    CHECK(s.day == 15);
    CHECK(kFirstDay + date::days{s.day} == date::local_days{date::year{2025} / 10 / 14});
    CHECK(date::weekday{kFirstDay + date::days{s.day}} == date::Tuesday);
    CHECK(s.y == 57);
    CHECK(s.expected == Approx(12.0));
    CHECK(s.z == printed(14.056, 3));
    CHECK(s.ratio.value() == Approx(4.75));
    double second = 0;
    for (int t = 0; t < 28; ++t) {
      if (t != 15) second = std::max(second, std::fabs(scan.z[t].value()));
    }
    CHECK(second == printed(1.406, 3));
  }

  TEST_CASE("the weekday of the first day aligns the weekday effects") {
    // The same data starting on Tuesday: drop the Monday, the effects rotate, the flag stays.
    const Series from_tuesday(kExampleE.begin() + 1, kExampleE.end());
    SpikeRules rules;
    rules.min_days = 27;
    const SpikeScan scan = detect_spikes(from_tuesday, date::Tuesday, 0, true, rules);
    REQUIRE(scan.spikes.size() == 1);
    CHECK(scan.spikes[0].day == 14);
  }

  TEST_CASE("flags before the report period are not reported") {
    const SpikeScan scan = detect_spikes(kExampleE, date::Monday, 16, true);
    CHECK(scan.spikes.empty());
    CHECK(scan.z[15].value() == printed(14.056, 3));
  }

  TEST_CASE("an all-equal series has no flags") {
    CHECK(detect_spikes(constant(28, 12), date::Monday, 0, true).spikes.empty());
    const SpikeScan level = detect_spikes(constant(28, 12), date::Monday, 0, false);
    CHECK(level.status == SpikeScanStatus::NoVariation);
    CHECK(level.spikes.empty());
  }

  TEST_CASE("a 3 to 9 jump at E = 3 is no spike: too small a count") {
    Series y = constant(28, 3);
    y[20] = 9;
    SpikeRules lenient;
    lenient.threshold = 2.0;  // z = 6/√3 = 3.46 would pass; the min-count rule must stop it
    const SpikeScan scan = detect_spikes(y, date::Monday, 0, true, lenient);
    CHECK(scan.z[20].value() == Approx(6 / std::sqrt(3.0)));
    CHECK(scan.spikes.empty());
    y[20] = 13;  // max(y, E) >= 10 and |y − E| = 10 >= 5: now it is a spike
    CHECK(detect_spikes(y, date::Monday, 0, true).spikes.size() == 1);
  }

  TEST_CASE("a dip below the usual level is flagged with a negative z") {
    Series y = constant(28, 100);
    for (int t = 0; t < 28; t += 3) y[t] = 104;  // some variation so MAD > 0
    y[22] = 40;
    const SpikeScan scan = detect_spikes(y, date::Monday, 0, false);
    REQUIRE(scan.spikes.size() == 1);
    CHECK(scan.spikes[0].day == 22);
    CHECK(scan.spikes[0].z < -3.5);
    CHECK(scan.spikes[0].ratio.value() == Approx(0.4));
  }

  TEST_CASE("at most two flags per metric, largest |z| first") {
    Series y = kExampleE;
    y[20] = 40;  // Sat: E ≈ 5.5
    y[24] = 45;  // Fri
    const SpikeScan scan = detect_spikes(y, date::Monday, 0, true);
    REQUIRE(scan.spikes.size() == 2);
    CHECK(scan.spikes[0].day == 15);
    CHECK(std::fabs(scan.spikes[0].z) >= std::fabs(scan.spikes[1].z));
  }

  TEST_CASE("short or gappy series are skipped") {
    CHECK(detect_spikes(constant(27, 5), date::Monday, 0, true).status == SpikeScanStatus::TooShort);
    Series gappy = kExampleE;
    gappy[3] = gappy[4] = gappy[5] = std::nullopt;  // 3/28 = 10.7 % > 10 %
    CHECK(detect_spikes(gappy, date::Monday, 0, true).status == SpikeScanStatus::TooManyMissing);
    gappy[5] = 8.0;  // 2/28 = 7 %: medians skip the gaps, the spike is still found
    const SpikeScan scan = detect_spikes(gappy, date::Monday, 0, true);
    REQUIRE(scan.status == SpikeScanStatus::Ok);
    REQUIRE(scan.spikes.size() == 1);
    CHECK(scan.spikes[0].day == 15);
  }

  TEST_CASE("the threshold follows the S-H-ESD table above 140 days") {
    CHECK(spike_threshold(91) == 3.5);
    CHECK(spike_threshold(140) == 3.5);
    CHECK(spike_threshold(141) == 3.5);  // interpolation gives 3.495: stay at least as strict
    CHECK(spike_threshold(150) == Approx(3.517));
    CHECK(spike_threshold(165) == Approx(3.5455));
    CHECK(spike_threshold(365) == Approx(3.778));
    CHECK(spike_threshold(500) == Approx(3.778));
  }

  TEST_CASE("removing a spike replaces the day with its expected value") {
    const SpikeScan scan = detect_spikes(kExampleE, date::Monday, 0, true);
    const Series cleaned = without_spikes(kExampleE, scan.spikes);
    CHECK(cleaned[15].value() == Approx(12.0));
    CHECK(cleaned[14].value() == 13);
  }
}
