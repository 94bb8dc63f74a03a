// Headings that open a block: the section heading with its rule and right-aligned note
// ("What the board should know ... Ranked by importance"), and the CAPS kicker.
#pragma once

#include <string_view>

#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

inline constexpr double kHeadingRuleDrop = 5;  // rule 5 pt below the baseline
inline constexpr double kHeadingRuleWidth = 0.75;
inline constexpr double kHeadingNoteGap = 12;  // least room between title and note

// Draws `title` (Bold 12.5 ink) with its baseline at `baseline_left`, a 0.75 pt ink rule
// across `width_pt` 5 pt below the baseline, and `note` (8 pt ink60) right-aligned on the
// baseline. The title is shortened with "…" to the width; the note to the room the title
// leaves (it is dropped when less than "…" fits). Returns the rule's y (its centre line).
double draw_section_heading(Canvas& canvas, const TextMeasurer& measurer, Point baseline_left, double width_pt,
                            std::string_view title, std::string_view note = {});

// Width of a kicker (Bold 7.5, tracking 0.9 pt) from its first glyph's left edge to its
// last glyph's right edge: the tracking after the last character is not counted.
double kicker_width(const TextMeasurer& measurer, std::string_view text);

// Draws a kicker with its baseline starting at `baseline_left`. The text arrives in capitals
// ("NORDLYS ENERGI A/S"); layout does not change case. Right-align with kicker_width().
void draw_kicker(Canvas& canvas, Point baseline_left, std::string_view text, Color color);

// `text` when its kicker_width fits `max_width_pt`; otherwise its longest prefix of whole code
// points followed by "…" that fits (a long organisation name); "" when not even "…" fits.
std::string fit_kicker(const TextMeasurer& measurer, std::string_view text, double max_width_pt);

}  // namespace boardbrief::layout
