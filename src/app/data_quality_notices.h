// Turns the store's data-quality verdict into what the reader sees: warning lines on stderr,
// exit 3 under --strict, and notices at the head of the findings (type data_gap) so the
// briefing itself says when its figures are partial or rows were left out.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "findings/selection.h"
#include "model/data_quality.h"
#include "model/period.h"

namespace boardbrief::app {

struct DataQualityVerdict {
  std::vector<std::string> warnings;            // one line each, without the "boardbrief: warning: " prefix
  std::optional<date::local_days> partial_end;  // last day with data when the period is partial
  std::int64_t skipped = 0, scanned = 0;        // interaction rows
};

// Prints each warning on stderr; throws DataError "<first warning> (--strict)" when `strict`.
void report_warnings(const DataQualityVerdict& v, bool strict);

// Puts the notices first (in the summary) and, when the period is partial, moves the trend and
// change claims to the dropped ones (dropped_by "partial_period"): the report, the findings
// JSON and the appendix all phrase this one selection.
void apply_notices(const DataQualityVerdict& v, const model::Period& period, findings::Selection& selection);

}  // namespace boardbrief::app
