#include "app/data_quality_notices.h"

#include <algorithm>
#include <iostream>

#include "base/error.h"
#include "base/quote.h"
#include "findings/phrasing.h"
#include "text/date_format.h"

namespace boardbrief::app {

void report_warnings(const DataQualityVerdict& v, bool strict) {
  // Under --strict the first warning is the error line: one line on stderr, as for any error.
  if (strict && !v.warnings.empty()) throw DataError(v.warnings.front() + " (--strict)");
  for (const auto& w : v.warnings) std::cerr << "boardbrief: warning: " << one_line(w) << "\n";
}

namespace {

bool withdrawn(const findings::Finding& f) {
  return f.type == findings::Type::Trend || f.type == findings::Type::Change;
}

}  // namespace

void apply_notices(const DataQualityVerdict& v, const model::Period& period, const text::Strings& strings,
                   findings::Considered& considered) {
  if (v.partial_end)
    for (const auto& f : considered.kept)
      if (withdrawn(f)) {
        considered.dropped.push_back(f);
        considered.dropped.back().dropped_by = "partial_period";
        considered.dropped.back().summary = false;
      }
  apply_notices(v, period, strings, considered.kept);
}

void apply_notices(const DataQualityVerdict& v, const model::Period& period, const text::Strings& strings,
                   std::vector<findings::Finding>& found) {
  std::vector<findings::Finding> notices;
  auto notice = [&](const std::string& family, std::string sentence) {
    findings::Finding f;
    f.type = findings::Type::DataGap;
    f.metric = "data_quality";
    f.scope = "all";
    f.period = period.key;
    f.family = family;
    f.sentence = std::move(sentence);
    f.why = strings.get("data_quality.why");
    f.score = 100;  // before every statistical finding: the reader must see it first
    f.summary = true;
    return f;
  };
  if (v.partial_end) {
    // A partial period makes sums look like falls: no trend or change is claimed over the gap.
    std::erase_if(found, withdrawn);
    auto days = (period.last - *v.partial_end).count();
    auto f = notice("data_partial",
                    strings.format_sentence("data_quality.partial",
                                            {{"day", text::format_date(*v.partial_end, strings.language())},
                                             {"n", std::to_string(days)},
                                             {"period", findings::period_in_sentence(period, strings.language())}}));
    f.inputs["days_missing"] = static_cast<double>(days);
    notices.push_back(std::move(f));
  }
  if (v.skipped > 0) {
    auto f = notice("data_skipped",
                    strings.format_sentence("data_quality.skipped",
                                            {{"n", std::to_string(v.skipped)}, {"total", std::to_string(v.scanned)}}));
    f.inputs["rows_skipped"] = static_cast<double>(v.skipped);
    f.inputs["rows_read"] = static_cast<double>(v.scanned);
    notices.push_back(std::move(f));
  }
  found.insert(found.begin(), notices.begin(), notices.end());
}

}  // namespace boardbrief::app
