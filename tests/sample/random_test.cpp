#include "sample/random.h"

#include <doctest/doctest.h>

#include <cmath>

using boardbrief::sample::derive_seed;
using boardbrief::sample::Random;

TEST_SUITE("sample") {
  TEST_CASE("the same seed replays the same numbers and streams differ") {
    Random a(derive_seed(1, 5)), b(derive_seed(1, 5)), c(derive_seed(1, 6));
    int same_as_c = 0;
    for (int i = 0; i < 100; ++i) {
      const double x = a.uniform();
      CHECK(x == b.uniform());
      if (x == c.uniform()) ++same_as_c;
      CHECK(x >= 0.0);
      CHECK(x < 1.0);
    }
    CHECK(same_as_c == 0);
  }

  TEST_CASE("the distributions have the intended mean and spread") {
    Random r(42);
    const int n = 200000;
    double sum = 0, sum_sq = 0, poisson_small = 0, poisson_large = 0, expo = 0;
    int below_median = 0;
    for (int i = 0; i < n; ++i) {
      const double z = r.normal();
      sum += z;
      sum_sq += z * z;
      poisson_small += static_cast<double>(r.poisson(3.5));
      poisson_large += static_cast<double>(r.poisson(120));
      expo += r.exponential(2.0);
      if (r.log_normal(90, 0.8) < 90) ++below_median;
    }
    CHECK(sum / n == doctest::Approx(0).epsilon(0.01).scale(1));
    CHECK(std::sqrt(sum_sq / n) == doctest::Approx(1).epsilon(0.01));
    CHECK(poisson_small / n == doctest::Approx(3.5).epsilon(0.01));
    CHECK(poisson_large / n == doctest::Approx(120).epsilon(0.01));
    CHECK(expo / n == doctest::Approx(2.0).epsilon(0.01));
    CHECK(static_cast<double>(below_median) / n == doctest::Approx(0.5).epsilon(0.01));
    CHECK(r.poisson(0) == 0);
  }

  TEST_CASE("pick follows the weights and never picks a zero weight") {
    Random r(3);
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < 30000; ++i) ++counts[r.pick({1.0, 0.0, 3.0})];
    CHECK(counts[1] == 0);
    CHECK(static_cast<double>(counts[2]) / counts[0] == doctest::Approx(3.0).epsilon(0.06));
  }
}
