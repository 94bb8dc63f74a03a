// The appendix of the full board briefing (VISUAL F8): data coverage per channel and metric,
// metric definitions, method notes, the findings beyond page 1 (the audit list), the channels'
// full names, and the provenance block with the fingerprint of the rows read.
#pragma once

#include "document/briefing.h"
#include "document/document.h"

namespace boardbrief::document {

void add_appendix(Document& doc, const BriefingInput& in);

// The appendix's provenance rows (label, text); also the source of the PDF metadata's keywords.
Provenance full_provenance(const BriefingInput& in);

}  // namespace boardbrief::document
