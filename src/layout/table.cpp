// Drawing one table piece (docs/visual-rules.md).
#include "layout/table.h"

#include <algorithm>
#include <map>
#include <string>

#include "layout/chart_text.h"
#include "layout/style.h"
#include "layout/table_parts.h"
#include "layout/text_wrap.h"

namespace boardbrief::layout {

namespace {

constexpr double kSwatchGap = 4;  // swatch to its text
constexpr double kBarTickInset = 2;

void draw_header(Canvas& canvas, const TextMeasurer& m, const TableSpec& spec, const std::vector<double>& widths,
                 Point top_left, double width_pt, double height) {
  const auto& hs = style::kTableHeader;
  const auto lines = table_header_lines(m, spec, width_pt);
  const double last_baseline = top_left.y + height - kHeaderBottomPad;
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const CellBox box = cell_box(widths, i, top_left.x);
    const auto& col_lines = lines[i];
    for (std::size_t k = 0; k < col_lines.size(); ++k) {
      // Bottom-aligned: the last line of every column sits on the same baseline (docs/visual-rules.md).
      const double y = last_baseline - hs.leading * static_cast<double>(col_lines.size() - 1 - k);
      const double w = m.width(hs.face, hs.size, col_lines[k]);
      const double x = spec.columns[i].align == Align::Right ? box.right - w : box.left;
      canvas.draw(TextRun{{x, y}, col_lines[k], hs.face, hs.size, style::kInk60, 0});
    }
  }
  canvas.draw(horizontal_rule(top_left.x, top_left.x + width_pt, top_left.y + height, style::kInk, 0.75));
}

void draw_bar(Canvas& canvas, const TableBar& bar, const CellBox& box, Align align, double row_top) {
  const double w = std::min(kTableBarWidth, box.right - box.left);
  const double x = align == Align::Right ? box.right - w : box.left;
  const double fraction = std::clamp(bar.fraction, 0.0, 1.0);
  if (fraction > 0) {
    canvas.draw(Rect{x,
                     row_top + (kTableRow - kTableBarHeight) / 2,
                     w * fraction,
                     kTableBarHeight,
                     true,
                     bar.color,
                     false,
                     {},
                     0.5});
  }
  if (bar.target) {
    const double tx = x + w * std::clamp(*bar.target, 0.0, 1.0);
    Path tick;
    tick.points = {{tx, row_top + kBarTickInset}, {tx, row_top + kTableRow - kBarTickInset}};
    tick.stroke_color = style::kInk;
    tick.line_width_pt = 0.75;
    canvas.draw(tick);
  }
}

// Room for the text of a first-column cell (after its swatch).
double first_cell_room(const TableCell& cell, const std::vector<double>& widths) {
  const CellBox box = cell_box(widths, 0, 0);
  return box.right - box.left - (cell.swatch ? kTableSwatch + kSwatchGap : 0);
}

// `label` replaces the first cell's text when set (table_first_column).
void draw_row(Canvas& canvas, const TextMeasurer& m, const TableSpec& spec, const std::vector<TableCell>& cells,
              const std::vector<double>& widths, double left, double row_top, bool total,
              const std::string* label = nullptr) {
  const auto& bs = style::kTableBody;
  for (std::size_t i = 0; i < spec.columns.size() && i < cells.size(); ++i) {
    const TableCell& cell = cells[i];
    CellBox box = cell_box(widths, i, left);
    const Align align = spec.columns[i].align;
    if (cell.bar) {
      draw_bar(canvas, *cell.bar, box, align, row_top);
      continue;
    }
    if (cell.swatch) {
      canvas.draw(Rect{box.left,
                       row_top + (kTableRow - kTableSwatch) / 2,
                       kTableSwatch,
                       kTableSwatch,
                       true,
                       *cell.swatch,
                       false,
                       {},
                       0.5});
      box.left += kTableSwatch + kSwatchGap;
    }
    const FontFace face = cell.bold || total ? FontFace::Bold : bs.face;
    const std::string text = i == 0 && label ? *label : ellipsize(m, face, bs.size, cell.text, box.right - box.left);
    if (text.empty()) continue;
    const double w = m.width(face, bs.size, text);
    const double x = align == Align::Right ? box.right - w : box.left;
    canvas.draw(TextRun{{x, row_top + kRowBaseline}, text, face, bs.size, cell.color.value_or(style::kInk), 0});
  }
}

// Bytes two names share from their start, ending on a code point boundary.
std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  while (n > 0 && n < a.size() && (static_cast<unsigned char>(a[n]) & 0xC0) == 0x80) --n;
  return n;
}

