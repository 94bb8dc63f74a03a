// A table described column by column (docs/visual-rules.md, "Tables"): each column names its
// header, alignment and width rule, how it prints a row (text, role, bar, and the printed
// figure in the registry), and whether it compares with an earlier period. The columns build
// the header, every row and the total row, so no column is ever named by its index.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document/document.h"

namespace boardbrief::document {

template <typename Row>
struct Column {
  std::string header;   // at most two lines ('\n' forces a break)
  double width_pt = 0;  // the width rule: 0 = shares the width the fixed columns leave
  Align align = Align::Right;
  std::function<TableCell(const Row&)> cell;  // the row's cell, its figure registered (figures.h)
  bool change = false;                        // compares with an earlier period: left out for a partial period
};

template <typename Row>
using ColumnList = std::vector<Column<Row>>;

// The first column of a row that names a channel: `Row` has `label` and `platform` (empty: no
// swatch, e.g. the "Other (n channels)" row and the total).
template <typename Row>
Column<Row> name_column(std::string header) {
  return {std::move(header), 0, Align::Left, [](const Row& r) {
            TableCell c;
            c.text = r.label;
            c.platform = r.platform;
            return c;
          }};
}

// The header of `columns`.
template <typename Row>
std::vector<TableColumn> table_header(const ColumnList<Row>& columns) {
  std::vector<TableColumn> out;
  for (const auto& c : columns) out.push_back({c.header, c.width_pt, c.align});
  return out;
}

// One row printed by `columns`; `bold` for the total row and an emphasised row.
template <typename Row>
std::vector<TableCell> table_row(const ColumnList<Row>& columns, const Row& row, bool bold = false) {
  std::vector<TableCell> out;
  for (const auto& c : columns) {
    out.push_back(c.cell(row));
    out.back().bold = out.back().bold || bold;
  }
  return out;
}

}  // namespace boardbrief::document
