// The trace file (--findings-json): findings and KPI values with the exact period bounds and
// inputs, so every number in the PDF can be traced.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "analysis/kpis.h"
#include "calendar/time_zone.h"
#include "findings/finding.h"
#include "series/report_data.h"

namespace boardbrief::app {

// `provenance`: the briefing's provenance fields (key, value), written as the "provenance" object.
// JSON text (UTF-8). Missing values are left out rather than written as null.
std::string findings_json(const series::ReportData& data, const std::vector<analysis::Kpi>& kpis,
                          const std::vector<findings::Finding>& found, const calendar::TimeZone& tz,
                          const std::string& db_path, std::int64_t as_of_instant,
                          const std::vector<std::pair<std::string, std::string>>& provenance = {});

}  // namespace boardbrief::app
