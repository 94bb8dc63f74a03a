#include "series/daily.h"

#include <algorithm>
#include <map>
#include <set>

namespace boardbrief::series {

DailyAccumulator::DailyAccumulator(const model::Period& report, const std::vector<model::Channel>& channels,
                                   const calendar::TimeZone& tz, int days)
    : tz_(tz), zone_(date::locate_zone(tz.name())) {
  for (const auto& c : channels)
    if (c.owner == model::Owner::Own) own_.push_back(c.id);
  std::sort(own_.begin(), own_.end());
  int n = std::max(days, report.days());
  counts_.first = spike_window_first(report, days);
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
  const std::int64_t t = row.received;
  if (t < info_begin_ || t >= info_end_) {
    const auto info = zone_->get_info(date::sys_seconds{std::chrono::seconds{t}});
    info_begin_ = info.begin.time_since_epoch().count();
    info_end_ = info.end.time_since_epoch().count();
    offset_ = info.offset.count();
  }
  const auto day = date::floor<date::days>(date::local_seconds{std::chrono::seconds{t + offset_}});
  auto i = (day - counts_.first).count();
  if (i < 0 || i >= static_cast<long>(counts_.days())) return;
  auto k = static_cast<std::size_t>(i);
  const bool negative = row.sentiment && *row.sentiment < -0.05;
  if (negative) ++counts_.negative[k];
  if (row.needs_reply) ++counts_.needs_reply[k];
  if (row.needs_reply && negative) ++counts_.negative_needs_reply[k];
}

void DailyAccumulator::data_span(std::optional<std::pair<std::int64_t, std::int64_t>> span) {
  if (!span) {
    counts_.covered_first = 1;
    counts_.covered_last = 0;  // nothing covered
    return;
  }
  auto index = [&](std::int64_t t) {
    return static_cast<long>((tz_.local_day(calendar::Instant{std::chrono::seconds{t}}) - counts_.first).count());
  };
  // A crawl or an export starts and stops in the middle of a day: the days of the first and
  // the last message are partial, and a partial day would read as a dip (or, after a burst,
  // a spike). They are missing for spike detection, like the days outside the data.
  counts_.covered_first = index(span->first) + 1;
  counts_.covered_last = index(span->second) - 1;
}

date::local_days spike_window_first(const model::Period& report, int days) {
  return report.last - date::days{std::max(days, report.days()) - 1};
}

std::vector<DailyMetric> daily_metric_totals(const std::vector<model::DailyValue>& rows,
                                             const std::vector<model::Channel>& channels,
                                             const std::vector<model::MetricDef>& metrics, const model::Period& report,
                                             int days) {
  const date::local_days first = spike_window_first(report, days);
  const auto n = static_cast<std::size_t>((report.last - first).count() + 1);
  std::set<std::int64_t> own;
  for (const auto& c : channels)
    if (c.owner == model::Owner::Own) own.insert(c.id);
  std::set<std::string> summed;
  for (const auto& m : metrics)
    if (m.aggregation == model::Aggregation::Sum) summed.insert(m.key);
  struct Acc {
    std::vector<double> sum;
    std::map<std::int64_t, std::vector<bool>> seen;  // channel -> day has a row
  };
  std::map<std::string, Acc> acc;
  for (const auto& r : rows) {
    if (!own.count(r.channel_id) || !summed.count(r.metric) || r.day < first || r.day > report.last) continue;
    auto k = static_cast<std::size_t>((r.day - first).count());
    Acc& a = acc[r.metric];
    if (a.sum.empty()) a.sum.assign(n, 0.0);
    auto& seen = a.seen[r.channel_id];
    if (seen.empty()) seen.assign(n, false);
    a.sum[k] += r.value;
    seen[k] = true;
  }
  std::vector<DailyMetric> out;
  for (auto& [metric, a] : acc) {
    DailyMetric d;
    d.metric = metric;
    d.first = first;
    d.report_begin = static_cast<int>((report.first - first).count());
    d.values.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      bool complete = true;
      for (const auto& [channel, seen] : a.seen) complete = complete && seen[k];
      if (complete) d.values[k] = a.sum[k];
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace boardbrief::series
