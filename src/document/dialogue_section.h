// Section 2 of the briefing: customer dialogue (answered and unanswered messages over the
// trailing window, response times).
#pragma once

#include "document/briefing.h"
#include "document/document.h"

namespace boardbrief::document {

// Appends the section's blocks to `doc`.
void add_dialogue_section(Document& doc, const BriefingInput& in);

// The monthly answered/unanswered chart of the section; `compact` gives shorter tiers for page 1
// of the one-pager.
ComboChart dialogue_chart(const BriefingInput& in, bool compact);

}  // namespace boardbrief::document
