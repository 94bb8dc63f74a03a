// KPI tiles of the "Key figures" block (docs/visual-rules.md): one tile is 4 grid columns wide and
// drawn from offsets below its top edge; a grid places tiles in rows 100 pt apart. All text
// arrives formatted ("+12 pp", "vs Sep"); the tile only places it. Nothing is drawn outside
// [x, x + kTileWidth], except a value that does not fit even at 18 pt (see TileLayout).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/canvas.h"
#include "layout/markers.h"
#include "layout/sparkline.h"
#include "layout/style.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

inline constexpr double kTileWidth = style::span(4);  // 158.43
inline constexpr double kTileRowPitch = 100;

// One comparison line of a tile.
struct Delta {
  using Direction = layout::Direction;
  using Tone = layout::Tone;
  Direction direction = Direction::None;  // None: no comparison, only `comparison_text`
  Tone tone = Tone::Neutral;              // colours triangle and value; Neutral = ink60
  std::string value_text;                 // "+12 pp"
  std::string comparison_text;            // "vs Sep", or "no data vs Oct 2025" when None
};

struct TargetStatus {
  std::string text;  // "23 pp above"
  Tone tone = Tone::Neutral;
};

struct TileSpec {
  std::string label;  // "Unanswered messages"
  // The value: digits, signs and separators are set at the number size, letters and spaces
  // at the unit size, so "3 h 30" reads as 3 h 30 with small "h".
  std::string value;
  // Drawn straight after `value` at the unit size; carries its own leading (no-break) space
  // when the language wants one ("%" in English, "\u00A0%" in Danish).
  std::string unit;
  std::string context;  // small line: "1,832 of 4,812 messages"
  Delta vs_prev;
  Delta vs_year;
  std::optional<std::string> target_label;  // "Target ≤ 15%:"; the target line needs it
  std::optional<TargetStatus> target_status;
  bool provisional = false;
  std::string provisional_text;  // "provisional" / "foreløbig"; "partial" for a partial period
  std::string footnote_mark;     // "¹", after the label
  std::vector<std::optional<double>> spark;
  ValueKind kind = ValueKind::Count;
  std::optional<double> target;  // on the sparkline's scale
  double width = kTileWidth;     // narrower when a grid sets more tiles per row (TileGrid::per_row)
};

// What draw_tile() decided, for callers and tests.
struct TileLayout {
  double value_size_pt = 24;  // 24, else 20, else 18 ("38")
  double unit_size_pt = 13;   // the unit scaled with the number
  bool value_fits = true;     // false: even at 18 pt it comes within 6 pt of the sparkline
};

inline constexpr std::size_t kMaxTileLabelLines = 2;  // docs/visual-rules.md

// The label as drawn: wrapped to the width left of the provisional tag, at most two lines
// (a third would be cut with "…" — no label of the report comes near that).
std::vector<std::string> tile_label_lines(const TextMeasurer& measurer, const TileSpec& tile);

// Draws one tile with its top edge at `top_left`. A label too long for one line wraps to two
// and everything under it moves down by one leading, or by `body_shift` when larger (the
// grid passes the row's shift so all values of a row share a baseline); context, comparisons
// and target status are shortened with "…".
TileLayout draw_tile(Canvas& canvas, const TextMeasurer& measurer, Point top_left, const TileSpec& tile,
                     double body_shift = 0);

// Draws `tiles` left to right, `columns` per row, rows `row_pitch` apart (plus one label
// leading after a row with a two-line label), columns one tile
// plus one gutter apart. Returns the height used: full pitches for all rows but the last, which
// ends 4 pt below its lowest text (at most one pitch); 0 for no tiles.
// REQUIRES: columns >= 1
double draw_tile_grid(Canvas& canvas, const TextMeasurer& measurer, double x, double y,
                      const std::vector<TileSpec>& tiles, int columns = 3, double row_pitch = kTileRowPitch);

}  // namespace boardbrief::layout
