// From figures to decisions (docs/decisions.md), wired: continuity from the earlier periods'
// findings recomputed from the data already read, management's actions matched to the kept
// findings (unmatched ones warned about on stderr), the outlook, and the bottom line in the
// report language, English and Danish for the JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/kpis.h"
#include "document/decisions.h"
#include "findings/engine.h"
#include "options/actions_file.h"
#include "options/template_spec.h"

namespace boardbrief::app {

struct DecisionsRun {
  findings::Continuity continuity;
  std::optional<options::ActionsFile> actions;
  document::Decisions doc;  // points into this object: do not copy or move a DecisionsRun
  std::string bottom_line, bottom_line_en, bottom_line_da;
  std::vector<std::string> resolved_sentences;  // report language, one per continuity.resolved
  std::vector<std::string> outlook_sentences;   // report language, one per doc.outlook
  const std::vector<findings::Finding>* kept = nullptr;

  DecisionsRun() = default;
  DecisionsRun(const DecisionsRun&) = delete;
  DecisionsRun& operator=(const DecisionsRun&) = delete;
};

struct DecisionsContext {
  const series::ReportData& data;
  const std::vector<analysis::Kpi>& kpis;
  const std::vector<model::TargetRow>& targets;
  const std::vector<findings::Finding>& kept;  // the report's kept findings, summary first
  const text::Strings& strings;                // the report language
  const findings::EngineRules& rules;
  const options::TemplateSpec& tmpl;
  std::string actions_path;  // --actions, else the template's [actions] file, else ""
  std::string lang_dir;      // templates/lang, for the English and Danish bottom lines
  std::string language;      // report language code
  int shown = 5;             // findings page 1 shows
  bool quiet = false;
};

// Fills `out`. Throws DataError for a bad actions file (exit 3).
void prepare_decisions(DecisionsRun& out, const DecisionsContext& ctx);

// The kept findings `back` periods before the report period, from `data` (no database read):
// spikes and report-period gaps are events of their own period and are not recomputed.
std::vector<findings::Finding> earlier_findings(const series::ReportData& data,
                                                const std::vector<model::TargetRow>& targets,
                                                const text::Strings& strings, const findings::EngineRules& rules,
                                                std::size_t back);

}  // namespace boardbrief::app
