#include "app/data_quality_notices.h"

#include <algorithm>
#include <iostream>

#include "base/error.h"
#include "base/quote.h"

namespace boardbrief::app {

void report_warnings(const DataQualityVerdict& v, bool strict) {
  // Under --strict the first warning is the error line: one line on stderr, as for any error.
  if (strict && !v.warnings.empty()) throw DataError(v.warnings.front() + " (--strict)");
  for (const auto& w : v.warnings) std::cerr << "boardbrief: warning: " << one_line(w) << "\n";
}

namespace {

bool withdrawn(const findings::Claim& f) { return f.type == findings::Type::Trend || f.type == findings::Type::Change; }

findings::Claim notice(const model::Period& period, const std::string& family, findings::Form form) {
  findings::Claim f;
  f.type = findings::Type::DataGap;
  f.metric = "data_quality";
  f.scope = "all";
  f.period = period.key;
  f.family = family;
  f.wording.form = form;
  f.wording.why.kind = findings::WhyKind::DataQuality;
  f.score = 100;  // before every statistical finding: the reader must see it first
  f.summary = true;
  return f;
}

}  // namespace

void apply_notices(const DataQualityVerdict& v, const model::Period& period, findings::Selection& selection) {
  std::vector<findings::Claim> notices;
  if (v.partial_end) {
    // A partial period makes sums look like falls: no trend or change is claimed over the gap.
    for (const auto& f : selection.kept)
      if (withdrawn(f)) {
        selection.dropped.push_back(f);
        selection.dropped.back().dropped_by = "partial_period";
        selection.dropped.back().summary = false;
      }
    std::erase_if(selection.kept, withdrawn);
    auto f = notice(period, "data_partial", findings::Form::PartialPeriod);
    f.wording.day = *v.partial_end;
    f.wording.count = static_cast<double>((period.last - *v.partial_end).count());
    f.inputs["days_missing"] = f.wording.count;
    notices.push_back(std::move(f));
  }
  if (v.skipped > 0) {
    auto f = notice(period, "data_skipped", findings::Form::SkippedRows);
    f.wording.count = static_cast<double>(v.skipped);
    f.wording.total = static_cast<double>(v.scanned);
    f.inputs["rows_skipped"] = static_cast<double>(v.skipped);
    f.inputs["rows_read"] = static_cast<double>(v.scanned);
    notices.push_back(std::move(f));
  }
  selection.kept.insert(selection.kept.begin(), notices.begin(), notices.end());
}

}  // namespace boardbrief::app
