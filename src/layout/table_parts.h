// Internal geometry shared by table.cpp and table_split.cpp; not for other modules.
#pragma once

#include <string>
#include <vector>

#include "layout/table.h"

namespace boardbrief::layout {

inline constexpr double kHeaderTopPad = 3;
inline constexpr double kHeaderBottomPad = 5;  // last header baseline to the rule
inline constexpr double kCellPad = 4;          // inner sides of a cell; 0 at the table edges
inline constexpr double kRowBaseline = 10.5;   // row top to text baseline (8.5 pt in 15 pt)

// The content extent of column `i` relative to the table's left edge.
struct CellBox {
  double left = 0, right = 0;
};
inline CellBox cell_box(const std::vector<double>& widths, std::size_t i, double table_left) {
  double x = table_left;
  for (std::size_t k = 0; k < i; ++k) x += widths[k];
  const double pad_left = i == 0 ? 0 : kCellPad;
  const double pad_right = i + 1 == widths.size() ? 0 : kCellPad;
  return CellBox{x + pad_left, x + widths[i] - pad_right};
}

// Header lines per column, bottom-aligned by the caller.
std::vector<std::vector<std::string>> table_header_lines(const TextMeasurer& m, const TableSpec& spec, double width_pt);

}  // namespace boardbrief::layout
