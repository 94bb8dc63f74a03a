// Small text helpers shared by the charts and tables: short labels wrapped into a few lines,
// and keeping labels from overlapping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"
#include "layout/text_wrap.h"  // ellipsize

namespace boardbrief::layout {

// An axis-aligned box in page points (top-left origin, y down).
struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;
  bool overlaps(const Box& o) const { return left < o.right && o.left < right && top < o.bottom && o.top < bottom; }
};

// The box a run of text occupies: from the ascent above the baseline to 0.25 em below it.
Box text_box(const TextMeasurer& m, const TextRun& run);

// Greedy word wrap at spaces (and explicit '\n') into at most `max_lines` lines of at most
// `width_pt`; the last line is ellipsized when text remains. Unlike wrap_text (text_wrap.h),
// an over-long word is ellipsized, never split: labels in a gutter read better that way.
std::vector<std::string> wrap_words(const TextMeasurer& m, FontFace face, double size_pt, std::string_view text,
                                    double width_pt, int max_lines);

// Remembers the boxes of labels already placed and picks, from a list of candidate runs, the
// first one that collides with none of them.
class LabelPlacer {
 public:
  explicit LabelPlacer(const TextMeasurer& m) : measurer_(m) {}

  // Reserves an area that labels must avoid (e.g. another label drawn elsewhere).
  void reserve(const Box& b) { placed_.push_back(b); }
  bool is_free(const Box& b) const;
  // Index of the first free candidate (all lines of a candidate must be free), which is then
  // reserved; when none is free, the first candidate is reserved and 0 returned.
  // REQUIRES: !candidates.empty()
  std::size_t place(const std::vector<std::vector<TextRun>>& candidates);

 private:
  const TextMeasurer& measurer_;
  std::vector<Box> placed_;
};

}  // namespace boardbrief::layout
