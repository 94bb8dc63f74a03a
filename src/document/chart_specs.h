// Charts as the document describes them: categories, series with their roles, targets and
// formatters in the report language. Sizes, colours and line weights are layout's
// (layout/from_document.h maps these onto the chart widgets).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document/roles.h"

namespace boardbrief::document {

// Turns a tick or data value into its label in the report language.
using TickFormatter = std::function<std::string(double)>;
// One unit per axis (docs/visual-rules.md, "Charts"): `value` on an axis whose largest tick is
// `axis_max` and whose step is `step` (0 for a data label).
using AxisFormatter = std::function<std::string(double value, double axis_max, double step)>;

// A category of a time axis: "Oct" and, under it, "2026" (empty: no second line).
struct CategoryLabel {
  std::string label;
  std::string year;
};

// One line of a line chart. The colour follows the platform when one is named, else the role.
struct LineSeries {
  std::string name;                           // the end label's second line
  std::vector<std::optional<double>> values;  // one per category; nullopt breaks the line
  Role role = Role::Plain;
  std::string platform;             // non-empty: the platform's colour
  bool ratio = false;               // a ratio of two counts: a finer line than a count's
  std::vector<std::size_t> marked;  // unusual periods, ringed
  std::vector<std::size_t> missed;  // periods that missed the target
};

struct LineChartSpec {
  std::vector<CategoryLabel> categories;    // oldest first
  std::vector<LineSeries> series;           // at most 3; the first is on top
  std::optional<std::size_t> report_index;  // the report period; default the last category
  TickFormatter format;                     // tick labels and end-label values
  AxisFormatter axis_format;                // when set: ticks and data labels in one unit
  std::optional<double> reference;          // a target level, named by `reference_label`
  std::string reference_label;              // "target ≤ 2 h"
  bool allow_zoom = true;                   // the axis may start above zero (levels, not sums)
  // Charts of one unit on a page share a scale: the axis covers at least this range.
  std::optional<std::pair<double, double>> scale_span;
};

// One month of the dialogue chart; without both counts it is missing ("no data"), never zero.
struct ComboCategory {
  CategoryLabel label;
  std::optional<double> answered;
  std::optional<double> unanswered;
  bool provisional = false;
  bool missing() const { return !answered || !unanswered; }
};

struct ComboChartSpec {
  std::vector<ComboCategory> categories;    // oldest first
  std::optional<std::size_t> report_index;  // the report period; default the last category
  TickFormatter count_format;
  TickFormatter share_format;          // shares in [0, 1]
  std::string rate_label;              // "Unanswered share"
  std::string unanswered_label;        // "Unanswered"
  std::string answered_label;          // "Answered"
  std::string answered_note;           // "by month end"
  std::optional<double> target_share;  // the target in the rate tier
  std::string target_label;            // "target ≤ 15%"
  std::string bracket_word;            // "open"; empty: no difference bracket
  std::string no_data;                 // "no data"
  bool compact = false;                // the one-pager's page 1: a shorter chart
};

// One day of the page-1 daily chart: its parts stacked bottom to top, each of the role of
// DailyChartSpec::part_roles at its index.
struct DailyColumn {
  std::string label;          // "1 Oct", "5", …; empty: no label
  std::vector<double> parts;  // >= 0; empty: no data that day
};

// A note at a day's column: headline (date, value, multiple) and detail.
struct DailyAnnotation {
  std::size_t day = 0;
  std::string headline, detail;
};

struct DailyChartSpec {
  std::vector<DailyColumn> days;
  std::vector<Role> part_roles;  // one per part, bottom to top
  TickFormatter format;
  AxisFormatter axis_format;
  std::optional<double> reference;           // the previous period's level
  std::vector<DailyAnnotation> annotations;  // at most two are shown
  bool compact = true;                       // page 1's short form; layout gives it full height on a page of its own
};

// One entry of a chart's key: a swatch for a part, or a line sample for a level.
struct KeyEntry {
  enum class Kind { Swatch, Line };
  Kind kind = Kind::Swatch;
  Role role = Role::Plain;
  std::string label;
};

// The line above a chart: title, subtitle (on the title's line when `subtitle_inline`), key.
struct ChartTitle {
  std::string title;
  std::string subtitle;
  bool subtitle_inline = false;
  std::vector<KeyEntry> key;
};

enum class ColumnMode { Grouped, Stacked };

struct ColumnSeries {
  std::string name;                           // legend entry
  std::vector<std::optional<double>> values;  // one per category; nullopt: a gap
  std::string platform;                       // the platform's colour
};

struct ColumnChartSpec {
  std::vector<CategoryLabel> categories;  // oldest first
  std::vector<ColumnSeries> series;       // legend order; stacked: bottom to top
  ColumnMode mode = ColumnMode::Grouped;
  std::optional<std::size_t> report_index;
  TickFormatter format;
  AxisFormatter axis_format;
  std::string no_data;  // under a category without any value
  double min_step = 0;  // 1 for counts: whole-number ticks
};

// One segment of the share-of-voice bar: Own, Competitor or Other.
struct ShareSegment {
  std::string name;
  double value = 0;  // >= 0; the share is value / sum
  Role role = Role::Competitor;
};

struct ShareBarSpec {
  std::vector<ShareSegment> segments;  // left to right
  TickFormatter share_format;          // 0.38 -> "38%"
  std::string no_data;                 // when the sum is 0
};

}  // namespace boardbrief::document
