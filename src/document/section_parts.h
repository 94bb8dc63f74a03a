// The parts every channel section shares: its opening on a new page, whether it has data at
// all, and the months its charts show.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include "document/briefing.h"
#include "document/document.h"

namespace boardbrief::document {

// The opening of a section on a new page (docs/visual-rules.md): kicker, `headline`, subtitle
// from the language file's `<key>` table.
void open_section(Document& doc, const BriefingInput& in, const std::string& key, std::string headline);

// Whether any of `metrics` has a value for all own channels in the report period; a section
// without any is left out rather than shown as a page of dashes.
bool has_data(const BriefingInput& in, std::initializer_list<const char*> metrics);

// The first window period the section charts show (the template's `periods`, latest last).
std::size_t first_charted(const BriefingInput& in);

// Month labels for a half-width chart of periods [first, window end): every third month is
// labelled counting back from the report period (Oct, Jan, Apr, Jul, Oct), so labels never run
// into each other; the year under the first and January.
std::vector<CategoryLabel> charted_labels(const BriefingInput& in, std::size_t first);

}  // namespace boardbrief::document
