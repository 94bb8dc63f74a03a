// The ranked findings list (docs/visual-rules.md): page 1's "What the board should know" and the
// narrower section variant. Each finding is a rank, a direction marker, a sentence with
// Bold key figures and a "Why it matters" line (Italic lead-in, wrapped in full: never cut with "…").
// FindingBlock lays the list out once; its height and its drawing come from the same lines.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "layout/canvas.h"
#include "layout/markers.h"
#include "layout/rich_text.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

struct FindingItem {
  int rank = 1;
  Direction direction = Direction::None;  // Up/Down: triangle; Flat: dash; None: no mark
  Tone tone = Tone::Neutral;              // Neutral: ink60 triangle
  bool data_gap = false;                  // hollow ink60 circle instead of a triangle
  std::string sentence;                   // rich text: "**38%** of customer messages ..."
  std::string why_lead;                   // "Why it matters:", set in Italic
  std::string why_text;                   // rich text, after the lead-in
  // Lines under the why line, each an Italic lead-in and rich text, set like it: continuity,
  // management's action, outlook (docs/decisions.md).
  std::vector<std::pair<std::string, std::string>> notes;
};

// Page: rank at the left edge, marker at +16, text at +29. Section: no rank, marker at 0,
// text at +12 (a 6-column block).
enum class FindingVariant { Page, Section };

inline constexpr double kFindingGap = 6.5;           // between findings
inline constexpr double kFindingFirstBaseline = 10;  // block top -> first baseline
inline constexpr double kWhyBaselineOffset = 13.75;  // last sentence baseline -> why baseline

// One finding laid out; baselines are relative to the finding's top.
struct LaidOutFinding {
  FindingItem item;
  std::vector<RichLine> sentence;  // sentence lines
  std::vector<RichLine> why;       // why lines, all of the text
  double why_first_baseline = 0;
  std::vector<RichLine> notes;  // the notes' lines, in order, after the why lines
  double notes_first_baseline = 0;
  double height = 0;         // top to the descent of the last line
  double rank_size_pt = 13;  // smaller for a two-digit rank (the appendix's list), so it clears the marker
};

class FindingBlock {
 public:
  // Lays out `items` in that order (the order is the rank) for a block `width_pt` wide, `gap`
  // apart (less than kFindingGap only on a full page 1, docs/visual-rules.md "Page 1 notes").
  FindingBlock(const TextMeasurer& measurer, std::vector<FindingItem> items, double width_pt,
               FindingVariant variant = FindingVariant::Page, double gap = kFindingGap);

  // Top of the first finding to the bottom of the last; 0 for no findings.
  double height() const { return height_; }
  const std::vector<LaidOutFinding>& findings() const { return findings_; }

  // Draws the block with its top-left corner at `top_left`; it occupies exactly height().
  void draw(Canvas& canvas, Point top_left) const;

 private:
  FindingVariant variant_;
  double gap_;
  std::vector<LaidOutFinding> findings_;
  double height_ = 0;
};

// Height the list would take; equal to what draw_findings() returns for the same arguments.
double measure_findings(const TextMeasurer& measurer, const std::vector<FindingItem>& items, double width_pt,
                        FindingVariant variant = FindingVariant::Page);

// Draws the list at `top_left` and returns its height.
double draw_findings(Canvas& canvas, const TextMeasurer& measurer, Point top_left,
                     const std::vector<FindingItem>& items, double width_pt,
                     FindingVariant variant = FindingVariant::Page);

}  // namespace boardbrief::layout
