#include "text/number_format.h"

#include <cmath>
#include <limits>

#include "text/pattern.h"

namespace boardbrief::text {
namespace {

// |value|·10^decimals after rounding, kept as an integer so that digits are exact.
struct Scaled {
  bool negative = false;
  std::uint64_t magnitude = 0;
  int decimals = 0;
  bool ok = true;  // false for NaN, ±∞ and values too large for 64 bits
  bool zero() const { return magnitude == 0; }
};

constexpr double kPowersOfTen[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

Scaled scale(double value, int decimals) {
  Scaled s;
  s.decimals = decimals;
  if (!std::isfinite(value)) {
    s.ok = false;
    return s;
  }
  // The 1e−9 nudge turns 14.499999999999998 (1.45·10) back into a tie, which std::round then
  // breaks away from zero.
  const double nudge = value > 0 ? 1e-9 : (value < 0 ? -1e-9 : 0.0);
  const double rounded = std::round(value * kPowersOfTen[decimals] + nudge);
  if (std::fabs(rounded) >= 9e18) {
    s.ok = false;
    return s;
  }
  s.negative = rounded < 0;
  s.magnitude = static_cast<std::uint64_t>(std::fabs(rounded));
  return s;
}

const Conventions& conv(const Language& language) { return language.conventions(); }

std::string group(std::uint64_t whole, const Language& language) {
  std::string plain = std::to_string(whole);
  std::string out;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) out += conv(language).thousands_separator;
    out += plain[i];
  }
  return out;
}

// The unsigned digits of `s`; with `strip`, trailing fractional zeros (and a bare separator)
// are dropped.
std::string digits(const Scaled& s, const Language& language, bool strip) {
  const auto unit = static_cast<std::uint64_t>(kPowersOfTen[s.decimals]);
  std::string out = group(s.magnitude / unit, language);
  if (s.decimals == 0) return out;
  std::string fraction = std::to_string(s.magnitude % unit);
  fraction.insert(0, static_cast<std::size_t>(s.decimals) - fraction.size(), '0');
  if (strip) {
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (fraction.empty()) return out;
  }
  return out + conv(language).decimal_separator + fraction;
}

// Plain value: U+2212 for negatives, never "−0".
std::string unsigned_or_minus(const Scaled& s, const Language& language, bool strip) {
  const std::string body = digits(s, language, strip);
  return s.negative && !s.zero() ? conv(language).minus + body : body;
}

// Change: always signed; zero is "±0" whatever the decimals (docs/numbers-and-dates.md).
std::string signed_text(const Scaled& s, const Language& language, bool strip) {
  if (s.zero()) return "\u00B10";
  return (s.negative ? conv(language).minus : std::string("+")) + digits(s, language, strip);
}

// Percentages and pp get 0 decimals from 10, else 1.
int share_decimals(double value) { return std::fabs(value) >= 10 ? 0 : 1; }

std::string with_percent(const std::string& figure, const Language& language) {
  return fill_pattern(conv(language).percent, {{"n", figure}});
}

std::string with_unit(std::string figure, std::string_view unit) {
  return figure + std::string(kNoBreakSpace) + std::string(unit);
}

}  // namespace

double round_half_away(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  const double nudge = value > 0 ? 1e-9 : (value < 0 ? -1e-9 : 0.0);
  return std::round(value * kPowersOfTen[decimals] + nudge) / kPowersOfTen[decimals];
}

std::string format_integer(std::int64_t value, const Language& language) {
  // Via uint64 so that INT64_MIN does not overflow on negation.
  const auto magnitude =
      value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  const std::string body = group(magnitude, language);
  return value < 0 ? conv(language).minus + body : body;
}

// `text(scaled)`, or the missing-value cell when the value cannot be scaled (not finite).
template <typename Text>
std::string scaled_or_missing(double value, int decimals, Text&& text) {
  const Scaled s = scale(value, decimals);
  return s.ok ? text(s) : std::string(missing_cell());
}

std::string format_decimal(double value, int decimals, const Language& language) {
  return scaled_or_missing(value, decimals, [&](const Scaled& s) { return unsigned_or_minus(s, language, false); });
}

