// The engine's one result per report: the language-neutral claims, kept (ranked) and dropped,
// with what the phrasing pass needs to name their periods, channels and response window.
#pragma once

#include <cstdint>
#include <vector>

#include "findings/finding.h"
#include "model/catalogue.h"
#include "series/report_data.h"

namespace boardbrief::findings {

struct Selection {
  std::vector<Claim> kept;     // ranked: the summary first, then the other findings
  std::vector<Claim> dropped;  // with the gate or rule that dropped each
  series::PeriodSet periods;   // the report's periods (Claim::period and baseline are their keys)
  std::vector<model::Channel> channels;
  std::int64_t response_window_seconds = 0;
};

}  // namespace boardbrief::findings
