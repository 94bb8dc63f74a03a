// The header row of a CSV file: column names to positions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "importer/csv_reader.h"

namespace boardbrief::importer {

class Header {
 public:
  Header(std::string path, CsvRecord record) : path_(std::move(path)), record_(std::move(record)) {}

  // 0-based position of the column named `name` (exact match first, then ignoring letter
  // case and surrounding spaces); nullopt when absent or `name` is empty.
  std::optional<std::size_t> find(const std::string& name) const;
  // As find(), but throws DataError("<path>:<line>: no column '<name>' <hint> (columns: ...)").
  std::size_t require(const std::string& name, const std::string& hint) const;

  const std::vector<std::string>& names() const { return record_.fields; }
  std::size_t size() const { return record_.fields.size(); }
  std::size_t line() const { return record_.line; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  CsvRecord record_;
};

// Reads the header row; throws DataError("<path>: the file is empty (no header row)").
Header read_header(CsvReader& reader);

}  // namespace boardbrief::importer