std::string format_percent(double percent, const Language& language) {
  return scaled_or_missing(percent, share_decimals(percent), [&](const Scaled& s) {
    return with_percent(unsigned_or_minus(s, language, true), language);
  });
}

std::string format_fraction_as_percent(double fraction, const Language& language) {
  return format_percent(fraction * 100.0, language);
}

std::string format_signed(double value, int decimals, const Language& language) {
  return scaled_or_missing(value, decimals, [&](const Scaled& s) { return signed_text(s, language, false); });
}

std::string format_percent_change(double percent, const Language& language) {
  return scaled_or_missing(percent, share_decimals(percent),
                           [&](const Scaled& s) { return with_percent(signed_text(s, language, true), language); });
}

std::string format_pp_change(double pp, const Language& language) {
  return scaled_or_missing(pp, share_decimals(pp), [&](const Scaled& s) {
    return with_unit(signed_text(s, language, true), conv(language).pp_unit);
  });
}

std::string format_points(double pp, const Language& language) {
  const Scaled s = scale(std::fabs(pp), share_decimals(pp));
  if (!s.ok) return std::string(missing_cell());
  const bool one = s.magnitude == static_cast<std::uint64_t>(kPowersOfTen[s.decimals]);
  return with_unit(digits(s, language, true), one ? conv(language).point : conv(language).points);
}

std::string format_score_change(double points, const Language& language) {
  const Scaled s = scale(points, 0);
  if (!s.ok) return std::string(missing_cell());
  return with_unit(signed_text(s, language, false),
                   s.magnitude == 1 ? conv(language).score_point : conv(language).score_points);
}

std::string format_multiplier(double ratio, const Language& language, MultiplierStyle style) {
  const Scaled s = scale(ratio, 1);
  if (!s.ok) return std::string(missing_cell());
  const std::string figure = unsigned_or_minus(s, language, false);
  return fill_pattern(
      style == MultiplierStyle::Sentence ? conv(language).multiplier_in_sentence : conv(language).multiplier,
      {{"n", figure}});
}

std::string_view no_data(const Language& language) { return conv(language).no_data; }

std::string_view missing_cell() { return kEnDash; }

std::string format_duration(double minutes, const Language& language, DurationStyle style) {
  const Scaled s = scale(minutes, 0);
  if (!s.ok) return std::string(missing_cell());
  const std::string nb(kNoBreakSpace);
  const std::string& hour_unit = conv(language).hour;
  const std::string& min = conv(language).minute;
  const std::uint64_t hours = s.magnitude / 60;
  const std::uint64_t rest = s.magnitude % 60;  // [0, 59]
  std::string out = s.negative && !s.zero() ? conv(language).minus : std::string();
  if (style == DurationStyle::Table) {
    const std::string mm = (rest < 10 ? "0" : "") + std::to_string(rest);
    return out + group(hours, language) + nb + hour_unit + nb + mm + nb + min;
  }
  if (hours == 0) return out + std::to_string(rest) + nb + min;
  out += group(hours, language) + nb + hour_unit;
  if (rest != 0) out += nb + std::to_string(rest) + nb + min;
  return out;
}

std::string format_duration_change(double minutes, const Language& language) {
  const Scaled s = scale(minutes, 0);
  if (!s.ok) return std::string(missing_cell());
  if (s.zero()) return "\u00B10" + std::string(kNoBreakSpace) + conv(language).minute;
  const std::string sign = s.negative ? conv(language).minus : std::string("+");
  return sign + format_duration(std::fabs(minutes), language);
}

namespace {

// Thousands, millions, billions: the words come from the language file.
enum class Big { Thousand, Million, Billion };
constexpr double size_of(Big b) { return b == Big::Thousand ? 1e3 : b == Big::Million ? 1e6 : 1e9; }

const std::string& compact_suffix(Big b, const Language& language) {
  const Conventions& c = conv(language);
  return b == Big::Thousand ? c.compact_thousand : b == Big::Million ? c.compact_million : c.compact_billion;
}

}  // namespace

