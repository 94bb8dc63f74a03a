// Builds the board briefing's document model from the analysis: title band, ranked findings,
// KPI tiles, the customer-dialogue section and the provenance block, all phrased and formatted
// in the report language.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "analysis/coverage.h"
#include "analysis/kpis.h"
#include "document/decisions.h"
#include "document/document.h"
#include "document/figure_names.h"
#include "findings/finding.h"
#include "model/section_settings.h"
#include "series/daily.h"
#include "series/report_data.h"
#include "text/strings.h"

namespace boardbrief::document {

// What build_briefing needs: the analysis, the run's facts for the provenance and, as its own
// fields by inheritance, the template's section settings (model/section_settings.h), so every
// section builder reads `in.audience_metrics` and the settings keep their one set of defaults.
struct BriefingInput : model::SectionSettings {
  BriefingInput(const text::Strings& s, const series::ReportData& d, const std::vector<analysis::Kpi>& k,
                const std::vector<findings::Finding>& f, const std::vector<analysis::Gap>& g,
                const model::SectionSettings& sections = {})
      : model::SectionSettings(sections), strings(s), data(d), kpis(k), findings(f), gaps(g) {}
  const text::Strings& strings;
  const series::ReportData& data;
  const std::vector<analysis::Kpi>& kpis;
  const std::vector<findings::Finding>& findings;  // the engine's summary findings, ranked
  const std::vector<analysis::Gap>& gaps;
  const std::vector<findings::Finding>* all_findings = nullptr;  // summary first, then the others
  const series::DailyCounts* daily = nullptr;                    // per-day counts for the page-1 chart
  const Decisions* decisions = nullptr;  // bottom line, continuity, actions, outlook (docs/decisions.md)
  bool partial_period = false;           // the data end before the period does (data_quality.partial)

  // The run, for the provenance (docs/templates.md, "Provenance").
  std::string org;
  std::string tz;
  date::local_time<std::chrono::minutes> as_of{};
  std::string as_of_option;   // --as-of as given ("" = the clock)
  std::string language_code;  // "en", "da"
  std::string db_name;
  int schema_version = 1;
  std::int64_t interaction_rows = 0;
  std::int64_t daily_rows = 0;
  std::int64_t aggregate_rows = 0;  // MetricAggregate rows (channel × metric × period)
  std::string fingerprint;          // store::Database::fingerprint()
  std::int64_t fingerprint_rows = 0;
  std::string period_begin_utc;  // the period's exact bounds as UTC instants
  std::string period_end_utc;
  std::string findings_json;  // file name, empty when not written
  std::string template_name;
  std::string version;

  // Where the builders register every figure they print; build_briefing points it at its
  // document (docs/figures.md).
  FigureSink figures;
  FigureNames names() const;  // registers with the report's periods and language
};

// A finding sentence for the registry (figures.h): its measure, inputs and period names.
FindingFigures finding_figures(const BriefingInput& in, const findings::Finding& f);

// Throws DataError when the language file lacks a string the briefing needs.
Document build_briefing(const BriefingInput& in);

}  // namespace boardbrief::document
