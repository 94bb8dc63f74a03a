// Validation problems of one import file, each with its position, and what was skipped.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace boardbrief::importer {

class Problems {
 public:
  explicit Problems(std::string path) : path_(std::move(path)) {}

  // Records "<path>:<line>:<column>: <message>" (":<column>" left out when column is 0).
  // Keeps the kKeep messages first in the file (by line, then column); counts all.
  void error(std::size_t line, std::size_t column, const std::string& message);
  // Counts a row left out on purpose (conversation log), by reason.
  void skip(const std::string& reason, std::size_t n = 1) { skipped_[reason] += n; }

  bool has_errors() const { return count_ > 0; }
  std::size_t error_count() const { return count_; }
  const std::vector<std::string>& messages() const { return messages_; }
  const std::map<std::string, std::size_t>& skipped() const { return skipped_; }
  const std::string& path() const { return path_; }

  static constexpr std::size_t kKeep = 20;

 private:
  std::string path_;
  std::size_t count_ = 0;
  std::vector<std::string> messages_;
  std::vector<std::pair<std::size_t, std::size_t>> positions_;  // (line, column) of messages_
  std::map<std::string, std::size_t> skipped_;
};

}  // namespace boardbrief::importer
