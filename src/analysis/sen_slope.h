// Theil-Sen slope with its Mann-Kendall confidence interval (docs/findings-method.md), on the true time
// index so that a missing period does not shrink the slope.
#pragma once

#include <optional>
#include <vector>

#include "analysis/stats.h"

namespace boardbrief::analysis {

// All pairwise slopes (x_j − x_i)/(t_j − t_i), i < j, over the observed points; t is the
// series index. Units: value per period.
std::vector<double> pairwise_slopes(const Series& series);

// Sen slope b = median of the pairwise slopes, with the interval of R trend::sens.slope:
// C = z·√Var(S), lower = d_(round((N−C)/2)), upper = d_(round((N+C)/2 + 1)), 1-based ranks on
// the sorted slopes clamped to [1, N], rounding half to even.
struct SenSlope {
  double slope = 0;  // per period
  double lower = 0;
  double upper = 0;
  int lower_rank = 0;  // 1-based
  int upper_rank = 0;
  int pairs = 0;  // N = n(n−1)/2
};
// Returns nullopt with fewer than 2 observed points. `z` is the normal quantile for the
// confidence level (default 95 %).
std::optional<SenSlope> sen_slope(const Series& series, double z = kZ975);

// Relative slope of a strictly positive level metric: 100·(exp(b_ln) − 1) % per period, where
// b_ln is the Sen slope of ln x. Returns nullopt when any observed value is <= 0 (use the
// absolute slope then) or with fewer than 2 observed points.
std::optional<double> relative_slope_pct(const Series& series);

}  // namespace boardbrief::analysis
