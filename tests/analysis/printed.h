// Test helper: compare with a value as printed in docs/findings-examples.md, to its printed
// precision (absolute half a unit in the last decimal, not doctest's default relative slack).
#pragma once

#include <doctest/doctest.h>

#include <cmath>

namespace boardbrief::analysis::testing {

// Matches x when |x − value| <= 0.5·10^−decimals (up to a negligible relative term).
inline doctest::Approx printed(double value, int decimals) {
  const double tolerance = 0.5 * std::pow(10.0, -decimals);
  // doctest accepts |x − v| < ε·(scale + max(|x|, |v|)); with scale 1 this ε gives ≈ tolerance.
  return doctest::Approx(value).epsilon(tolerance / (1.0 + std::fabs(value))).scale(1.0);
}

}  // namespace boardbrief::analysis::testing
