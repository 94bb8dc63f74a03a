// The appendix of the full board briefing: data coverage per channel and metric,
// metric definitions, method notes, the findings beyond page 1 (the audit list), the channels'
// full names, and the provenance block with the fingerprint of the rows read.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <utility>

#include "document/briefing.h"
#include "document/document.h"

namespace boardbrief::document {

void add_appendix(Document& doc, const BriefingInput& in);

// The appendix's provenance rows (label, text); also the source of the PDF metadata's keywords.
Provenance full_provenance(const BriefingInput& in);

// Registers the counts ("channels", "interactions", ...: `figures.rows_<what>` names them) a
// provenance block prints, for the block pushed next (docs/figures.md).
void register_counts(const BriefingInput& in, std::initializer_list<std::pair<const char*, std::int64_t>> counts);

}  // namespace boardbrief::document
