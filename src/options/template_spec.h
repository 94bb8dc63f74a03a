// The report template (templates/board.toml, templates/one-pager.toml): the page, the branding,
// which sections a briefing has and the settings of its blocks. Read with toml++; every problem
// names the file, line and column. docs/templates.md documents every key.
#pragma once

#include <date/date.h>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace boardbrief::options {

// [dialogue.business_hours] (docs/templates.md): opening hours per weekday in the report time zone and
// closed days, for the secondary business-hours first-response time.
struct BusinessHoursSpec {
  std::array<std::vector<std::pair<int, int>>, 7> open;  // [from, to) minutes after local midnight, Monday first
  std::vector<date::local_days> holidays;
};

// [findings] overrides of the engine's thresholds; unset keeps the method's default
// (docs/findings-method.md).
struct FindingRulesSpec {
  std::optional<double> false_discovery_rate;  // Benjamini–Hochberg level over the report's tests, 0 < q < 0.5
  std::optional<double> min_scope_share;       // materiality: a scope's share of the company's volume, 0..1
  std::optional<double> min_contribution;      // materiality: a scope's share of the company-wide change, 0..1
  std::optional<double> spike_z;               // |z| floor a daily spike must reach besides the family's cut-off
  std::optional<int> min_messages;             // denominator floor of a rate comparison
  // [findings.weights]: score weights (docs/findings-method.md, "Ranking") by name (care, sentiment,
  // visibility, engagement, audience, effort, trend, change, anomaly, record_only, adverse,
  // favourable, neutral).
  std::vector<std::pair<std::string, double>> weights;
};

struct TemplateSpec {
  int summary_findings = 5;        // 1..5
  bool findings_why = true;        // the "Why it matters" line under each finding on page 1
  int response_window_hours = 72;  // 1..720
  bool dialogue_section = true;

  // [page]
  std::string page_size = "A4";  // "A4" or "Letter"
  bool landscape = false;

  // [branding]; paths are absolute (relative ones resolved against the template's folder,
  // fonts against the data directory's fonts/ by the caller when not absolute).
  std::string organisation;  // empty: --org, else the database's name
  std::string logo;          // PNG or JPEG; empty: none
  std::string accent;        // "#RRGGBB"; empty: the default accent
  std::string font_regular = "Lato-Regular.ttf";
  std::string font_bold = "Lato-Bold.ttf";
  std::string font_italic = "Lato-Italic.ttf";

  // [summary]
  std::string summary_chart = "daily";  // "daily", "dialogue" (the monthly combo chart) or "none"
  bool summary_tiles = true;

  // [audience]: followers/reach per platform as a line chart plus the per-channel table.
  bool audience_section = true;
  std::vector<std::string> audience_metrics{"followers", "reach"};
  std::vector<std::string> audience_platforms;  // platform keys to chart (at most 3); empty: the largest three
  int chart_periods = 13;                       // periods the section charts show, 3..13 (the latest)

  // [engagement], [sentiment]: per-channel engagement table; sentiment and share of voice.
  bool engagement_section = true;
  bool sentiment_section = true;
  std::string engagement_chart = "none";  // posts per platform per month: "grouped", "stacked", "none"

  // [appendix]: data coverage, metric definitions, method notes, findings audit list, provenance.
  bool appendix_section = true;
  std::optional<BusinessHoursSpec> business_hours;  // none: calendar time only
  FindingRulesSpec finding_rules;

  // From figures to decisions (docs/decisions.md): [actions] and the document's own title.
  std::string actions_file;    // [actions] file, resolved against the template's folder; --actions wins
  bool no_action_line = true;  // [actions] no_action_line: "No action recorded" under adverse page-1 findings
  // [branding] title: the document's name on page 1, in the running header and the footer,
  // per language code ("" = any language); empty: the language file's "board briefing".
  std::vector<std::pair<std::string, std::string>> title;
  int tile_count = 6;         // [summary] tile_count: page 1's KPI tiles, the first N (1..6)
  bool tiles_heading = true;  // [summary] tiles_heading: the "Key figures" heading above the tiles
};

// The template's title for `language` ("" when the template has none).
std::string template_title(const TemplateSpec& spec, const std::string& language);

// Throws DataError "<path>:<line>:<column>: <what>" for a syntax error, an unknown table or key,
// a value of the wrong type or out of range, or a logo/font file that does not exist;
// "<path>: cannot read the template" when unreadable. `fonts_dir` resolves font file names.
TemplateSpec load_template(const std::string& path, const std::string& fonts_dir = "");

// `--template NAME|FILE`: a name without '/' or ".toml" is templates/<name>.toml in `data_dir`.
std::string template_path(const std::string& name_or_file, const std::string& data_dir);

}  // namespace boardbrief::options
