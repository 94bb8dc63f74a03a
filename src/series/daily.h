// Daily counts of the customer dialogue for spike detection (findings-methods §2.2): per local
// day, for all own channels together, the interactions with negative sentiment and the
// messages needing a reply. Fed from the same ordered scan as DialogueBuilder; memory is one
// counter per day, whatever the number of rows.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <vector>

#include "calendar/time_zone.h"
#include "model/catalogue.h"
#include "model/period.h"
#include "model/rows.h"

namespace boardbrief::series {

struct DailyCounts {
  date::local_days first{};              // local day of index 0
  int report_begin = 0;                  // index of the report period's first day
  std::vector<std::int64_t> negative;    // interactions with sentiment below −0.05
  std::vector<std::int64_t> needs_reply; // messages needing a reply
  std::vector<std::int64_t> negative_needs_reply;  // of which with negative sentiment
  std::size_t days() const { return negative.size(); }
};

// The default spike window: 91 days (13 weeks) ending on the report period's last day, or the
// whole report period when that is longer.
inline constexpr int kSpikeWindowDays = 91;

class DailyAccumulator {
 public:
  DailyAccumulator(const model::Period& report, const std::vector<model::Channel>& channels,
                   const calendar::TimeZone& tz, int days = kSpikeWindowDays);
  // [begin, end) in UTC seconds covering the window.
  std::int64_t scan_begin() const { return begin_; }
  std::int64_t scan_end() const { return end_; }
  void add(const model::InteractionRow& row);
  const DailyCounts& counts() const { return counts_; }

 private:
  const calendar::TimeZone& tz_;
  std::vector<std::int64_t> own_;  // sorted own channel ids
  std::int64_t begin_ = 0, end_ = 0;
  DailyCounts counts_;
};

}  // namespace boardbrief::series
