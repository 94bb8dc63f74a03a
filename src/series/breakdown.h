// Where a company-wide change comes from (docs/findings-method.md, "Attribution"): for the
// report and the previous period, the dialogue counts of all own channels per topic
// (interaction.topic), and for each day of the report period the messages needing a reply and
// the negative ones per topic and per channel. Fed from the same ordered interaction scan as
// DialogueBuilder; memory is a few counters per topic, channel and report day.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "calendar/time_zone.h"
#include "model/catalogue.h"
#include "model/period.h"
#include "model/rows.h"

namespace boardbrief::series {

// The counts behind the dialogue metrics, with the same rules as DialogueBuilder: a message is
// mature when the response window has passed by the as-of instant, unanswered when mature and
// not answered within the window.
struct TopicCounts {
  std::int64_t needs_reply = 0, mature = 0, unanswered = 0, positive = 0, negative = 0;
};

struct DayCounts {
  std::int64_t needs_reply = 0, negative = 0;
};

struct Breakdown {
  // By topic ("" = no topic) for all own channels.
  std::map<std::string, TopicCounts> report, previous;
  // Per day of the report period (index 0 = its first day).
  date::local_days first_day{};
  std::vector<std::map<std::string, DayCounts>> topic_days;
  std::vector<std::map<std::int64_t, DayCounts>> channel_days;
  bool has_topics() const;
};

class BreakdownAccumulator {
 public:
  BreakdownAccumulator(const model::Period& report, const model::Period& previous,
                       const std::vector<model::Channel>& channels, const calendar::TimeZone& tz, std::int64_t as_of,
                       std::int64_t response_window_seconds);
  void add(const model::InteractionRow& row);
  // `topics` names InteractionRow::topic (store::Database::topics(), read after the scan).
  Breakdown finish(const std::vector<std::string>& topics) const;

 private:
  const calendar::TimeZone& tz_;
  std::vector<std::int64_t> own_;  // sorted
  std::int64_t report_begin_ = 0, report_end_ = 0, previous_begin_ = 0, previous_end_ = 0;
  std::int64_t as_of_ = 0, window_ = 0;
  date::local_days first_day_{};
  std::map<int, TopicCounts> report_, previous_;
  std::vector<std::map<int, DayCounts>> topic_days_;
  std::vector<std::map<std::int64_t, DayCounts>> channel_days_;
};

}  // namespace boardbrief::series
