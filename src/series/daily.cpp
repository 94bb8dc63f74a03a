#include "series/daily.h"

#include <algorithm>

namespace boardbrief::series {

DailyAccumulator::DailyAccumulator(const model::Period& report, const std::vector<model::Channel>& channels,
                                   const calendar::TimeZone& tz, int days)
    : tz_(tz) {
  for (const auto& c : channels)
    if (c.owner == model::Owner::Own) own_.push_back(c.id);
  std::sort(own_.begin(), own_.end());
  int n = std::max(days, report.days());
  counts_.first = report.last - date::days{n - 1};
  counts_.report_begin = static_cast<int>((report.first - counts_.first).count());
  counts_.negative.assign(static_cast<std::size_t>(n), 0);
  counts_.needs_reply.assign(static_cast<std::size_t>(n), 0);
  counts_.negative_needs_reply.assign(static_cast<std::size_t>(n), 0);
  begin_ = tz.start_of(counts_.first).time_since_epoch().count();
  end_ = tz.start_of(report.last + date::days{1}).time_since_epoch().count();
}

void DailyAccumulator::add(const model::InteractionRow& row) {
  if (row.received < begin_ || row.received >= end_) return;
  if (!std::binary_search(own_.begin(), own_.end(), row.channel_id)) return;
  auto day = tz_.local_day(calendar::Instant{std::chrono::seconds{row.received}});
  auto i = (day - counts_.first).count();
  if (i < 0 || i >= static_cast<long>(counts_.days())) return;
  auto k = static_cast<std::size_t>(i);
  const bool negative = row.sentiment && *row.sentiment < -0.05;
  if (negative) ++counts_.negative[k];
  if (row.needs_reply) ++counts_.needs_reply[k];
  if (row.needs_reply && negative) ++counts_.negative_needs_reply[k];
}

}  // namespace boardbrief::series
