// The report template (templates/board.toml): which sections a briefing has and the settings
// of its findings. Read with toml++; every problem names the file, line and column.
#pragma once

#include <date/date.h>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace boardbrief::options {

// [dialogue.business_hours] (issue 3): opening hours per weekday in the report time zone and
// closed days, for the secondary business-hours first-response time.
struct BusinessHoursSpec {
  std::array<std::vector<std::pair<int, int>>, 7> open;  // [from, to) minutes after local midnight, Monday first
  std::vector<date::local_days> holidays;
};

// [findings] overrides of the engine's thresholds (issue 3); unset keeps the method's default.
struct FindingRulesSpec {
  std::optional<double> trend_alpha;     // family-wise level of the trend test, 0 < a < 0.5
  std::optional<double> change_z;        // robust z a period change must reach
  std::optional<double> spike_z;         // |z| a daily spike must reach
  std::optional<int> min_messages;       // denominator floor of a rate comparison
  // [findings.weights]: score weights of findings-methods §5.2 by name (care, sentiment,
  // visibility, engagement, audience, effort, trend, change, anomaly, record_only, adverse,
  // favourable, neutral).
  std::vector<std::pair<std::string, double>> weights;
};

struct TemplateSpec {
  int summary_findings = 5;        // 1..5
  int response_window_hours = 72;  // 1..720
  bool dialogue_section = true;
  std::optional<BusinessHoursSpec> business_hours;  // none: calendar time only
  FindingRulesSpec finding_rules;
};

// Throws DataError "<path>:<line>:<column>: <what>" for a syntax error, an unknown table or key,
// a value of the wrong type or out of range; "<path>: cannot read the template" when unreadable.
TemplateSpec load_template(const std::string& path);

}  // namespace boardbrief::options
