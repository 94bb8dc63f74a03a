// Mann-Kendall trend test (docs/findings-method.md): S, tie-corrected variance, continuity-
// corrected Z, two-sided p, tau-a, the exact small-n null distribution, the Yue-Wang lag-1
// autocorrelation correction and the seasonal Kendall test.
#pragma once

#include <optional>

#include "analysis/stats.h"

namespace boardbrief::analysis {

// Result of the plain Mann-Kendall test on the observed values of a series.
struct MannKendall {
  int n = 0;         // observed points
  long s = 0;        // Σ_{i<j} sgn(x_j − x_i)
  double var_s = 0;  // tie-corrected Var(S)
  double z = 0;      // continuity-corrected; 0 when S = 0 or Var(S) = 0
  double p = 1;      // two-sided, normal approximation
  double tau = 0;    // tau-a = S / (n(n−1)/2); 0 when n < 2
  bool has_ties = false;
  // Exact two-sided p from the permutation distribution; set only for 2 <= n <= 10 without ties.
  std::optional<double> exact_p;
};

// Mann-Kendall on the observed values (missing periods are skipped; S uses order only).
// A series with fewer than 2 observed points gives n, S = 0 and p = 1.
MannKendall mann_kendall(const Series& series);

// Exact two-sided P(|S'| >= |s|) for n values without ties, from the Mahonian numbers
// (permutations counted by inversions, S = n(n−1)/2 − 2k).
// REQUIRES: 1 <= n <= 12
double exact_mann_kendall_p(int n, long s);

// The Yue-Wang (2004) lag-1 variance correction: residuals e_t = x_t − b·t with the Sen slope
// b on the true time index, ρ1 their lag-1 autocorrelation, f = 1 + 2(1 − 1/n)ρ1 clamped to
// >= 1 unless `clamp` is false; Var*(S) = f·Var(S), and Z and p recomputed.
struct YueWang {
  double rho1 = 0;    // 0 when the residuals are constant
  double factor = 1;  // f
  double var_s = 0;   // Var*(S)
  double z = 0;
  double p = 1;
};
// The engine applies it for n >= 10 only (ρ1 is too noisy below); that choice is the caller's.
// Returns nullopt for fewer than 3 observed points.
std::optional<YueWang> yue_wang_lag1(const Series& series, bool clamp = true);

// Seasonal Kendall (Hirsch, Slack & Smith 1982) with `period` seasons: index t belongs to
// season t % period. S and Var(S) are sums over the seasons (each with its own ties); the
// slope is the median of all within-season pairwise slopes per cycle (per week for daily
// data with period 7). Seasons are assumed independent (no covariance term).
struct SeasonalKendall {
  long s = 0;
  double var_s = 0;
  double z = 0;
  double p = 1;
  std::optional<double> slope;  // per cycle; nullopt when no season has two points
};
// REQUIRES: period >= 1
SeasonalKendall seasonal_kendall(const Series& series, int period = 7);

}  // namespace boardbrief::analysis