namespace {

// `figure` with its trailing decimal zeros (and a bare separator) removed: "50.0" -> "50".
std::string trim_zeros(std::string figure, const Language& language) {
  const std::string& sep = conv(language).decimal_separator;
  const auto at = figure.rfind(sep);
  if (sep.empty() || at == std::string::npos) return figure;
  while (!figure.empty() && figure.back() == '0' && figure.size() > at + sep.size()) figure.pop_back();
  if (figure.size() == at + sep.size()) figure.resize(at);
  return figure;
}

}  // namespace

std::string format_compact(double count, const Language& language) {
  if (!std::isfinite(count)) return std::string(missing_cell());
  const double whole = round_half_away(count, 0);
  const bool thousands = !compact_suffix(Big::Thousand, language).empty();
  if (std::fabs(whole) < (thousands ? 10000 : 999950))
    return format_integer(static_cast<std::int64_t>(whole), language);
  // Pick the unit after rounding, so that 999,960 becomes "1 M", not "1000 k".
  Big unit = Big::Thousand;
  if (!thousands || std::fabs(round_half_away(count / size_of(Big::Thousand), 1)) >= 1000) unit = Big::Million;
  if (std::fabs(round_half_away(count / size_of(Big::Million), 1)) >= 1000) unit = Big::Billion;
  // Past 9e18 units of a billion no digits can be exact: a dash, never "0 bn" or "nan".
  const Scaled s = scale(count / size_of(unit), 1);
  if (!s.ok) return std::string(missing_cell());
  return with_unit(trim_zeros(unsigned_or_minus(s, language, false), language), compact_suffix(unit, language));
}

std::string format_axis_value(double value, double axis_max, double step, const Language& language) {
  if (!std::isfinite(value)) return std::string(missing_cell());
  const double top = std::fabs(axis_max);
  Big unit = Big::Thousand;
  bool plain = top < 10000 || (top < 1e6 && compact_suffix(Big::Thousand, language).empty());
  if (top >= 1e9)
    unit = Big::Billion;
  else if (top >= 1e6)
    unit = Big::Million;
  if (plain) return format_integer(static_cast<std::int64_t>(round_half_away(value, 0)), language);
  const double scaled = value / size_of(unit);
  if (!scale(scaled, 2).ok) return std::string(missing_cell());
  int decimals = 0;
  if (step > 0) {  // a tick: as many decimals as the step needs, at most two
    while (decimals < 2 && std::fabs(step / size_of(unit) * std::pow(10, decimals) -
                                     std::round(step / size_of(unit) * std::pow(10, decimals))) > 1e-9)
      ++decimals;
  } else {  // a data label: three significant digits in the axis's unit
    const double a = std::fabs(scaled);
    decimals = a >= 99.95 ? 0 : a >= 9.995 ? 1 : 2;
  }
  if (round_half_away(scaled, decimals) == 0) return "0";
  return with_unit(trim_zeros(format_decimal(scaled, decimals, language), language), compact_suffix(unit, language));
}

std::string format_count(double count, const Language& language) {
  if (!std::isfinite(count)) return std::string(missing_cell());
  const double whole = round_half_away(count, 0);
  const double size = std::fabs(whole);
  if (size < 10000) return format_integer(static_cast<std::int64_t>(whole), language);
  if (size < 1e6) {
    // Three significant digits: 394,123 -> 394,000; 12,345 -> 12,300.
    const double step = size < 1e5 ? 100 : 1000;
    const double rounded = round_half_away(whole / step, 0) * step;
    if (std::fabs(rounded) < 1e6) {
      return format_integer(static_cast<std::int64_t>(rounded), language);
    }
  }
  const bool billion = size >= 999.5e6;
  const double scaled = whole / (billion ? 1e9 : 1e6);
  // Three significant digits: 1.23, 24.9, 123.
  const int decimals = std::fabs(scaled) < 9.995 ? 2 : (std::fabs(scaled) < 99.95 ? 1 : 0);
  const Scaled s = scale(scaled, decimals);
  if (!s.ok) return std::string(missing_cell());  // too large for exact digits: never "0 billion"
  return with_unit(unsigned_or_minus(s, language, true),
                   billion ? conv(language).count_billion : conv(language).count_million);
}

}  // namespace boardbrief::text
