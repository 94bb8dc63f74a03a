// The open backlog at one instant, counted during the report's one interaction scan instead of
// a second query over the whole table: per channel, messages needing a reply received before
// `at` and not replied to before `at`. Only the rows the scan reads (the trailing window) are
// counted; older unanswered messages are outside the report's scope.
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "model/rows.h"

namespace boardbrief::series {

class BacklogCounter {
 public:
  explicit BacklogCounter(std::int64_t at) : at_(at) {}
  void add(const model::InteractionRow& row) {
    if (!row.needs_reply || row.received >= at_) return;
    if (row.first_reply && *row.first_reply < at_) return;
    if (row.channel_id != last_channel_ || !last_) last_ = &open_[last_channel_ = row.channel_id];
    ++*last_;
  }
  // (channel id, open messages), by channel id; channels with none are left out.
  std::vector<std::pair<std::int64_t, std::int64_t>> result() const { return {open_.begin(), open_.end()}; }

 private:
  std::int64_t at_;
  std::map<std::int64_t, std::int64_t> open_;
  std::int64_t last_channel_ = 0;
  std::int64_t* last_ = nullptr;  // open_[last_channel_]; map nodes never move
};

}  // namespace boardbrief::series
