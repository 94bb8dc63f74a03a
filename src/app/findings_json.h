// The trace file (--findings-json): every claim the engine selected — kept (ranked) and
// dropped (with the gate or rule that dropped it) — with its type, metric, scope, period
// bounds, inputs, statistics, score and both the English and the Danish sentence, plus the KPI
// values, so every number in the PDF can be traced.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/kpis.h"
#include "calendar/time_zone.h"
#include "findings/engine.h"
#include "findings/finding.h"
#include "series/report_data.h"
#include "text/strings.h"

namespace boardbrief::app {

struct DecisionsRun;  // app/decisions_run.h

// One registered figure as printed (document/figures.h), with the pages (1-based) it is on.
struct PrintedFigure {
  std::string key, label, scope, period;
  std::optional<double> value;
  std::string text;
  std::vector<int> pages;
};

// JSON text (UTF-8) of the report's one selection, phrased in English and Danish from the
// language files in `lang_dir` (and in `report_lang`, as printed in the PDF, for `sentence`);
// the engine does not run again. Kept findings are under "findings" (ranked), dropped
// candidates under "findings_dropped". Missing values are left out rather than written as
// null. Throws like text::Strings::load when a language file is broken.
// `provenance` (docs/templates.md, "Provenance"): the briefing's provenance fields (key, value), written as the
// "provenance" object; empty: none.
std::string findings_json(const findings::Selection& selection, const series::ReportData& data,
                          const std::vector<analysis::Kpi>& kpis, const std::string& lang_dir,
                          const std::string& report_lang, const calendar::TimeZone& tz, const std::string& db_path,
                          std::int64_t as_of_instant, const findings::EngineRules& rules = {},
                          const std::vector<std::pair<std::string, std::string>>& provenance = {},
                          // The "figures" array: every figure printed in the PDF (docs/figures.md).
                          const std::vector<PrintedFigure>& figures = {},
                          // bottom_line, status/since, resolved, outlook, actions (docs/decisions.md); null: none.
                          const DecisionsRun* decisions = nullptr);

}  // namespace boardbrief::app
