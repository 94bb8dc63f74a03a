#include "importer/instant.h"

#include <sstream>

#include "base/error.h"

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

std::optional<date::sys_seconds> try_offset(const std::string& text, const char* format) {
  std::istringstream in(text);
  date::sys_seconds t;
  in >> date::parse(format, t);
  if (in.fail() || !at_end(in)) return std::nullopt;
  return t;
}

std::optional<date::local_seconds> try_naive(const std::string& text, const char* format) {
  std::istringstream in(text);
  date::local_seconds t;
  in >> date::parse(format, t);
  if (in.fail() || !at_end(in)) return std::nullopt;
  return t;
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
  const std::string text = normalise(cell);
  if (!format_.empty()) {
    // date::parse reads a sys_time without %z as UTC: only formats with an offset go that way.
    if (format_.find("z") != std::string::npos) {
      if (auto t = try_offset(text, format_.c_str())) return {t, {}};
    } else if (auto t = try_naive(text, format_.c_str())) {
      if (!zone_) {
        r.error = "'" + std::string(cell) + "' has no UTC offset (give --tz ZONE)";
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
        r.error = "'" + std::string(cell) + "' has no UTC offset (give --tz ZONE)";
        return r;
      }
      r.value = from_local(*t, r.error);
      return r;
    }
  }
  r.error = "'" + std::string(cell) + "' is not a timestamp (use e.g. 2017-10-31T22:10:47+01:00" +
            (format_.empty() ? ", or give --time-format)" : ", or match --time-format '" + format_ + "')");
  return r;
}

}  // namespace boardbrief::importer
