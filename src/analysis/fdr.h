// Tests that give a p-value from little history, and false-discovery control over all tests of
// one report (docs/findings-method.md, "One family per report"). Pure functions.
#pragma once

#include <optional>
#include <vector>

namespace boardbrief::analysis {

// Two-sided p of Student's t with `df` degrees of freedom. REQUIRES: df >= 1
double student_t_p(double t, double df);

// |z| whose two-sided normal p is `p` (the spike threshold that a p-value cut-off implies).
// REQUIRES: 0 < p <= 1
double normal_z_for_p(double p);

// |t| whose two-sided Student-t p with `df` degrees of freedom is `p`. REQUIRES: 0 < p <= 1
double student_t_for_p(double p, double df);

// A prediction test: is `value` a plausible next draw of the process that gave `history`?
// t = (value − mean)/(sd·√(1 + 1/n)) with n − 1 degrees of freedom; exact for independent
// normal draws, and honest with a short history because the t tail is wide where a robust z
// from eleven points is not. Returns nullopt below `min_history` values or when sd = 0.
struct Prediction {
  double t = 0;
  double p = 1;
  int n = 0;
};
std::optional<Prediction> prediction_test(const std::vector<double>& history, double value, int min_history);

// Benjamini–Hochberg over one family of p-values: the adjusted value q_i of each (the smallest
// level at which test i would be a discovery) and the largest p that is a discovery at
// `level` (0 when none is). q is monotone in p, so "q_i <= level" equals "p_i <= cutoff".
struct BhResult {
  std::vector<double> q;  // same order as the input
  double cutoff = 0;
  int discoveries = 0;
};
BhResult benjamini_hochberg(const std::vector<double>& p, double level);

}  // namespace boardbrief::analysis
