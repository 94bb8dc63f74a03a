#pragma once
// A partial period (BriefingInput::partial_period: the data end before the period does): the
// sections claim no change over the gap. Their tables lose the "vs Sep" change columns, and the
// note says why.
#include <algorithm>

#include "document/briefing.h"
#include "document/document.h"
#include "document/table_columns.h"

namespace boardbrief::document {

// Adds the partial-period sentence (no change over the gap) to the table's note.
void add_partial_note(Table& t, const BriefingInput& in);

// For a partial period: leaves out the columns that compare with an earlier period, before any
// row is printed, and says so in the note. Does nothing for a complete period.
template <typename Row>
void drop_change_columns(Table& t, ColumnList<Row>& columns, const BriefingInput& in) {
  if (!in.partial_period) return;
  columns.erase(std::remove_if(columns.begin(), columns.end(), [](const Column<Row>& c) { return c.change; }),
                columns.end());
  add_partial_note(t, in);
}

}  // namespace boardbrief::document
