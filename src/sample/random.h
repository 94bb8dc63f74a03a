// Reproducible random numbers for the sample generator: std::mt19937_64 for the raw bits and
// our own distributions on top, because the std:: distributions are not specified bit-exactly
// (libstdc++ and libc++ give different numbers for the same seed).
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace boardbrief::sample {

// Mixes a seed with a stream number (splitmix64), so that independent parts of the generator
// (one channel's metrics, the interactions) draw from separate streams: asking for more
// interactions does not change the daily metrics.
std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream);

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1) from the top 53 bits.
  double uniform();
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n). REQUIRES: n > 0
  std::uint64_t below(std::uint64_t n);
  bool chance(double p) { return uniform() < p; }
  // Standard normal (Box–Muller; the second value is cached).
  double normal();
  double normal(double mean, double sd) { return mean + sd * normal(); }
  // exp(normal(log(median), sigma)).
  double log_normal(double median, double sigma);
  // Exponential with the given mean.
  double exponential(double mean);
  // Poisson count. Knuth's product method below mean 30; above, a rounded normal
  // approximation (relative error of the shape < 2 %, plenty for sample data).
  std::int64_t poisson(double mean);
  // Index drawn with probability proportional to weights[i]. REQUIRES: a positive sum.
  std::size_t pick(const std::vector<double>& weights);

 private:
  std::mt19937_64 engine_;
  double spare_normal_ = 0;
  bool has_spare_ = false;
};

}  // namespace boardbrief::sample
