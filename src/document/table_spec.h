// A table as the document describes it: headers, cells as printed, and for every cell the role
// that colours it, the platform whose swatch it carries or the bar it shows. Layout
// (layout/table.h) measures, splits and draws it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "document/roles.h"

namespace boardbrief::document {

enum class Align { Left, Right };

struct TableColumn {
  std::string header;         // at most two lines ('\n' forces a break)
  double width_pt = 0;        // the column's width rule: 0 = shares the width left by the others
  Align align = Align::Left;  // Right for numbers (docs/visual-rules.md, "Tables")
};

// A bar on one fixed scale for the whole column; `fraction` and `target` in [0, 1].
struct TableBar {
  double fraction = 0;
  std::optional<double> target;  // the target's tick
  Role role = Role::Adverse;
};

struct TableCell {
  std::string text;
  bool bold = false;            // emphasis: the own row, the total
  std::optional<Role> role;     // none: a plain figure
  std::string platform;         // non-empty: the platform's swatch before the text
  std::optional<TableBar> bar;  // shown instead of the text
};

struct TableSpec {
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> rows;     // body rows; each has columns.size() cells
  std::optional<std::vector<TableCell>> total;  // the total row, emphasised
  // When set, the first column holds names (channels): a name too long for its column is
  // shortened so no two rows read alike, and a line under the table opened by this lead
  // ("Names in full:") gives them in full (docs/visual-rules.md, "Tables").
  std::string names_lead;
};

}  // namespace boardbrief::document
