// Outlook (docs/decisions.md): for each kept trend finding of all own channels whose metric has
// a target, where the metric is heading by the end of the next quarter, as a range from the Sen
// slope's confidence interval. Never for a trend that did not pass: only kept Trend findings,
// and trends folded into a kept finding of the same metric, are looked at. Language-neutral.
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/kpis.h"
#include "analysis/outlook.h"
#include "findings/finding.h"
#include "model/period.h"

namespace boardbrief::findings {

struct Outlook {
  std::size_t finding = 0;  // index into the kept findings
  std::string metric;
  analysis::ValueKind kind = analysis::ValueKind::Count;
  analysis::Projection projection;  // in the KPI's unit (shares as fractions, minutes)
  analysis::TargetStatus target;
  model::Period by;  // the month the projection reaches (end of the next quarter)
};

// The period `horizon` counts to: the last month of the quarter after the one holding `report`'s
// last day. nullopt for a year or a custom period (no whole number of periods to it).
std::optional<int> outlook_horizon(const model::Period& report, model::Period* by);

std::vector<Outlook> find_outlook(const std::vector<Finding>& kept, const std::vector<analysis::Kpi>& kpis,
                                  const model::Period& report);

}  // namespace boardbrief::findings
