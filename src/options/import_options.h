// The `import metrics` and `import interactions` command lines, as plain values.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace boardbrief::options {

struct ImportOptions {
  bool interactions = false;  // false: `import metrics`
  std::string db;
  std::string mapping_file;  // empty = none
  // Mapping settings given as options, as (key, value) in the mapping file's key names
  // ("day_column", "columns.impressions", ...), in command-line order; they override the file.
  std::vector<std::pair<std::string, std::string>> settings;
  std::vector<std::string> files;
  bool quiet = false;
  // From the report's --config INI file: its `tz` (used when neither the command line nor the
  // mapping file gives one) and its `db` (when --db is not given). Other keys are the report's.
  std::string config_tz;
};

// Parses the arguments after "import". Returns false when help was asked for (`help` then
// holds the text). Throws UsageError naming the option.
bool parse_import_options(const std::vector<std::string>& args, ImportOptions& out, std::string& help);

}  // namespace boardbrief::options
