#include "series/breakdown.h"

#include <algorithm>

namespace boardbrief::series {

bool Breakdown::has_topics() const {
  for (const auto& [topic, c] : report)
    if (!topic.empty() && c.needs_reply + c.positive + c.negative > 0) return true;
  return false;
}

BreakdownAccumulator::BreakdownAccumulator(const model::Period& report, const model::Period& previous,
                                           const std::vector<model::Channel>& channels, const calendar::TimeZone& tz,
                                           std::int64_t as_of, std::int64_t response_window_seconds)
    : tz_(tz), as_of_(as_of), window_(response_window_seconds), first_day_(report.first) {
  for (const auto& c : channels)
    if (c.owner == model::Owner::Own) own_.push_back(c.id);
  std::sort(own_.begin(), own_.end());
  auto r = tz.utc_range(report), p = tz.utc_range(previous);
  report_begin_ = r.begin.time_since_epoch().count();
  report_end_ = r.end.time_since_epoch().count();
  previous_begin_ = p.begin.time_since_epoch().count();
  previous_end_ = p.end.time_since_epoch().count();
  topic_days_.resize(static_cast<std::size_t>(report.days()));
  channel_days_.resize(static_cast<std::size_t>(report.days()));
}

void BreakdownAccumulator::add(const model::InteractionRow& row) {
  const bool in_report = row.received >= report_begin_ && row.received < report_end_;
  const bool in_previous = row.received >= previous_begin_ && row.received < previous_end_;
  if (!in_report && !in_previous) return;
  if (!std::binary_search(own_.begin(), own_.end(), row.channel_id)) return;
  TopicCounts& c = (in_report ? report_ : previous_)[row.topic];
  const bool negative = row.sentiment && *row.sentiment < -0.05;
  if (row.sentiment && *row.sentiment > 0.05) ++c.positive;
  if (negative) ++c.negative;
  if (row.needs_reply) {
    ++c.needs_reply;
    if (as_of_ - row.received >= window_) {
      ++c.mature;
      const bool answered = row.first_reply && *row.first_reply <= as_of_ && *row.first_reply - row.received <= window_;
      if (!answered) ++c.unanswered;
    }
  }
  if (!in_report || (!row.needs_reply && !negative)) return;
  const auto day = (tz_.local_day(calendar::Instant{std::chrono::seconds{row.received}}) - first_day_).count();
  if (day < 0 || day >= static_cast<long>(topic_days_.size())) return;
  for (DayCounts* d : {&topic_days_[static_cast<std::size_t>(day)][row.topic],
                       &channel_days_[static_cast<std::size_t>(day)][row.channel_id]}) {
    d->needs_reply += row.needs_reply ? 1 : 0;
    d->negative += negative ? 1 : 0;
  }
}

Breakdown BreakdownAccumulator::finish(const std::vector<std::string>& topics) const {
  auto name = [&](int t) {
    return t >= 0 && static_cast<std::size_t>(t) < topics.size() ? topics[static_cast<std::size_t>(t)] : "";
  };
  Breakdown b;
  b.first_day = first_day_;
  for (const auto& [t, c] : report_) b.report[name(t)] = c;
  for (const auto& [t, c] : previous_) b.previous[name(t)] = c;
  for (const auto& day : topic_days_) {
    auto& out = b.topic_days.emplace_back();
    for (const auto& [t, c] : day) out[name(t)] = c;
  }
  b.channel_days = channel_days_;
  return b;
}

}  // namespace boardbrief::series
