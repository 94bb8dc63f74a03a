// Column widths, header height and page splitting for tables.
#include <algorithm>
#include <cmath>

#include "layout/chart_text.h"
#include "layout/style.h"
#include "layout/table.h"
#include "layout/table_parts.h"

namespace boardbrief::layout {

std::vector<double> table_column_widths(const TableSpec& spec, double width_pt) {
  double fixed = 0;
  int flexible = 0;
  for (const auto& c : spec.columns) {
    fixed += c.width_pt;
    flexible += c.width_pt <= 0 ? 1 : 0;
  }
  std::vector<double> widths;
  const double scale = fixed > width_pt && fixed > 0 ? width_pt / fixed : 1;
  const double share = flexible > 0 ? std::max(0.0, width_pt - fixed * scale) / flexible : 0;
  for (const auto& c : spec.columns) widths.push_back(c.width_pt <= 0 ? share : c.width_pt * scale);
  return widths;
}

std::vector<std::vector<std::string>> table_header_lines(const TextMeasurer& m, const TableSpec& spec,
                                                         double width_pt) {
  const auto widths = table_column_widths(spec, width_pt);
  const auto& hs = style::kTableHeader;
  std::vector<std::vector<std::string>> lines;
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const CellBox box = cell_box(widths, i, 0);
    lines.push_back(wrap_words(m, hs.face, hs.size, spec.columns[i].header, box.right - box.left, 2));
  }
  return lines;
}

double table_header_height(const TextMeasurer& m, const TableSpec& spec, double width_pt) {
  std::size_t most = 1;
  for (const auto& l : table_header_lines(m, spec, width_pt)) most = std::max(most, l.size());
  return kHeaderTopPad + style::kTableHeader.leading * static_cast<double>(most) + kHeaderBottomPad;
}

std::vector<TablePiece> layout_table(const TextMeasurer& m, const TableSpec& spec, double width_pt,
                                     double available_first, double available_next) {
  const double header = table_header_height(m, spec, width_pt);
  const std::size_t n = spec.rows.size();
  const std::size_t total = spec.total ? 1 : 0;
  const std::size_t min_rows = std::min(kTableMinRows, n);
  auto piece = [&](std::size_t first, std::size_t end, bool with_total) {
    const auto rows = static_cast<double>(end - first + (with_total ? 1 : 0));
    return TablePiece{first, end, with_total, header + rows * kTableRow};
  };
  auto capacity = [&](double available) {  // whole rows (body or total) under the header
    const double rows = std::floor((available - header) / kTableRow + 1e-9);
    return rows < 0 ? std::size_t{0} : static_cast<std::size_t>(rows);
  };

  std::vector<TablePiece> pieces;
  std::size_t start = 0;
  bool fresh_page = false;
  while (true) {
    const std::size_t remaining = n - start;
    const std::size_t cap = capacity(fresh_page ? available_next : available_first);
    if (cap >= remaining + total) {
      pieces.push_back(piece(start, n, total == 1));
      break;
    }
    // Not everything fits: leave at least min_rows body rows for the piece with the total
    // (or, without a total, for the last piece), and take at least min_rows here.
    std::size_t take = std::min(cap, remaining);
    if (remaining >= min_rows && take > remaining - min_rows) take = remaining - min_rows;
    if (take >= min_rows && take > 0) {
      pieces.push_back(piece(start, start + take, false));
      start += take;
    } else if (!fresh_page) {
      pieces.push_back(TablePiece{start, start, false, 0});  // continue on the next page
    } else {
      // Even a fresh page cannot hold a legal piece: overflow it rather than break the three-row rule ("Tables").
      take = cap < min_rows ? min_rows : remaining;
      if (take >= remaining) {
        pieces.push_back(piece(start, n, total == 1));
        break;
      }
      pieces.push_back(piece(start, start + take, false));
      start += take;
    }
    fresh_page = true;
  }
  return pieces;
}

}  // namespace boardbrief::layout
