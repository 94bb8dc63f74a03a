#pragma once
// A partial period (BriefingInput::partial_period: the data end before the period does): the
// sections claim no change over the gap. Their tables lose the "vs Sep" change columns, and the
// note says why.
#include <cstddef>
#include <initializer_list>

#include "document/briefing.h"
#include "document/document.h"

namespace boardbrief::document {

// Removes `columns` (indices into t.spec.columns) from the header, body and total row, and adds
// the partial-period sentence to the table's note. Does nothing for a complete period.
void drop_change_columns(Table& t, const BriefingInput& in, std::initializer_list<std::size_t> columns);

}  // namespace boardbrief::document
