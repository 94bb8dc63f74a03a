// Helpers for the import tests: write a CSV file, read a table back as text.
#pragma once

#include <filesystem>
#include <string>

namespace boardbrief::testing {

// Writes `text` byte for byte to dir/name and returns the path.
std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name, const std::string& text);

// Every row of `sql` (a SELECT) as "a|b|c\n" lines: compares and hashes table contents.
std::string dump(const std::filesystem::path& db, const std::string& sql);

// The shared real-data folder (../shared/realdata beside the source tree, or $BOARDBRIEF_REALDATA);
// empty if absent.
std::filesystem::path realdata_dir();

}  // namespace boardbrief::testing
