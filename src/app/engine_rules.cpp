#include "app/engine_rules.h"

#include <date/tz.h>

#include <memory>

#include "analysis/business_hours.h"

namespace boardbrief::app {

findings::EngineRules engine_rules(const options::TemplateSpec& spec) {
  findings::EngineRules r;
  const auto& o = spec.finding_rules;
  if (o.false_discovery_rate) r.fdr_level = *o.false_discovery_rate;
  if (o.min_scope_share) r.min_scope_share = *o.min_scope_share;
  if (o.min_contribution) r.min_contribution = *o.min_contribution;
  if (o.spike_z) r.spike.threshold = *o.spike_z;
  if (o.min_messages) r.rate.min_total = *o.min_messages;
  auto& w = r.weights;
  for (const auto& [name, value] : o.weights) {
    double* slot = name == "care"          ? &w.care
                   : name == "sentiment"   ? &w.sentiment
                   : name == "visibility"  ? &w.visibility
                   : name == "engagement"  ? &w.engagement
                   : name == "audience"    ? &w.audience
                   : name == "effort"      ? &w.effort
                   : name == "trend"       ? &w.trend
                   : name == "change"      ? &w.period_change
                   : name == "anomaly"     ? &w.anomaly
                   : name == "record_only" ? &w.record_only
                   : name == "adverse"     ? &w.adverse
                   : name == "favourable"  ? &w.favourable
                   : name == "neutral"     ? &w.neutral
                                           : nullptr;
    if (slot) *slot = value;  // the template loader accepts only these names
  }
  return r;
}

series::DialogueBuilder::BusinessClock business_clock(const options::BusinessHoursSpec& spec,
                                                      const calendar::TimeZone& tz) {
  auto schedule = std::make_shared<analysis::BusinessSchedule>();
  for (std::size_t d = 0; d < 7; ++d)
    for (auto [from, to] : spec.open[d])
      schedule->by_weekday[d].push_back({std::chrono::minutes{from}, std::chrono::minutes{to}});
  schedule->holidays.insert(spec.holidays.begin(), spec.holidays.end());
  const date::time_zone* zone = date::locate_zone(tz.name());
  return [schedule, zone](std::int64_t from, std::int64_t to) {
    return analysis::business_duration(date::sys_seconds{std::chrono::seconds{from}},
                                       date::sys_seconds{std::chrono::seconds{to}}, *schedule, zone)
        .count();
  };
}

}  // namespace boardbrief::app
