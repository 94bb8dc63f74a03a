// Contract checks on the contents of a database (for `boardbrief check`): rows whose values
// break the data contract, counted per rule with one example row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace boardbrief::store {

class Database;

struct Violation {
  std::string table;
  std::string rule;  // what is wrong, e.g. "day is not a real YYYY-MM-DD day"
  std::int64_t rows = 0;
  std::string example;  // "row id 17: '2026-02-30'"
};

// Runs every contract rule as one SQL query each. Returns only rules with offending rows.
std::vector<Violation> find_violations(Database& db);

// Indexes a report needs for speed, that are missing (e.g. "interaction(received_at)").
std::vector<std::string> missing_indexes(Database& db);

}  // namespace boardbrief::store
