// A finding of the findings stage as a list entry: its rank, direction, role and sentence. The
// callers add the "why" and the notes their list prints.
#pragma once

#include "document/finding_item.h"
#include "findings/finding.h"

namespace boardbrief::document {

FindingItem finding_item(const findings::Finding& f, int rank = 1);

}  // namespace boardbrief::document
