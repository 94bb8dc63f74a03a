// First-generation findings: period-over-period changes of the headline KPIs that pass their
// gate, phrased from the language file and ranked by size against the metric's weight.
#pragma once

#include <vector>

#include "analysis/kpis.h"
#include "findings/finding.h"
#include "model/period.h"
#include "text/strings.h"

namespace boardbrief::findings {

struct PhraseContext {
  const text::Strings& strings;
  model::Period report;
  model::Period previous;
  model::Period year_ago;
};

// Ranked, best first. Only changes marked significant become findings.
std::vector<Finding> kpi_findings(const std::vector<analysis::Kpi>& kpis, const PhraseContext& ctx);

// "October" / "oktober" for a month, "Q3 2026", "week 44, 2026", "1–31 Oct 2026" otherwise:
// how a period is named inside a sentence.
std::string period_in_sentence(const model::Period& p, text::Language lang);
// The same, as a heading or title ("October 2026" / "oktober 2026").
std::string period_title(const model::Period& p, text::Language lang);
// Short form for tiles ("Sep", "Oct 2025" / "sep.", "okt. 2025"); `with_year` adds the year.
std::string period_short(const model::Period& p, text::Language lang, bool with_year);

}  // namespace boardbrief::findings
