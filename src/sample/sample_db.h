// The demo and benchmark database: a fictional Danish energy company's social channels with a
// story the board should hear (see write_sample_database).
#pragma once

#include <date/date.h>

#include <cstdint>
#include <string>

namespace boardbrief::sample {

struct SampleOptions {
  std::uint64_t seed = 1;
  int own_channels = 6;         // cycles facebook, instagram, linkedin, x, youtube, tiktok
  int competitor_channels = 3;  // cycles Vindkraft Danmark, Østkyst Forsyning, GrønStrøm
  date::local_days last_day = date::local_days{date::year{2026} / date::October / 31};
  int months = 25;  // whole calendar months ending with last_day's month
  int days = 0;     // > 0: exactly this many days ending with last_day instead of `months`
  std::int64_t interactions = 100000;
  std::string organisation = "Nørre Ålbæk Energi A/S";  // names and handles of the own channels
  // Stationary random data without the story: no growth, yearly wave, boosted days, storm,
  // slowing care team, gaps or targets. Every finding in a report on it is a false discovery
  // (scripts/noise-rate.sh measures how many; docs/findings-method.md).
  bool noise = false;
};

// Writes a new schema-version-1 database at `path`: channels, the metric catalogue, daily
// metrics for every channel and day from the first day of the first month to last_day, about
// `interactions` interactions (within a few per cent) and two targets. Same options, same
// bytes (on the same SQLite version). Memory does not grow with the number of rows: rows are
// streamed to the writer (one channel's metrics, one day's interactions at a time).
//
// The story, in calendar months ending with last_day's month M (defaults: M = October 2026):
//  - unanswered share of interactions needing a reply ~15 % until M-7, then ~18 % in M-6
//    rising to ~38 % in M; first replies get slower over the same months;
//  - on the 14th of M (Wednesday 14 October 2026) hundreds of negative "billing" messages
//    (~10x the usual daily negative volume);
//  - TikTok followers, impressions and inbound roughly triple per year; LinkedIn is flat;
//    own impressions together grow ~10 % a year;
//  - two messages at 23:30 UTC on every month's last day (next month in Copenhagen);
//  - gaps: YouTube impressions missing on the last two days, the second competitor's mentions
//    missing for all of M-7 (March 2026), four random single days on own channels;
//  - targets for all own channels over last_day's year: unanswered_share <= 0.15 and
//    first_response_p50 <= 120 (minutes).
// Throws OutputError when `path` exists and `replace` is false, or it cannot be written (no
// file is left behind); UsageError when the options are out of range (months < 2, negative
// counts, no own channel, last_day not ok(), days in 1..59 or above 36500).
void write_sample_database(const std::string& path, const SampleOptions& options, bool replace);

}  // namespace boardbrief::sample
