#include "analysis/mann_kendall.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "analysis/sen_slope.h"

namespace boardbrief::analysis {
namespace {

int sign(double v) { return (v > 0) - (v < 0); }

long kendall_s(const std::vector<double>& x) {
  long s = 0;
  for (std::size_t i = 0; i + 1 < x.size(); ++i) {
    for (std::size_t j = i + 1; j < x.size(); ++j) s += sign(x[j] - x[i]);
  }
  return s;
}

// Σ_g t_g(t_g−1)(2t_g+5) over groups of exactly equal values.
double tie_term(std::vector<double> x) {
  std::sort(x.begin(), x.end());
  double sum = 0;
  for (std::size_t i = 0; i < x.size();) {
    std::size_t j = i;
    while (j < x.size() && x[j] == x[i]) ++j;
    const double t = static_cast<double>(j - i);
    sum += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  return sum;
}

double variance_s(const std::vector<double>& x, double ties) {
  const double n = static_cast<double>(x.size());
  return (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
}

double continuity_z(long s, double var) {
  if (s == 0 || var <= 0) return 0.0;
  return (s > 0 ? s - 1.0 : s + 1.0) / std::sqrt(var);
}

}  // namespace

MannKendall mann_kendall(const Series& series) {
  const std::vector<double> x = observed_values(series);
  MannKendall r;
  r.n = static_cast<int>(x.size());
  if (r.n < 2) return r;
  const double ties = tie_term(x);
  r.has_ties = ties > 0;
  r.s = kendall_s(x);
  r.var_s = variance_s(x, ties);
  r.z = continuity_z(r.s, r.var_s);
  r.p = two_sided_p(r.z);
  r.tau = static_cast<double>(r.s) / (0.5 * r.n * (r.n - 1));
  // Gilbert tabulates exact probabilities up to n = 10; above, the normal approximation is good.
  if (r.n <= 10 && !r.has_ties) r.exact_p = exact_mann_kendall_p(r.n, r.s);
  return r;
}

double exact_mann_kendall_p(int n, long s) {
  assert(n >= 1 && n <= 12);
  // counts[k] = permutations of m items with k inversions; doubles are exact up to 12!.
  std::vector<double> counts{1.0};
  double total = 1.0;
  for (int m = 2; m <= n; ++m) {
    std::vector<double> next(counts.size() + m - 1, 0.0);
    for (std::size_t k = 0; k < counts.size(); ++k) {
      for (int j = 0; j < m; ++j) next[k + j] += counts[k];
    }
    counts = std::move(next);
    total *= m;
  }
  const long pairs = static_cast<long>(n) * (n - 1) / 2;
  double tail = 0.0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (std::labs(pairs - 2 * static_cast<long>(k)) >= std::labs(s)) tail += counts[k];
  }
  return tail / total;
}

std::optional<YueWang> yue_wang_lag1(const Series& series, bool clamp) {
  const std::vector<TimedValue> pts = observed_points(series);
  const auto sen = sen_slope(series);
  if (pts.size() < 3 || !sen) return std::nullopt;
  const double n = static_cast<double>(pts.size());
  // Residuals on the true time index: a gap must not look like a level shift.
  std::vector<double> e;
  double mean = 0;
  for (const auto& p : pts) {
    e.push_back(p.x - sen->slope * p.t);
    mean += e.back();
  }
  mean /= n;
  double num = 0, den = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    den += (e[i] - mean) * (e[i] - mean);
    if (i + 1 < e.size()) num += (e[i] - mean) * (e[i + 1] - mean);
  }
  YueWang r;
  r.rho1 = den > 0 ? num / den : 0.0;
  r.factor = 1 + 2 * (1 - 1 / n) * r.rho1;
  // Clamped so that negative autocorrelation never makes a trend easier to accept.
  if (clamp) r.factor = std::max(1.0, r.factor);
  const MannKendall mk = mann_kendall(series);
  r.var_s = r.factor * mk.var_s;
  r.z = continuity_z(mk.s, r.var_s);
  r.p = two_sided_p(r.z);
  return r;
}

SeasonalKendall seasonal_kendall(const Series& series, int period) {
  assert(period >= 1);
  SeasonalKendall r;
  std::vector<double> slopes;
  for (int season = 0; season < period; ++season) {
    Series sub;  // index = cycle number, so missing days keep their place
    for (std::size_t t = season; t < series.size(); t += period) sub.push_back(series[t]);
    const MannKendall mk = mann_kendall(sub);
    r.s += mk.s;
    r.var_s += mk.var_s;
    const std::vector<double> d = pairwise_slopes(sub);
    slopes.insert(slopes.end(), d.begin(), d.end());
  }
  r.z = continuity_z(r.s, r.var_s);
  r.p = two_sided_p(r.z);
  if (!slopes.empty()) r.slope = median(std::move(slopes));
  return r;
}

}  // namespace boardbrief::analysis