// Names that still read alike after shortening (their ends agree, they differ near the start)
// show the place where they differ: the head, "…", then the name from a few characters before
// its first difference with the others of its group. Any pair still alike is numbered
// " (1)", " (2)" …, so no two rows ever share a label (docs/visual-rules.md "Tables").
void separate_alike(const TextMeasurer& m, const TableSpec& spec, const std::vector<double>& widths,
                    std::vector<std::string>& out) {
  const auto& bs = style::kTableBody;
  for (int round = 0; round < 2; ++round) {
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t r = 0; r < out.size(); ++r)
      if (!out[r].empty() && out[r] != spec.rows[r][0].text) groups[out[r]].push_back(r);
    for (const auto& [label, rows] : groups) {
      if (rows.size() < 2) continue;
      for (std::size_t k = 0; k < rows.size(); ++k) {
        const TableCell& cell = spec.rows[rows[k]][0];
        const FontFace face = cell.bold ? FontFace::Bold : bs.face;
        const double room = first_cell_room(cell, widths);
        if (round == 1) {
          const std::string mark = " (" + std::to_string(k + 1) + ")";
          out[rows[k]] = ellipsize(m, face, bs.size, cell.text, room - m.width(face, bs.size, mark)) + mark;
          continue;
        }
        const std::string_view name = cell.text;
        const std::size_t dot = name.find(" \u00B7 ");
        const std::size_t head = dot == std::string_view::npos ? 0 : dot + 4;
        std::size_t differ = head;
        for (std::size_t other : rows)
          if (other != rows[k]) differ = std::max(differ, common_prefix(name, spec.rows[other][0].text));
        std::size_t from = differ;
        for (int back = 0; back < 4 && from > head; ++back) from = previous_code_point(name, from);
        if (from <= head) {  // they differ right after the head: keep the start of the name
          out[rows[k]] = ellipsize(m, face, bs.size, name, room);
          continue;
        }
        const std::string lead = std::string(name.substr(0, head)) + std::string(kEllipsis);
        const double left = room - m.width(face, bs.size, lead);
        const std::string rest = ellipsize(m, face, bs.size, name.substr(from), left);
        if (!rest.empty()) out[rows[k]] = lead + rest;
      }
    }
  }
}

}  // namespace

std::vector<std::string> table_first_column(const TextMeasurer& m, const TableSpec& spec, double width_pt) {
  const auto widths = table_column_widths(spec, width_pt);
  const auto& bs = style::kTableBody;
  std::vector<std::string> out;
  for (const auto& row : spec.rows) {
    if (row.empty()) {
      out.emplace_back();
      continue;
    }
    const FontFace face = row[0].bold ? FontFace::Bold : bs.face;
    const double room = first_cell_room(row[0], widths);
    const std::string& text = row[0].text;
    if (spec.names_lead.empty() || !row[0].swatch) {  // a row without a platform is no channel
      out.push_back(ellipsize(m, face, bs.size, text, room));
      continue;
    }
    // "Platform · name": the platform stays whole, the name keeps its distinguishing end.
    const std::size_t dot = text.find(" \u00B7 ");
    out.push_back(ellipsize_middle(m, face, bs.size, text, room, dot == std::string::npos ? 0 : dot + 4));
  }
  if (!spec.names_lead.empty()) separate_alike(m, spec, widths, out);
  return out;
}

std::string table_names_legend(const TextMeasurer& m, const TableSpec& spec, double width_pt) {
  if (spec.names_lead.empty()) return {};
  const auto shown = table_first_column(m, spec, width_pt);
  std::string out;
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    if (spec.rows[r].empty() || shown[r] == spec.rows[r][0].text) continue;
    out += (out.empty() ? spec.names_lead + " " : "; ") + spec.rows[r][0].text;
  }
  return out;
}

double draw_table_piece(Canvas& canvas, const TextMeasurer& m, const TableSpec& spec, const TablePiece& piece,
                        Point top_left, double width_pt) {
  if (piece.empty()) return 0;
  const auto widths = table_column_widths(spec, width_pt);
  const double header = table_header_height(m, spec, width_pt);
  const double right = top_left.x + width_pt;
  const auto labels = table_first_column(m, spec, width_pt);
  draw_header(canvas, m, spec, widths, top_left, width_pt, header);
  double y = top_left.y + header;
  for (std::size_t r = piece.first_row; r < piece.end_row && r < spec.rows.size(); ++r) {
    if (r % 2 == 1) {
      canvas.draw(Rect{top_left.x, y, width_pt, kTableRow, true, style::kInk05, false, {}, 0.5});
    }
    draw_row(canvas, m, spec, spec.rows[r], widths, top_left.x, y, false, &labels[r]);
    y += kTableRow;
  }
  if (piece.with_total && spec.total) {
    canvas.draw(horizontal_rule(top_left.x, right, y, style::kInk, 0.5));
    draw_row(canvas, m, spec, *spec.total, widths, top_left.x, y, true);
    y += kTableRow;
  }
  canvas.draw(horizontal_rule(top_left.x, right, y, style::kInk20, 0.5));
  return y - top_left.y;
}

}  // namespace boardbrief::layout
