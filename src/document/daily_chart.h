// Page 1's chart: messages needing a reply per day of the report period, the negative ones
// stacked at the bottom, with the previous period's daily average as a reference line.
#pragma once

#include <optional>

#include "document/briefing.h"
#include "document/document.h"

namespace boardbrief::document {

// nullopt when there are no daily counts for the report period.
std::optional<DailyChart> make_daily_chart(const BriefingInput& in);

}  // namespace boardbrief::document
