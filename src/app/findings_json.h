// The trace file (--findings-json): every finding the engine considered — kept (ranked) and
// dropped (with the gate or rule that dropped it) — with its type, metric, scope, period
// bounds, inputs, statistics, score and both the English and the Danish sentence, plus the KPI
// values, so every number in the PDF can be traced.
#pragma once

#include <functional>
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

// JSON text (UTF-8). Runs the engine once per language file `lang_dir`/en.toml and da.toml
// (the same deterministic run, phrased twice); `sentence` repeats the one in `report_lang`, as
// printed in the PDF. Kept findings are under "findings" (ranked), dropped candidates under
// "findings_dropped". Missing values are left out rather than written as null. Throws like
// text::Strings::load when a language file is broken.
// `provenance` (docs/templates.md, "Provenance"): the briefing's provenance fields (key, value), written as the
// "provenance" object; empty: none.
std::string findings_json(const findings::EngineInput& in, const std::string& lang_dir, const std::string& report_lang,
                          const calendar::TimeZone& tz, const std::string& db_path, std::int64_t as_of_instant,
                          const findings::EngineRules& rules = {},
                          const std::vector<std::pair<std::string, std::string>>& provenance = {},
                          // Applied to each language's run before writing (the report's data-quality notices).
                          const std::function<void(findings::Considered&, const text::Strings&)>& adjust = {},
                          // The "figures" array: every figure printed in the PDF (docs/figures.md).
                          const std::vector<PrintedFigure>& figures = {},
                          // bottom_line, status/since, resolved, outlook, actions (docs/decisions.md); null: none.
                          const DecisionsRun* decisions = nullptr);

}  // namespace boardbrief::app
