// The phrasing pass: turns the engine's one selection of language-neutral claims into findings
// in one language, from the language file's [finding] and [method] keys. It never selects,
// drops or reorders: phrasing the same selection in two languages gives the same findings in
// the same order with the same numbers, and a new language is one more file.
#pragma once

#include "findings/finding.h"
#include "findings/selection.h"
#include "text/strings.h"

namespace boardbrief::findings {

// Every kept and dropped claim of `s` with its sentence and "why it matters", in order. Dialogue
// findings whose response window has not closed say so: the first kept one in full, later
// ones with a short marker.
Considered phrase(const Selection& s, const text::Strings& strings);

// One claim alone (a folded candidate in the audit trail): its sentence with its clauses, no
// provisional note and no attribution.
Finding phrase_claim(const Claim& c, const Selection& s, const text::Strings& strings);

}  // namespace boardbrief::findings
