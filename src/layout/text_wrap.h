// Plain-text line breaking and shortening for one face and size, measured with a TextMeasurer.
// Text is UTF-8; lines break only at ASCII spaces and newlines, so U+00A0 (no-break space)
// keeps "38 %" or "3 h 30 min" together.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

struct WrappedLine {
  std::string text;  // without leading or trailing spaces
  double width_pt = 0;
};

// Greedy word wrap of `text` into lines no wider than `max_width_pt`. Runs of spaces collapse
// to one; '\n' ends a line (an empty paragraph gives an empty line). A word wider than the box
// is broken between code points, never inside a UTF-8 sequence, with at least one code point
// per line, so every line fits except a single code point wider than the whole box.
// Empty or all-space text gives no lines.
std::vector<WrappedLine> wrap_text(const TextMeasurer& measurer, FontFace face, double size_pt, std::string_view text,
                                   double max_width_pt);

// `text` itself when it fits `max_width_pt`; otherwise its longest prefix of whole code points
// (trailing spaces dropped) followed by "…" that fits; "" when not even "…" fits.
std::string ellipsize(const TextMeasurer& measurer, FontFace face, double size_pt, std::string_view text,
                      double max_width_pt);

// Like ellipsize(), but shortens the middle: the first `keep_head` bytes stay, then "…", then
// the longest end of `text` that fits: "Facebook · Nørre Ålbæk Energi (3)" with the head
// "Facebook · " -> "Facebook · …Energi (3)", so names that differ only at the end stay apart.
// Falls back to ellipsize() when fewer than three bytes of the end would fit.
std::string ellipsize_middle(const TextMeasurer& measurer, FontFace face, double size_pt, std::string_view text,
                             double max_width_pt, std::size_t keep_head = 0);

// The longest prefix of `text` of whole code points (trailing spaces dropped) followed by "…"
// for which `fits` holds, found by binary search (a prefix's width grows with its length), so
// a 32,000-character name costs O(n log n), not O(n²); "" when not even "…" fits.
std::string shorten_with_ellipsis(std::string_view text, const std::function<bool(const std::string&)>& fits);

inline constexpr std::string_view kEllipsis = "\u2026";

// Byte index just past the code point that starts at `i` (continuation bytes skipped).
// REQUIRES: i < s.size()
std::size_t next_code_point(std::string_view s, std::size_t i);
// Byte index where the code point ending just before `i` starts. REQUIRES: 0 < i <= s.size()
std::size_t previous_code_point(std::string_view s, std::size_t i);
// Number of code points (bytes that are not UTF-8 continuation bytes).
std::size_t code_point_count(std::string_view s);

}  // namespace boardbrief::layout
