#include "importer/instant.h"

#include <sstream>

#include "base/error.h"
#include "base/quote.h"

namespace boardbrief::importer {

namespace {

// Offsets first: a naive format would also match the start of a timestamp with an offset.
constexpr const char* kWithOffset[] = {"%Y-%m-%d %H:%M:%S %Ez", "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %Ez",
                                       "%Y-%m-%d %H:%M %z", "%a %b %d %H:%M:%S %z %Y"};
constexpr const char* kNaive[] = {"%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"};

bool at_end(std::istringstream& in) {
  in >> std::ws;
  return in.peek() == std::char_traits<char>::eof();
}

// sys_seconds for formats with an offset, local_seconds for the others.
template <class Time>
std::optional<Time> try_format(const std::string& text, const char* format) {
  std::istringstream in(text);
  Time t;
  in >> date::parse(format, t);
  if (in.fail() || !at_end(in)) return std::nullopt;
  return t;
}
std::optional<date::sys_seconds> try_offset(const std::string& text, const char* format) {
  return try_format<date::sys_seconds>(text, format);
}
std::optional<date::local_seconds> try_naive(const std::string& text, const char* format) {
  return try_format<date::local_seconds>(text, format);
}

// ISO 8601 spellings the formats above do not take: 'T' between day and time, 'Z' for UTC,
// fractional seconds.
std::string normalise(std::string_view cell) {
  std::string s(cell);
  if (s.size() > 10 && s[4] == '-' && s[7] == '-' && s[10] == 'T') s[10] = ' ';
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z') && s.size() > 10 && s[4] == '-') {
    s.pop_back();
    s += "+00:00";
  }
  // "22:10:47.123" -> "22:10:47" (only after a seconds field: HH:MM:SS then '.').
  if (auto dot = s.find('.'); dot != std::string::npos && dot >= 8 && s[dot - 3] == ':' && s[dot - 6] == ':') {
    std::size_t end = dot + 1;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    if (end > dot + 1) s.erase(dot, end - dot);
  }
  return s;
}

// The spellings nearly every export uses, read without streams: "YYYY-MM-DD[T ]HH:MM[:SS[.f]]"
// then "Z", "[ ]+HH:MM", "[ ]+HHMM" or nothing. Parsing through date::parse costs a stream per
// format tried, several microseconds a cell, which at millions of rows is most of an import
// (docs/performance.md). Anything outside this strict subset (and every error) takes the
// general path, so both agree on what they both accept.
struct QuickInstant {
  date::local_seconds local;
  std::optional<std::chrono::minutes> offset;  // nullopt = no offset given
};

std::optional<QuickInstant> quick_parse(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&](std::size_t n, int& out) {
    if (i + n > s.size()) return false;
    out = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = s[i + k];
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    i += n;
    return true;
  };
  const auto take = [&](char c) { return i < s.size() && s[i] == c ? (++i, true) : false; };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!digits(4, y) || !take('-') || !digits(2, mo) || !take('-') || !digits(2, d)) return std::nullopt;
  if (!take('T') && !take(' ')) return std::nullopt;
  if (!digits(2, h) || !take(':') || !digits(2, mi)) return std::nullopt;
  if (take(':')) {
    if (!digits(2, sec)) return std::nullopt;
    if (take('.')) {
      const std::size_t start = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == start) return std::nullopt;
    }
  }
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  QuickInstant q;
  q.local = date::local_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{sec};
  if (i == s.size()) return q;
  if (s[i] == 'Z' || s[i] == 'z') {
    q.offset = std::chrono::minutes{0};
    return i + 1 == s.size() ? std::optional<QuickInstant>(q) : std::nullopt;
  }
  take(' ');
  const bool minus = take('-');
  if (!minus && !take('+')) return std::nullopt;
  int oh = 0, om = 0;
  if (!digits(2, oh)) return std::nullopt;
  take(':');
  if (!digits(2, om) || i != s.size() || oh > 23 || om > 59) return std::nullopt;
  q.offset = std::chrono::minutes{(minus ? -1 : 1) * (oh * 60 + om)};
  return q;
}

}  // namespace

InstantParser::InstantParser(const std::string& zone, const std::string& format) : zone_name_(zone), format_(format) {
  if (!zone.empty()) {
    try {
      zone_ = date::locate_zone(zone);
    } catch (const std::runtime_error&) {
      throw UsageError("unknown time zone '" + zone + "' (use an IANA name such as Europe/Copenhagen)");
    }
  }
}

std::optional<date::sys_seconds> InstantParser::from_local(date::local_seconds t, std::string& error) const {
  const date::local_info info = zone_->get_info(t);
  if (info.result == date::local_info::nonexistent) {
    error = "local time " + date::format("%F %T", t) + " does not exist in " + zone_name_ +
            " (skipped when daylight saving time starts)";
    return std::nullopt;
  }
  return zone_->to_sys(t, date::choose::earliest);
}

ParsedInstant InstantParser::parse(std::string_view cell) const {
  ParsedInstant r;
  // A --time-format is tried before everything else, so it also goes before the quick path.
  if (format_.empty()) {
    if (auto q = quick_parse(cell)) {
      if (q->offset) return {date::sys_seconds{q->local.time_since_epoch()} - *q->offset, {}};
      if (zone_) {
        r.value = from_local(q->local, r.error);
        return r;
      }
    }
  }
  const std::string text = normalise(cell);
  if (!format_.empty()) {
    // date::parse reads a sys_time without %z as UTC: only formats with an offset go that way.
    if (format_.find("z") != std::string::npos) {
      if (auto t = try_offset(text, format_.c_str())) return {t, {}};
    } else if (auto t = try_naive(text, format_.c_str())) {
      if (!zone_) {
        r.error = quote(cell) + " has no UTC offset (give --tz ZONE)";
        return r;
      }
      r.value = from_local(*t, r.error);
      return r;
    }
  }
  for (const char* f : kWithOffset)
    if (auto t = try_offset(text, f)) return {t, {}};
  for (const char* f : kNaive) {
    if (auto t = try_naive(text, f)) {
      if (!zone_) {
        r.error = quote(cell) + " has no UTC offset (give --tz ZONE)";
        return r;
      }
      r.value = from_local(*t, r.error);
      return r;
    }
  }
  r.error = quote(cell) + " is not a timestamp (use e.g. 2017-10-31T22:10:47+01:00" +
            (format_.empty() ? ", or give --time-format)" : ", or match --time-format '" + format_ + "')");
  return r;
}

}  // namespace boardbrief::importer
