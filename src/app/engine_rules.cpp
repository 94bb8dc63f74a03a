#include "app/engine_rules.h"

#include <date/tz.h>

#include <iterator>
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
  // The weight each options::ScoreWeight names, in the enum's order.
  using W = analysis::ScoreWeights;
  static constexpr double W::*kSlots[] = {
      &W::care,          &W::sentiment, &W::visibility,  &W::engagement, &W::audience,   &W::effort, &W::trend,
      &W::period_change, &W::anomaly,   &W::record_only, &W::adverse,    &W::favourable, &W::neutral};
  static_assert(std::size(kSlots) == static_cast<std::size_t>(options::ScoreWeight::Neutral) + 1);
  for (const auto& [which, value] : o.weights) r.weights.*kSlots[static_cast<std::size_t>(which)] = value;
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
