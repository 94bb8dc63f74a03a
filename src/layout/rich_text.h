// Sentences with emphasised words: "**38%** of customer messages ..." (Bold key figures)
// and "*Why it matters:* ..." (Italic lead-in). Parsing gives runs of (text, face);
// wrapping gives lines of runs positioned from the line start; drawing only places them.
// Callers measure with wrap_rich() and draw the very same lines, so both always agree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

struct RichRun {
  std::string text;
  FontFace face = FontFace::Regular;
  friend bool operator==(const RichRun&, const RichRun&) = default;
};

// Splits `marked` at "**" (Bold on/off) and single "*" (Italic on/off). A marker that is never
// closed is kept as literal text, so "5 * 3" stays as written. Adjacent runs of one face merge.
std::vector<RichRun> parse_rich(std::string_view marked);

// A run placed on a line; `x_pt` is measured from the line's left end.
struct PlacedRun {
  double x_pt = 0;
  std::string text;
  FontFace face = FontFace::Regular;
  double width_pt = 0;
};

struct RichLine {
  std::vector<PlacedRun> runs;  // left to right, no leading or trailing spaces
  double width_pt = 0;          // right end of the last run
};

// Greedy wrap across runs, all at `size_pt`: lines break only at ASCII spaces and '\n', so a
// Bold run may itself span lines ("**12 points**" -> "12" | "points") and keeps its face on
// both. A word wider than `max_width_pt` is broken between code points as in wrap_text().
// Every line's width is <= max_width_pt unless one code point alone is wider.
std::vector<RichLine> wrap_rich(const TextMeasurer& measurer, double size_pt, const std::vector<RichRun>& runs,
                                double max_width_pt);

// Keeps at most `max_lines` lines; when lines were dropped, the last kept line is shortened
// (whole code points) and ends in "…" within `max_width_pt`. REQUIRES: max_lines >= 1
void limit_lines(const TextMeasurer& measurer, double size_pt, std::vector<RichLine>& lines, std::size_t max_lines,
                 double max_width_pt);

// Draws `lines` left-aligned at `left_x`: the first baseline at `first_baseline_y`, each
// following one `leading_pt` lower, every run in `color`.
void draw_rich_lines(Canvas& canvas, const std::vector<RichLine>& lines, double left_x, double first_baseline_y,
                     double size_pt, double leading_pt, Color color);

}  // namespace boardbrief::layout
