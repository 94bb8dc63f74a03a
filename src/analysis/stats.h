// Small robust statistics shared by the analysis functions: medians, MAD, normal p-values.
// Pure functions; no function here reads the clock or does I/O.
#pragma once

#include <optional>
#include <vector>

namespace boardbrief::analysis {

// A series in time order with missing periods kept as nullopt, so that the index is the
// true time index (month or day number since the start of the series).
using Series = std::vector<std::optional<double>>;

// MAD -> standard deviation under normality (1/Φ⁻¹(0.75)).
inline constexpr double kMadToSigma = 1.4826;
// Mean absolute deviation -> standard deviation (√(π/2)), the fallback when MAD = 0.
inline constexpr double kMeanAbsToSigma = 1.253314;
// z_{0.975}, the two-sided 95 % normal quantile.
inline constexpr double kZ975 = 1.959963984540054;

// One observed point of a Series.
struct TimedValue {
  int t = 0;       // index in the series
  double x = 0.0;  // observed value
};

// The observed points of `series`, in time order.
std::vector<TimedValue> observed_points(const Series& series);

// The observed values of `series`, in time order.
std::vector<double> observed_values(const Series& series);

// Median; the mean of the two middle values for an even count.
// REQUIRES: !values.empty()
double median(std::vector<double> values);

// Median of |x - center|.
// REQUIRES: !values.empty()
double median_abs_deviation(const std::vector<double>& values, double center);

// Two-sided normal p-value 2·(1 − Φ(|z|)), computed as erfc(|z|/√2).
double two_sided_p(double z);

// Robust z of `value` against `history`: (value − median)/(1.4826·MAD). When MAD = 0 the
// scale falls back to 1.253314·mean|x − median|. Returns nullopt when `history` is empty or
// the fallback scale is 0 too (every historical value identical).
std::optional<double> robust_z(const std::vector<double>& history, double value);

}  // namespace boardbrief::analysis
