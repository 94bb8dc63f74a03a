// Tables (docs/visual-rules.md, "Tables"): column and cell descriptions, splitting a table into pieces that
// fit the space on each page, and drawing one piece. The title line above a table is a
// ChartTitle (chart_title.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

enum class Align { Left, Right };

struct TableColumn {
  std::string header;         // at most two lines (wrapped; '\n' forces a break)
  double width_pt = 0;        // 0 = flexible: shares the width left by the fixed columns
  Align align = Align::Left;  // Right for numbers (docs/visual-rules.md)
};

// A bar on one fixed scale for the whole column; `fraction` and `target` in [0, 1].
struct TableBar {
  double fraction = 0;
  std::optional<double> target;  // a 0.75 pt ink tick
  Color color;
};

struct TableCell {
  std::string text;
  bool bold = false;
  std::optional<Color> color;   // default ink
  std::optional<Color> swatch;  // 6.5 pt platform swatch before the text
  std::optional<TableBar> bar;  // drawn instead of the text
};

struct TableSpec {
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> rows;     // body rows; each has columns.size() cells
  std::optional<std::vector<TableCell>> total;  // Bold, with a rule above
  // When set, the first column holds names (channels): a name too long for the column is
  // shortened in the middle so no two rows read alike, and a line under the table, opened by
  // this lead ("Names in full:"), gives every shortened name in full (docs/visual-rules.md).
  std::string names_lead;
};

// Rows [first_row, end_row) of the body, plus the total row when `with_total`, under a
// repeated header. An empty piece (no rows, height 0) means "nothing here, continue in the
// next area".
struct TablePiece {
  std::size_t first_row = 0;
  std::size_t end_row = 0;
  bool with_total = false;
  double height_pt = 0;
  bool empty() const { return first_row == end_row && !with_total; }
};

inline constexpr double kTableRow = 15;       // docs/visual-rules.md, "Tables"
inline constexpr double kTableBarWidth = 48;  // docs/visual-rules.md, "Tables"
inline constexpr double kTableBarHeight = 6.5;
inline constexpr double kTableSwatch = 6.5;
inline constexpr std::size_t kTableMinRows = 3;  // rows kept together

// Height of the header block (its rule included) for `width_pt`.
double table_header_height(const TextMeasurer& m, const TableSpec& spec, double width_pt);

// Splits the table into pieces: the first for an area `available_first` high, each later one
// for `available_next` (a fresh page). Every piece repeats the header, no row is split, each
// piece holds at least three body rows (or all of them, when there are fewer), and the total
// row goes with the last body rows. pieces[0] may be empty when the first area is too small.
// When even `available_next` cannot hold header and three rows, pieces overflow it rather
// than break the three-row rule (docs/visual-rules.md, "Tables").
// REQUIRES: every row has columns.size() cells; available_next > 0.
std::vector<TablePiece> layout_table(const TextMeasurer& m, const TableSpec& spec, double width_pt,
                                     double available_first, double available_next);

// Draws `piece` with its top-left corner at `top_left` and returns its height. Zebra striping
// follows the body row index in the whole table, so it continues across pieces.
double draw_table_piece(Canvas& canvas, const TextMeasurer& m, const TableSpec& spec, const TablePiece& piece,
                        Point top_left, double width_pt);

// The text drawn in the first column of each body row: as given when it fits, otherwise
// shortened (at the end, or in the middle when `names_lead` is set); with `names_lead`, no two
// shortened rows read alike as long as their full names differ.
std::vector<std::string> table_first_column(const TextMeasurer& m, const TableSpec& spec, double width_pt);

// "<names_lead> <full name>; <full name>; ..." for the shortened names in row order, or ""
// when none was shortened or `names_lead` is empty.
std::string table_names_legend(const TextMeasurer& m, const TableSpec& spec, double width_pt);

// The x extent of each column for `width_pt`: fixed widths as given, the rest shared by the
// flexible columns (scaled down proportionally when the fixed ones are too wide).
std::vector<double> table_column_widths(const TableSpec& spec, double width_pt);

}  // namespace boardbrief::layout
