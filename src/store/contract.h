// The data contract as the store checks it on open: schema version, tables and columns.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/catalogue.h"

namespace boardbrief::store {

inline constexpr int kSchemaVersion = 1;

struct TableContract {
  std::string name;
  std::vector<std::string> columns;
  bool optional = false;
};

// Tables and columns of schema version 1, in schema.sql order.
const std::vector<TableContract>& contract_tables();

// The words of the metric table's aggregation and better columns (docs/data-contract.md), for
// reading (store/database) and writing (store/writer) alike.
inline constexpr std::pair<std::string_view, model::Aggregation> kAggregationWords[] = {
    {"sum", model::Aggregation::Sum},
    {"last", model::Aggregation::Last},
    {"mean", model::Aggregation::Mean},
    {"max", model::Aggregation::Max}};
inline constexpr std::pair<std::string_view, model::Better> kBetterWords[] = {
    {"up", model::Better::Up}, {"down", model::Better::Down}, {"none", model::Better::None}};

// The values a target may take for its metric, in the metric's reporting unit
// (docs/data-contract.md, table `target`): shares are fractions in [0, 1], net sentiment is in
// [-100, 100], response times are minutes in [0, 43200] (30 days), anything else is a count in
// [0, 1e15]. A value outside could only come from a unit mistake (15 for 15 %) or a broken
// pipeline, and would turn into a figure such as "at least 0 billion".
struct TargetBounds {
  double low, high;
  const char* unit;  // "shares are fractions: 0.15 = 15 %"
};
TargetBounds target_bounds(const std::string& metric);

}  // namespace boardbrief::store
