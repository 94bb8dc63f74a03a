#include "importer/values.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace boardbrief::importer {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_missing(std::string_view cell) {
  const std::string l = lower(cell);
  return l.empty() || l == "na" || l == "n/a" || l == "null" || l == "-";
}

std::optional<double> parse_number(std::string_view cell) {
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  if (cell.empty()) return std::nullopt;
  double v = 0;
  const char* end = cell.data() + cell.size();
  auto [ptr, ec] = std::from_chars(cell.data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  // from_chars accepts "inf" and "nan" spelled out; isfinite rejects them above.
  return v;
}

std::optional<date::local_days> parse_day(std::string_view cell, const std::string& format) {
  // The default format without a stream (a stream per cell is most of the cost of reading a
  // large export); other formats, and cells that are not exactly YYYY-MM-DD, go through
  // date::parse below.
  if (format == "%Y-%m-%d" && cell.size() == 10 && cell[4] == '-' && cell[7] == '-') {
    int v[3] = {0, 0, 0};
    const std::size_t start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    bool digits = true;
    for (int k = 0; k < 3 && digits; ++k)
      for (std::size_t j = start[k]; j < start[k] + len[k]; ++j) {
        if (cell[j] < '0' || cell[j] > '9') digits = false;
        v[k] = v[k] * 10 + (cell[j] - '0');
      }
    if (digits) {
      const date::year_month_day ymd{date::year{v[0]}, date::month{static_cast<unsigned>(v[1])},
                                     date::day{static_cast<unsigned>(v[2])}};
      if (!ymd.ok()) return std::nullopt;
      return date::local_days{ymd};
    }
  }
  std::istringstream in{std::string(cell)};
  date::year_month_day ymd{};
  in >> date::parse(format, ymd);
  if (in.fail() || !ymd.ok()) return std::nullopt;
  in >> std::ws;
  if (in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return date::local_days{ymd};
}

std::optional<bool> parse_flag(std::string_view cell) {
  const std::string l = lower(cell);
  if (l == "true" || l == "yes" || l == "1" || l == "t" || l == "y") return true;
  if (l == "false" || l == "no" || l == "0" || l == "f" || l == "n") return false;
  return std::nullopt;
}

std::optional<double> parse_sentiment(std::string_view cell) {
  const std::string l = lower(cell);
  if (l == "positive") return 1.0;
  if (l == "neutral") return 0.0;
  if (l == "negative") return -1.0;
  auto v = parse_number(cell);
  if (!v || *v < -1 || *v > 1) return std::nullopt;
  return v;
}

}  // namespace boardbrief::importer
