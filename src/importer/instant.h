// Timestamps of inbound messages and replies, converted to UTC instants (whole seconds).
#pragma once

#include <date/tz.h>

#include <optional>
#include <string>
#include <string_view>

namespace boardbrief::importer {

struct ParsedInstant {
  std::optional<date::sys_seconds> value;
  std::string error;  // set when value is empty: why the cell is not a usable timestamp
};

// Understands, with a UTC offset: ISO 8601 ("2017-10-31T22:10:47+01:00", "...Z", "+0100",
// a space instead of T, fractional seconds dropped), "2015-02-24 11:35:52 -0800",
// "2017-11-29 18:26 +0000" and the Twitter API form "Tue Oct 31 22:10:47 +0000 2017".
// Without an offset ("2017-10-31 22:10:47", "2017-10-31T22:10") the time is local time in the
// zone given, if any. An extra date::parse format (with or without %z) is tried first.
class InstantParser {
 public:
  // `zone`: IANA name for timestamps without offset; empty = such timestamps are errors.
  // Throws UsageError("unknown time zone 'X' (use an IANA name such as Europe/Copenhagen)").
  InstantParser(const std::string& zone, const std::string& format = "");

  // Ambiguous local times (the repeated hour when DST ends) take the earlier instant; local
  // times that do not exist (the hour skipped when DST starts) are errors.
  ParsedInstant parse(std::string_view cell) const;

 private:
  std::optional<date::sys_seconds> from_local(date::local_seconds t, std::string& error) const;

  const date::time_zone* zone_ = nullptr;
  std::string zone_name_;
  std::string format_;
};

}  // namespace boardbrief::importer
