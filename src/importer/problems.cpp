#include "importer/problems.h"

namespace boardbrief::importer {

void Problems::error(std::size_t line, std::size_t column, const std::string& message) {
  ++count_;
  if (messages_.size() >= kKeep) return;
  std::string where = path_ + ":" + std::to_string(line);
  if (column > 0) where += ":" + std::to_string(column);
  messages_.push_back(where + ": " + message);
}

}  // namespace boardbrief::importer
