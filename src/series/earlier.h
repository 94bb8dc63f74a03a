// The report data as they were `back` periods ago, cut from the data already read: the
// trailing window ends at the earlier period (so it is `back` periods shorter), and its
// year-earlier period is missing unless it lies inside that window. Used to recompute earlier
// findings for continuity (docs/decisions.md) without reading the database again.
#pragma once

#include <cstddef>

#include "series/report_data.h"

namespace boardbrief::series {

// Requires 1 <= back < data.periods.report (the earlier period needs a previous one).
ReportData earlier_data(const ReportData& data, std::size_t back);

}  // namespace boardbrief::series
