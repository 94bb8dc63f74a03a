// Turns the store's data-quality verdict into what the reader sees: warning lines on stderr,
// exit 3 under --strict, and notices at the head of the findings (type data_gap) so the
// briefing itself says when its figures are partial or rows were left out.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "findings/finding.h"
#include "model/data_quality.h"
#include "model/period.h"
#include "text/strings.h"

namespace boardbrief::app {

struct DataQualityVerdict {
  std::vector<std::string> warnings;            // one line each, without the "boardbrief: warning: " prefix
  std::optional<date::local_days> partial_end;  // last day with data when the period is partial
  std::int64_t skipped = 0, scanned = 0;        // interaction rows
};

// Prints each warning on stderr; throws DataError "<first warning> (--strict)" when `strict`.
void report_warnings(const DataQualityVerdict& v, bool strict);

// Drops trend and change claims when the period is partial and puts the notices first
// (in the summary). `found` is the engine's ranked list.
void apply_notices(const DataQualityVerdict& v, const model::Period& period, const text::Strings& strings,
                   std::vector<findings::Finding>& found);
// The same for the engine's full run (--findings-json): withdrawn claims move to `dropped`
// with dropped_by "partial_period".
void apply_notices(const DataQualityVerdict& v, const model::Period& period, const text::Strings& strings,
                   findings::Considered& considered);

}  // namespace boardbrief::app
