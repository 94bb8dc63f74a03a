#include "importer/problems.h"

#include <algorithm>

namespace boardbrief::importer {

void Problems::error(std::size_t line, std::size_t column, const std::string& message) {
  ++count_;
  // Errors found while reading arrive in file order; those found when the rows are written
  // (a repeated value) arrive later. Keeping the kKeep first by position prints both in file
  // order.
  const auto pos = std::make_pair(line, column);
  if (messages_.size() >= kKeep && !(pos < positions_.back())) return;
  std::string where = path_ + ":" + std::to_string(line);
  if (column > 0) where += ":" + std::to_string(column);
  const auto at = std::upper_bound(positions_.begin(), positions_.end(), pos) - positions_.begin();
  positions_.insert(positions_.begin() + at, pos);
  messages_.insert(messages_.begin() + at, where + ": " + message);
  if (messages_.size() > kKeep) {
    positions_.pop_back();
    messages_.pop_back();
  }
}

}  // namespace boardbrief::importer
