// The report template's section settings: which sections a briefing has and how their blocks
// look. options/template_spec fills them from the template; document/ reads them. The defaults
// here are the one set of defaults: those of a template that leaves the key out
// (docs/templates.md documents every key).
#pragma once

#include <string>
#include <vector>

#include "model/metric_keys.h"

namespace boardbrief::model {

// [summary] chart: the page-1 chart.
enum class SummaryChart {
  Daily,     // messages needing a reply per day of the period
  Dialogue,  // the 13-period answered/unanswered combo chart
  None,
};

// [engagement] chart: posts per platform per period.
enum class EngagementChart { None, Grouped, Stacked };

struct SectionSettings {
  // [findings] and [dialogue]
  int summary_findings = 5;      // summary_count: findings on page 1, 1..5
  bool findings_why = true;      // the "Why it matters" line under each finding on page 1
  bool dialogue_section = true;  // section 2, customer dialogue

  // [summary] (page 1)
  SummaryChart summary_chart = SummaryChart::Daily;
  bool summary_tiles = true;
  int tile_count = 6;         // the first N KPI tiles, 1..6
  bool tiles_heading = true;  // the "Key figures" heading above the tiles

  // [audience]: followers/reach per platform as a line chart plus the per-channel table.
  bool audience_section = true;
  std::vector<std::string> audience_metrics{metric_key::kFollowers, metric_key::kReach};
  std::vector<std::string> audience_platforms;  // platform keys to chart (at most 3); empty: the largest three
  int chart_periods = 13;                       // latest periods in the section charts, 3..13

  // [engagement], [sentiment], [appendix]
  bool engagement_section = true;
  EngagementChart engagement_chart = EngagementChart::None;
  bool sentiment_section = true;
  bool appendix_section = true;  // coverage, definitions, method notes, findings audit list, provenance
};

}  // namespace boardbrief::model
