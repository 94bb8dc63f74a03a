// The TOML side of the mapping (toml++ costs seconds of compile time per file: keep it here).
#include <toml++/toml.h>

#include <fstream>
#include <stdexcept>

#include "base/error.h"
#include "base/input_file.h"
#include "importer/mapping.h"
#include "text/toml_file.h"

namespace boardbrief::importer {

namespace {

std::string where(const std::string& path, const toml::source_region& r) { return text::toml_position(path, r); }

void set_from_node(Mapping& m, const std::string& path, const std::string& key, const toml::node& node) {
  std::string value;
  if (is_flag_key(key)) {
    auto b = node.value<bool>();
    if (!b) throw UsageError(where(path, node.source()) + ": key '" + key + "' must be true or false");
    value = *b ? "true" : "false";
  } else {
    auto s = node.value<std::string>();
    if (!node.is_string() || !s) throw UsageError(where(path, node.source()) + ": key '" + key + "' must be a string");
    value = *s;
  }
  try {
    set_mapping_value(m, key, value);
  } catch (const std::invalid_argument& e) {
    throw UsageError(where(path, node.source()) + ": " + e.what());
  }
}

}  // namespace

void load_mapping_file(const std::string& path, Mapping& m) {
  if (!path_exists(path)) throw UsageError("--mapping '" + path + "': cannot open the file");
  // A FIFO or /dev/zero would block or grow without end (docs/errors.md, "Input files").
  const std::string text = read_input_file(path, {"--mapping", kMaxConfigBytes, ExitCode::Usage});
  const toml::table root = text::parse_toml(text, path, ExitCode::Usage);
  for (const auto& [k, node] : root) {
    const std::string key(k.str());
    if (key == "columns" && m.kind == ImportKind::Metrics) {
      const toml::table* cols = node.as_table();
      if (!cols) throw UsageError(where(path, node.source()) + ": 'columns' must be a table (metric = \"CSV column\")");
      for (const auto& [metric, col] : *cols) set_from_node(m, path, "columns." + std::string(metric.str()), col);
      continue;
    }
    set_from_node(m, path, key, node);
  }
}

}  // namespace boardbrief::importer
