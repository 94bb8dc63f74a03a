// What the converters of daily values, interactions and conversation logs share about a row:
// its field count against the header's, and the channel it names (`--platform`/`--handle` for
// the whole file, or a column each).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "importer/csv_reader.h"
#include "importer/header.h"
#include "importer/mapping.h"
#include "importer/problems.h"

namespace boardbrief::importer {

// False, after recording "the row has N fields, the header has M" at the row's line, when the
// row's field count is not the header's.
bool has_header_fields(const CsvRecord& r, std::size_t header_fields, Problems& problems);

class ChannelColumns {
 public:
  // Throws DataError naming the file, the header line and the missing column.
  ChannelColumns(const Mapping& m, const Header& header);

  // The row's platform and handle; an empty one is an error at its line and column (false).
  bool read(const CsvRecord& r, std::string& platform, std::string& handle, Problems& problems) const;
  // Whether column i holds the platform or the handle.
  bool holds(std::size_t i) const { return i == platform_ || i == handle_; }

 private:
  const Mapping& m_;
  std::vector<std::string> names_;
  std::optional<std::size_t> platform_, handle_;
};

}  // namespace boardbrief::importer
