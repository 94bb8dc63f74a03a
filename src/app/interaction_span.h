// Where the database's customer dialogue begins and ends (issue 3: missing periods stay missing).
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "store/database.h"

namespace boardbrief::app {

// The received_at of the first and the last interaction (UTC seconds), or nullopt when the
// table is empty. Two lookups on the received_at index, whatever the table's size.
std::optional<std::pair<std::int64_t, std::int64_t>> interaction_span(store::Database& db);

}  // namespace boardbrief::app
