// The data contract as the store checks it on open: schema version, tables and columns.
#pragma once

#include <string>
#include <vector>

namespace boardbrief::store {

inline constexpr int kSchemaVersion = 1;

struct TableContract {
  std::string name;
  std::vector<std::string> columns;
  bool optional = false;
};

// Tables and columns of schema version 1, in schema.sql order.
const std::vector<TableContract>& contract_tables();

}  // namespace boardbrief::store
