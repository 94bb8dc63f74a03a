// The findings engine (docs/findings-method.md): tested change, trend, spike, record, target
// and data-gap claims for all own channels, each platform and each own channel, scored,
// de-duplicated (families, trend+change, change explained by a spike, across channels) and
// capped — selected once per report, language-neutral. The phrasing pass (phrase.h) tells the
// one selection in any language from the language file's [finding] and [method] keys.
#pragma once

#include <string>
#include <vector>

#include "analysis/compare.h"
#include "analysis/coverage.h"
#include "analysis/kpis.h"
#include "analysis/records.h"
#include "analysis/score.h"
#include "analysis/spikes.h"
#include "analysis/trend.h"
#include "findings/finding.h"
#include "findings/phrase.h"
#include "findings/phrasing.h"
#include "findings/selection.h"
#include "series/breakdown.h"
#include "series/daily.h"
#include "series/report_data.h"
#include "text/strings.h"

namespace boardbrief::findings {

// Thresholds and weights (docs/findings-method.md; the template overrides some).
struct EngineRules {
  std::vector<int> trend_windows{6, 12, 24};  // those that fit in the trailing window are tested
  double min_period_coverage = 0.9;           // a trend window period with fewer days of data is a gap
  double gap_summary_share = 0.25;            // a report-period gap this large (share of days) may reach the summary
  double min_absolute_change = 10;            // below the baseline floor ("from 4 to 11"): |Δ| at least this
  double min_score_change_points = 5;         // net sentiment: |Δ| in points
  // False-discovery control: every test of one report is one family; Benjamini–Hochberg at this
  // level decides which tests are discoveries (docs/findings-method.md).
  double fdr_level = 0.05;
  // Materiality: a platform or channel finding counts for the company only when the scope holds
  // at least this share of the company-wide volume, or gave at least this share of the
  // company-wide change (docs/findings-method.md).
  double min_scope_share = 0.25;
  double min_contribution = 0.5;
  // A platform or channel finding ranks below the same evidence for all own channels, and
  // one that tells the same story as an all-channel finding is folded into it.
  double sub_scope_factor = 1.0;
  analysis::LevelRules level;
  analysis::RateRules rate;
  analysis::TrendRules trend;
  analysis::SpikeRules spike;
  analysis::RecordRules record;
  analysis::ScoreWeights weights;
  analysis::CapRules cap;
};

struct EngineInput {
  const series::ReportData& data;
  const std::vector<analysis::Kpi>& kpis;                           // targets are read from here
  const std::vector<analysis::Gap>& gaps;                           // missing days in the report period
  const series::DailyCounts* daily = nullptr;                       // spikes; none when null
  const std::vector<series::DailyMetric>* daily_metrics = nullptr;  // spikes in metric_daily sums
  const std::vector<model::TargetRow>* targets = nullptr;           // on-track status and non-KPI targets
  const series::Breakdown* breakdown = nullptr;  // topics and channels behind a change; none when null
};

// Selects the report's claims once: every candidate that passed its gate, ranked best first —
// the executive summary (summary == true, at most rules.cap.summary_max, score >= 1.0)
// followed by the "other findings" (at most rules.cap.others_max) — and every candidate that
// was dropped and why (gate names such as "not_unusual", "sample_size",
// "no_significant_trend"; rule names such as "same_family", "trend_and_change",
// "explained_by_spike", "cap"). An empty summary means "No significant changes".
Selection select_claims(const EngineInput& in, const EngineRules& rules = {});

// select_claims() phrased in one language: phrase(select_claims(in, rules), strings). A caller
// that needs more than one language selects once and phrases the selection for each.
Considered consider_findings(const EngineInput& in, const text::Strings& strings, const EngineRules& rules = {});
// The kept part of consider_findings().
std::vector<Finding> find_findings(const EngineInput& in, const text::Strings& strings, const EngineRules& rules = {});

// The summary part of find_findings()'s result (a prefix).
std::vector<Finding> summary_findings(const std::vector<Finding>& all);

// "No significant changes in October compared with September."
std::string no_significant_changes(const text::Strings& strings, const series::PeriodSet& periods);

}  // namespace boardbrief::findings
