// Where the database's customer dialogue begins and ends, so a period before the first or after
// the last message reads "no data" instead of "no messages" (docs/data-contract.md, "Periods
// with no data").
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "store/database.h"

namespace boardbrief::store {

// Contract: the received_at of the first and the last interaction (UTC seconds), or nullopt when
// no row holds a UTC instant. Values no period can hold (a Unix epoch number, a word) are skipped,
// not counted as an end: one bad row must not mark every day as outside the data (the validating
// scan reports such rows). Two lookups on the received_at index, whatever the table's size.
std::optional<std::pair<std::int64_t, std::int64_t>> interaction_span(Database& db);

}  // namespace boardbrief::store
