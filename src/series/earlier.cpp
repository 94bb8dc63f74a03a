#include "series/earlier.h"

#include <algorithm>
#include <stdexcept>

#include "calendar/periods.h"

namespace boardbrief::series {

namespace {

// Keeps values [0, keep) and appends the year-earlier entry (index `ago` in the old order, or
// the fill value when it lay outside the kept window).
template <typename T>
std::vector<T> cut(const std::vector<T>& v, std::size_t keep, std::optional<std::size_t> ago_inside, T fill) {
  std::vector<T> out(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(keep, v.size())));
  if (!ago_inside) out.push_back(fill);
  return out;
}

}  // namespace

ReportData earlier_data(const ReportData& data, std::size_t back) {
  const PeriodSet& ps = data.periods;
  if (back == 0 || back >= ps.report) throw std::logic_error("earlier_data: back out of range");
  PeriodSet set;
  const std::size_t report = ps.report - back;
  set.all.assign(ps.all.begin(), ps.all.begin() + static_cast<std::ptrdiff_t>(report + 1));
  set.window_size = set.all.size();
  set.report = report;
  set.previous = report - 1;
  const model::Period ago = calendar::year_earlier(set.all[report]);
  std::optional<std::size_t> inside;
  for (std::size_t i = 0; i < set.all.size(); ++i)
    if (set.all[i] == ago) inside = i;
  if (inside) {
    set.year_ago = *inside;
  } else {
    set.all.push_back(ago);
    set.year_ago = set.all.size() - 1;
  }

  ReportData out;
  out.periods = set;
  out.channels = data.channels;
  out.metrics = data.metrics;
  out.response_window_seconds = data.response_window_seconds;
  const std::size_t keep = report + 1;
  for (const auto& [key, s] : data.metric_series) {
    MetricSeries m{s.metric, s.scope, cut(s.values, keep, inside, std::optional<double>{}),
                   cut(s.days_with_data, keep, inside, 0)};
    out.metric_series.emplace(key, std::move(m));
  }
  DialoguePeriod none;
  none.covered = false;
  for (const auto& [key, d] : data.dialogue)
    out.dialogue.emplace(key, DialogueSeries{d.scope, cut(d.periods, keep, inside, none)});
  return out;
}

}  // namespace boardbrief::series
