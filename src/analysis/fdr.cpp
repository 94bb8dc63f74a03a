#include "analysis/fdr.h"

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace boardbrief::analysis {

double student_t_p(double t, double df) {
  assert(df >= 1);
  if (!std::isfinite(t)) return 0.0;
  // P(|T| >= |t|) = I_{df/(df+t²)}(df/2, 1/2), the regularised incomplete beta function.
  const double x = df / (df + t * t);
  return std::clamp(boost::math::ibeta(df / 2.0, 0.5, x), 0.0, 1.0);
}

double normal_z_for_p(double p) {
  assert(p > 0 && p <= 1);
  return std::sqrt(2.0) * boost::math::erfc_inv(p);
}

double student_t_for_p(double p, double df) {
  assert(p > 0 && p <= 1 && df >= 1);
  double lo = 0, hi = 1;
  while (student_t_p(hi, df) > p && hi < 1e12) hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    (student_t_p(mid, df) > p ? lo : hi) = mid;
  }
  return hi;
}

std::optional<Prediction> prediction_test(const std::vector<double>& history, double value, int min_history) {
  const int n = static_cast<int>(history.size());
  if (n < std::max(min_history, 2)) return std::nullopt;
  const double mean = std::accumulate(history.begin(), history.end(), 0.0) / n;
  double ss = 0;
  for (double h : history) ss += (h - mean) * (h - mean);
  const double sd = std::sqrt(ss / (n - 1));
  if (!(sd > 1e-12 * std::max(1.0, std::fabs(mean)))) return std::nullopt;  // no spread (rounding aside)
  Prediction out;
  out.n = n;
  out.t = (value - mean) / (sd * std::sqrt(1.0 + 1.0 / n));
  out.p = student_t_p(out.t, n - 1);
  return out;
}

BhResult benjamini_hochberg(const std::vector<double>& p, double level) {
  BhResult r;
  const std::size_t m = p.size();
  r.q.assign(m, 1.0);
  if (m == 0) return r;
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  // Step-up: q_(i) = min over j >= i of m·p_(j)/j.
  double running = 1.0;
  for (std::size_t k = m; k-- > 0;) {
    const double v = std::min(1.0, static_cast<double>(m) * p[order[k]] / static_cast<double>(k + 1));
    running = std::min(running, v);
    r.q[order[k]] = running;
  }
  for (std::size_t k = 0; k < m; ++k)
    if (p[order[k]] <= level * static_cast<double>(k + 1) / static_cast<double>(m)) {
      r.cutoff = p[order[k]];
      r.discoveries = static_cast<int>(k + 1);
    }
  return r;
}

}  // namespace boardbrief::analysis
