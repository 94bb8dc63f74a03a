#include "findings/outlook.h"

#include <cmath>
#include <cstdio>

#include "calendar/periods.h"

namespace boardbrief::findings {

std::optional<int> outlook_horizon(const model::Period& report, model::Period* by) {
  using namespace date;
  const year_month_day last{report.last};
  const unsigned q = (static_cast<unsigned>(last.month()) - 1) / 3;  // 0..3, the quarter holding the last day
  year_month end_month = year_month{last.year(), month{q * 3 + 3}} + months{3};  // last month of the next quarter
  const local_days end_day{year_month_day_last{end_month.year(), month_day_last{end_month.month()}}};
  char key[16];
  std::snprintf(key, sizeof key, "%04d-%02u", static_cast<int>(end_month.year()),
                static_cast<unsigned>(end_month.month()));
  if (by) *by = calendar::parse_period(key, end_day);
  switch (report.kind) {
    case model::Granularity::Month: return (end_month - year_month{last.year(), last.month()}).count();
    case model::Granularity::Quarter: return 1;
    case model::Granularity::Week: return static_cast<int>((end_day - report.last).count() / 7);
    case model::Granularity::Year:
    case model::Granularity::Custom: return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Outlook> find_outlook(const std::vector<Finding>& kept, const std::vector<analysis::Kpi>& kpis,
                                  const model::Period& report) {
  std::vector<Outlook> out;
  model::Period by;
  const auto horizon = outlook_horizon(report, &by);
  if (!horizon) return out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    // The kept finding itself, or a trend folded into it (a metric's level and trend are one
    // sentence): a folded trend passed its test before it was folded.
    const Claim* trend = kept[i].type == Type::Trend ? &kept[i] : nullptr;
    for (const auto& a : kept[i].absorbed)
      if (!trend && a.type == Type::Trend && a.metric == kept[i].metric) trend = &a;
    if (!trend || trend->scope != "all" || kept[i].scope != "all" || !kept[i].dropped_by.empty()) continue;
    const Claim& f = *trend;
    auto window = f.inputs.find("window");
    if (window == f.inputs.end()) continue;
    for (const auto& k : kpis) {
      if (k.metric != f.metric || !k.target) continue;
      const bool share = k.kind == analysis::ValueKind::Share;
      const double floor = k.kind == analysis::ValueKind::Score ? -100 : 0;
      const double ceiling = share ? 1 : k.kind == analysis::ValueKind::Score ? 100 : HUGE_VAL;
      auto p = analysis::project(k.window, static_cast<int>(window->second), *horizon, floor, ceiling);
      if (!p) continue;
      out.push_back({i, f.metric, k.kind, *p, *k.target, by});
    }
  }
  return out;
}

}  // namespace boardbrief::findings
