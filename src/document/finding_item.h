// One ranked finding as the document describes it: its direction, its role and its sentences,
// rich text with **bold** key figures. Layout (layout/finding_list.h) sets and marks it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "document/roles.h"

namespace boardbrief::document {

struct FindingItem {
  int rank = 1;
  Direction direction = Direction::None;  // Up/Down: a triangle; Flat: a dash; None: no mark
  Role role = Role::Neutral;              // Favourable, Adverse or Neutral
  bool data_gap = false;                  // a gap in the data, not a change: its own mark
  std::string sentence;                   // rich text: "**38%** of customer messages ..."
  std::string why_lead;                   // "Why it matters:"
  std::string why_text;                   // rich text, after the lead-in
  // Lines under the why line, each a lead-in and rich text: continuity, management's action,
  // outlook (docs/decisions.md).
  std::vector<std::pair<std::string, std::string>> notes;
};

// Page: the ranked list of page 1 and the appendix; Section: the short unranked list beside a
// section's chart.
enum class FindingVariant { Page, Section };

}  // namespace boardbrief::document
