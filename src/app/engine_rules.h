// From the report template to the findings stage (docs/templates.md): the engine's thresholds and the
// business-hours clock used for the secondary first-response time.
#pragma once

#include "calendar/time_zone.h"
#include "findings/engine.h"
#include "options/template_spec.h"
#include "series/build.h"

namespace boardbrief::app {

// The method's defaults with the template's [findings] overrides applied.
findings::EngineRules engine_rules(const options::TemplateSpec& spec);

// Seconds of business time between two UTC instants under `spec` in `tz` (DST through the tz
// database, holidays closed all day).
series::DialogueBuilder::BusinessClock business_clock(const options::BusinessHoursSpec& spec,
                                                      const calendar::TimeZone& tz);

}  // namespace boardbrief::app
