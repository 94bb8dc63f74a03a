// Section 2 of the briefing: customer dialogue (answered and unanswered messages over the
// trailing window, response times).
#pragma once

#include "document/briefing.h"
#include "document/document.h"

namespace boardbrief::document {

// Appends the section's blocks to `doc`.
void add_dialogue_section(Document& doc, const BriefingInput& in);

}  // namespace boardbrief::document
