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

#include "model/section_settings.h"

namespace boardbrief::options {

// [dialogue.business_hours] (docs/templates.md): opening hours per weekday in the report time zone and
// closed days, for the secondary business-hours first-response time.
struct BusinessHoursSpec {
  std::array<std::vector<std::pair<int, int>>, 7> open;  // [from, to) minutes after local midnight, Monday first
  std::vector<date::local_days> holidays;
};

// [findings.weights] keys: the score weights (docs/findings-method.md, "Ranking"), in the order
// of the names care, sentiment, visibility, engagement, audience, effort, trend, change,
// anomaly, record_only, adverse, favourable, neutral.
enum class ScoreWeight {
  Care,
  Sentiment,
  Visibility,
  Engagement,
  Audience,
  Effort,
  Trend,
  Change,
  Anomaly,
  RecordOnly,
  Adverse,
  Favourable,
  Neutral,
};

// [findings] overrides of the engine's thresholds; unset keeps the method's default
// (docs/findings-method.md).
struct FindingRulesSpec {
  std::optional<double> false_discovery_rate;  // Benjamini–Hochberg level over the report's tests, 0 < q < 0.5
  std::optional<double> min_scope_share;       // materiality: a scope's share of the company's volume, 0..1
  std::optional<double> min_contribution;      // materiality: a scope's share of the company-wide change, 0..1
  std::optional<double> spike_z;               // |z| floor a daily spike must reach besides the family's cut-off
  std::optional<int> min_messages;             // denominator floor of a rate comparison
  std::vector<std::pair<ScoreWeight, double>> weights;  // [findings.weights]
};

// [page] size.
enum class PageSize { A4, Letter };

struct TemplateSpec {
  // Which sections the briefing has and how their blocks look ([findings] summary_count and why,
  // [dialogue] section, [summary], [audience], [engagement], [sentiment], [appendix]).
  model::SectionSettings sections;
  int response_window_hours = 72;  // [dialogue] response_window_hours, 1..720

  // [page]
  PageSize page_size = PageSize::A4;
  bool landscape = false;  // orientation = "landscape"

  // [branding]; paths are absolute (relative ones resolved against the template's folder,
  // fonts against the data directory's fonts/ by the caller when not absolute).
  std::string organisation;  // empty: --org, else the database's name
  std::string logo;          // PNG or JPEG; empty: none
  std::string accent;        // "#RRGGBB"; empty: the default accent
  std::string font_regular = "Lato-Regular.ttf";
  std::string font_bold = "Lato-Bold.ttf";
  std::string font_italic = "Lato-Italic.ttf";
  // [branding] title: the document's name on page 1, in the running header and the footer,
  // per language code ("" = any language); empty: the language file's "board briefing".
  std::vector<std::pair<std::string, std::string>> title;

  std::optional<BusinessHoursSpec> business_hours;  // [dialogue.business_hours]; none: calendar time only
  FindingRulesSpec finding_rules;

  // From figures to decisions (docs/decisions.md): [actions].
  std::string actions_file;    // [actions] file, resolved against the template's folder; --actions wins
  bool no_action_line = true;  // [actions] no_action_line: "No action recorded" under adverse page-1 findings
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
