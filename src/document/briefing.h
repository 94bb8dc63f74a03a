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
#include "series/daily.h"
#include "series/report_data.h"
#include "text/strings.h"

namespace boardbrief::document {

struct BriefingInput {
  BriefingInput(const text::Strings& s, const series::ReportData& d, const std::vector<analysis::Kpi>& k,
                const std::vector<findings::Finding>& f, const std::vector<analysis::Gap>& g)
      : strings(s), data(d), kpis(k), findings(f), gaps(g) {}
  const text::Strings& strings;
  const series::ReportData& data;
  const std::vector<analysis::Kpi>& kpis;
  const std::vector<findings::Finding>& findings;
  const std::vector<analysis::Gap>& gaps;
  std::string org;
  std::string tz;
  date::local_time<std::chrono::minutes> as_of{};
  std::string db_name;
  int schema_version = 1;
  std::int64_t interaction_rows = 0;
  std::int64_t daily_rows = 0;
  std::string findings_json;  // file name, empty when not written
  std::string template_name;
  std::string version;
  const series::DailyCounts* daily = nullptr;
  int summary_findings = 5;      // from the template
  bool dialogue_section = true;  // from the template  // per-day counts for the page-1 chart

  // Board template sections and provenance (docs/templates.md).
  const std::vector<findings::Finding>* all_findings = nullptr;  // summary first, then the others
  bool findings_why = true;                                      // "Why it matters" lines on page 1
  std::string summary_chart = "daily";                           // "daily", "dialogue" or "none"
  bool summary_tiles = true;
  int tile_count = 6;         // page 1's KPI tiles: the first N (template [summary] tile_count)
  bool tiles_heading = true;  // the "Key figures" heading above them
  bool audience_section = false;
  std::vector<std::string> audience_metrics;
  std::vector<std::string> audience_platforms;  // empty: the three largest
  int chart_periods = 13;                       // latest periods in the section charts
  bool engagement_section = false;
  std::string engagement_chart = "none";  // posts per platform per month: "grouped", "stacked", "none"
  bool sentiment_section = false;
  bool appendix_section = false;
  std::string language_code;     // "en", "da"
  std::string as_of_option;      // --as-of as given ("" = the clock)
  std::string period_begin_utc;  // the period's exact bounds as UTC instants
  std::string period_end_utc;
  std::string fingerprint;  // store::Database::fingerprint()
  std::int64_t fingerprint_rows = 0;
  std::int64_t aggregate_rows = 0;       // MetricAggregate rows (channel × metric × period)
  bool partial_period = false;           // the data end before the period does (data_quality.partial)
  const Decisions* decisions = nullptr;  // bottom line, continuity, actions, outlook (docs/decisions.md)
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
