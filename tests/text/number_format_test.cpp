#include "text/number_format.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "support/test_db.h"
#include "text/strings.h"

using namespace boardbrief::text;

namespace {
// The shipped language files' conventions: the formatters know no language themselves.
Language shipped(const char* file) {
  return Strings::load((boardbrief::testing::source_dir() / "templates" / "lang" / file).string()).language();
}
const Language En = shipped("en.toml");
const Language Da = shipped("da.toml");
}  // namespace

TEST_SUITE("text") {
  TEST_CASE("integers group thousands per language and use U+2212 for negatives (N1, N15)") {
    CHECK(format_integer(0, En) == "0");
    CHECK(format_integer(999, En) == "999");
    CHECK(format_integer(1000, En) == "1,000");
    CHECK(format_integer(4812, En) == "4,812");
    CHECK(format_integer(4812, Da) == "4.812");
    CHECK(format_integer(61204, Da) == "61.204");
    CHECK(format_integer(1234567, En) == "1,234,567");
    CHECK(format_integer(-4, En) == "\u22124");
    CHECK(format_integer(-4812, Da) == "\u22124.812");
    CHECK(format_integer(std::numeric_limits<std::int64_t>::min(), En) == "\u22129,223,372,036,854,775,808");
  }

  TEST_CASE("decimals use the language's separators and round half away from zero (N2)") {
    CHECK(format_decimal(24.9, 1, En) == "24.9");
    CHECK(format_decimal(24.9, 1, Da) == "24,9");
    CHECK(format_decimal(1234.5, 1, En) == "1,234.5");
    CHECK(format_decimal(1234.5, 1, Da) == "1.234,5");
    CHECK(format_decimal(1.45, 1, En) == "1.5");  // binary 1.4499999… still rounds up
    CHECK(format_decimal(2.675, 2, En) == "2.68");
    CHECK(format_decimal(-1.45, 1, En) == "\u22121.5");
    CHECK(format_decimal(-1.5, 1, Da) == "\u22121,5");
    CHECK(format_decimal(0.05, 1, En) == "0.1");
    CHECK(format_decimal(-0.04, 1, En) == "0.0");  // never "−0"
    CHECK(format_decimal(3.0, 2, En) == "3.00");
    CHECK(round_half_away(1.45, 1) == doctest::Approx(1.5));
    CHECK(round_half_away(-2.5, 0) == doctest::Approx(-3));
  }

  TEST_CASE("non-finite values print as the table dash, never as inf") {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(format_decimal(std::nan(""), 1, En) == "\u2013");
    CHECK(format_percent_change(inf, En) == "\u2013");
    CHECK(format_multiplier(inf, Da) == "\u2013");
    CHECK(format_count(-inf, En) == "\u2013");
    CHECK(format_compact(inf, En) == "\u2013");
  }

  TEST_CASE("shares: no space in English, no-break space in Danish, decimals below 10 (N3)") {
    CHECK(format_percent(38, En) == "38%");
    CHECK(format_percent(38, Da) == "38\u00A0%");
    CHECK(format_percent(37.6, En) == "38%");
    CHECK(format_percent(15, Da) == "15\u00A0%");
    CHECK(format_percent(6.44, En) == "6.4%");
    CHECK(format_percent(6.44, Da) == "6,4\u00A0%");
    CHECK(format_percent(5.04, En) == "5%");  // trailing ".0" dropped
    CHECK(format_percent(9.96, En) == "10%");
    CHECK(format_percent(0, En) == "0%");
    CHECK(format_fraction_as_percent(0.38, En) == "38%");
    CHECK(format_fraction_as_percent(0.61, Da) == "61\u00A0%");
    CHECK(format_fraction_as_percent(57.0 / 150.0, En) == "38%");
  }

  TEST_CASE("changes of counts are always signed, one decimal below 10 % (N4)") {
    CHECK(format_percent_change(32.2, En) == "+32%");
    CHECK(format_percent_change(32.2, Da) == "+32\u00A0%");
    CHECK(format_percent_change(6.4, En) == "+6.4%");
    CHECK(format_percent_change(6.4, Da) == "+6,4\u00A0%");
    CHECK(format_percent_change(9.7, En) == "+9.7%");
    CHECK(format_percent_change(50, En) == "+50%");
    CHECK(format_percent_change(-17.9167, En) == "\u221218%");
    CHECK(format_percent_change(-1.5, Da) == "\u22121,5\u00A0%");
    CHECK(format_percent_change(-1.45, En) == "\u22121.5%");
    CHECK(format_percent_change(3.0, En) == "+3%");
    CHECK(format_percent_change(0.04, En) == "\u00B10%");
    CHECK(format_percent_change(-0.04, Da) == "\u00B10\u00A0%");
  }

  TEST_CASE("changes of shares are in percentage points, never in % (N5)") {
    CHECK(format_pp_change(12, En) == "+12\u00A0pp");
    CHECK(format_pp_change(12, Da) == "+12\u00A0pct.-point");
    CHECK(format_pp_change(17, En) == "+17\u00A0pp");
    CHECK(format_pp_change(-4, En) == "\u22124\u00A0pp");
    CHECK(format_pp_change(2.5, Da) == "+2,5\u00A0pct.-point");
    CHECK(format_pp_change(-0.04, En) == "\u00B10\u00A0pp");
    // Sentences: the verb carries the direction.
    CHECK(format_points(12, En) == "12\u00A0points");
    CHECK(format_points(12, Da) == "12\u00A0procentpoint");
    CHECK(format_points(-12, En) == "12\u00A0points");
    CHECK(format_points(1, En) == "1\u00A0point");
    CHECK(format_points(1, Da) == "1\u00A0procentpoint");
    CHECK(format_points(0.5, En) == "0.5\u00A0points");
    CHECK(format_points(2.4, Da) == "2,4\u00A0procentpoint");
  }

  TEST_CASE("changes of scores are whole points (N6)") {
    CHECK(format_score_change(-23, En) == "\u221223\u00A0pts");
    CHECK(format_score_change(-23, Da) == "\u221223\u00A0point");
    CHECK(format_score_change(-26.4, En) == "\u221226\u00A0pts");
    CHECK(format_score_change(1, En) == "+1\u00A0pt");
    CHECK(format_score_change(-0.4, En) == "\u00B10\u00A0pts");
    CHECK(format_score_change(0.4, Da) == "\u00B10\u00A0point");
  }

  TEST_CASE("signed values print ±0 when they round to zero (N15)") {
    CHECK(format_signed(1.45, 1, En) == "+1.5");
    CHECK(format_signed(-1.5, 1, Da) == "\u22121,5");
    CHECK(format_signed(-0.4, 0, En) == "\u00B10");
    CHECK(format_signed(0.0, 1, En) == "\u00B10");
    CHECK(format_signed(1200, 0, En) == "+1,200");
  }

  TEST_CASE("durations in text and table form (N7)") {
    CHECK(format_duration(210, En) == "3\u00A0h\u00A030\u00A0min");
    CHECK(format_duration(210, Da) == "3\u00A0t\u00A030\u00A0min");
    CHECK(format_duration(45, En) == "45\u00A0min");
    CHECK(format_duration(120, En) == "2\u00A0h");
    CHECK(format_duration(120, Da) == "2\u00A0t");
    CHECK(format_duration(1600, En) == "26\u00A0h\u00A040\u00A0min");
    CHECK(format_duration(0, En) == "0\u00A0min");
    CHECK(format_duration(44.5, En) == "45\u00A0min");  // whole minutes, half away from zero
    CHECK(format_duration(1860, En, DurationStyle::Table) == "31\u00A0h\u00A000\u00A0min");
    CHECK(format_duration(1860, Da, DurationStyle::Table) == "31\u00A0t\u00A000\u00A0min");
    CHECK(format_duration(45, En, DurationStyle::Table) == "0\u00A0h\u00A045\u00A0min");
    CHECK(format_duration(65, En, DurationStyle::Table) == "1\u00A0h\u00A005\u00A0min");
    CHECK(format_duration_change(80, En) == "+1\u00A0h\u00A020\u00A0min");
    CHECK(format_duration_change(95, Da) == "+1\u00A0t\u00A035\u00A0min");
    CHECK(format_duration_change(-45, En) == "\u221245\u00A0min");
    CHECK(format_duration_change(0.4, En) == "\u00B10\u00A0min");
  }

  TEST_CASE("large counts in charts and tiles: up to 4 digits as is, else k/M with at most one decimal, never .0") {
    CHECK(format_compact(600, En) == "600");
    CHECK(format_compact(4812, En) == "4,812");
    CHECK(format_compact(9999, Da) == "9.999");
    CHECK(format_compact(10000, En) == "10\u00A0k");
    CHECK(format_compact(394000, En) == "394\u00A0k");
    CHECK(format_compact(394400, En) == "394.4\u00A0k");
    CHECK(format_compact(394000, Da) == "394.000");  // Danish has no word for thousands: in full
    CHECK(format_compact(24.9e6, En) == "24.9\u00A0M");
    CHECK(format_compact(24.9e6, Da) == "24,9\u00A0mio.");
    CHECK(format_compact(999960, En) == "1\u00A0M");
    CHECK(format_compact(999960, Da) == "1\u00A0mio.");
    CHECK(format_compact(1.23e9, Da) == "1,2\u00A0mia.");
  }

  TEST_CASE("axis labels share one unit per axis and carry only the decimals the step needs") {
    // 0..150 k in steps of 50 k: no ".0", one unit.
    for (double v : {0.0, 50e3, 100e3, 150e3})
      CHECK(format_axis_value(v, 150e3, 50e3, En).find(".0") == std::string::npos);
    CHECK(format_axis_value(50e3, 150e3, 50e3, En) == "50\u00A0k");
    CHECK(format_axis_value(0, 150e3, 50e3, En) == "0");
    CHECK(format_axis_value(8000, 12000, 2000, En) == "8\u00A0k");  // not "8,000" beside "10 k"
    CHECK(format_axis_value(12500, 12500, 2500, En) == "12.5\u00A0k");
    CHECK(format_axis_value(500e3, 4e6, 500e3, En) == "0.5\u00A0M");  // not "500 k" beside "1 M"
    CHECK(format_axis_value(825800, 4e6, 0, En) == "0.83\u00A0M");
    CHECK(format_axis_value(825800, 4e6, 0, Da) == "0,83\u00A0mio.");
    CHECK(format_axis_value(50e3, 150e3, 50e3, Da) == "50.000");
    CHECK(format_axis_value(144400, 150e3, 0, En) == "144\u00A0k");
    CHECK(format_axis_value(2500, 3000, 500, En) == "2,500");
  }

  TEST_CASE("counts in sentences: exact below 10,000, then 3 significant digits (docs/numbers-and-dates.md)") {
    CHECK(format_count(1832, En) == "1,832");
    CHECK(format_count(1832, Da) == "1.832");
    CHECK(format_count(389, En) == "389");
    CHECK(format_count(9999, En) == "9,999");
    CHECK(format_count(12345, En) == "12,300");
    CHECK(format_count(394123, En) == "394,000");
    CHECK(format_count(394000, Da) == "394.000");
    CHECK(format_count(999600, En) == "1\u00A0million");
    CHECK(format_count(1234567, En) == "1.23\u00A0million");
    CHECK(format_count(1234567, Da) == "1,23\u00A0mio.");
    CHECK(format_count(24.9e6, Da) == "24,9\u00A0mio.");
    CHECK(format_count(2.0e6, En) == "2\u00A0million");
    CHECK(format_count(123.4e6, En) == "123\u00A0million");
    CHECK(format_count(4.56e9, En) == "4.56\u00A0billion");
    CHECK(format_count(4.56e9, Da) == "4,56\u00A0mia.");
  }

  TEST_CASE("huge counts keep their digits in billions and become a dash past exact digits, never 0 billion") {
    CHECK(format_count(1e15, En) == "1,000,000\u00A0billion");
    CHECK(format_compact(1e15, En) == "1,000,000\u00A0bn");  // no ".0"
    CHECK(format_count(1e300, En) == "\u2013");
    CHECK(format_count(-1e300, Da) == "\u2013");
    CHECK(format_count(1.7976931348623157e308, En) == "\u2013");
    CHECK(format_compact(1e300, En) == "\u2013");
    CHECK(format_compact(1.7976931348623157e308, Da) == "\u2013");
  }

  TEST_CASE("multipliers have one decimal; Danish sentences say gange") {
    CHECK(format_multiplier(4.8, En) == "4.8\u00D7");
    CHECK(format_multiplier(4.8, Da) == "4,8\u00A0gange");
    CHECK(format_multiplier(4.8, Da, MultiplierStyle::Figure) == "4,8\u00D7");
    CHECK(format_multiplier(4.75, En, MultiplierStyle::Figure) == "4.8\u00D7");
    CHECK(format_multiplier(13, En) == "13.0\u00D7");
  }

  TEST_CASE("missing values are words in tiles and a dash in tables, never 0 (N14)") {
    CHECK(no_data(En) == "no data");
    CHECK(no_data(Da) == "ingen data");
    CHECK(missing_cell() == "\u2013");
  }
}
