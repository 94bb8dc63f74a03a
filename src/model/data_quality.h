// Counters of rows the store skipped while reading a report's data, filled during the existing
// scans (no second pass). store/data_quality.h decides what they mean: warn, or stop (exit 3).
#pragma once

#include <cstdint>
#include <string>

namespace boardbrief::model {

struct DataQuality {
  std::int64_t interactions_scanned = 0;  // rows the interaction scan visited, bad ones included
  std::int64_t bad_received_at = 0;       // received_at not a UTC instant
  std::int64_t bad_first_reply_at = 0;    // first_reply_at not a UTC instant
  std::int64_t reply_before_received = 0;
  std::int64_t bad_sentiment = 0;    // outside [-1, 1] or not a number
  std::int64_t bad_needs_reply = 0;  // not the number 0 or 1 ('yes', 2, NULL)
  std::int64_t unknown_channel = 0;  // channel_id not in table channel
  std::string first_example;         // "row id <id>: <problem>" of the first skipped row

  std::int64_t interactions_skipped() const {
    return bad_received_at + bad_first_reply_at + reply_before_received + bad_sentiment + bad_needs_reply +
           unknown_channel;
  }
};

}  // namespace boardbrief::model
