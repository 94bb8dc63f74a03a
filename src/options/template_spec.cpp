#include "options/template_spec.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "base/error.h"

namespace boardbrief::options {

namespace {

std::string where(const std::string& path, const toml::source_region& r) {
  return path + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
}

int read_int(const std::string& path, const std::string& key, const toml::node& n, int lo, int hi) {
  auto v = n.value<std::int64_t>();
  if (!n.is_integer() || !v) throw DataError(where(path, n.source()) + ": '" + key + "' must be a whole number");
  if (*v < lo || *v > hi)
    throw DataError(where(path, n.source()) + ": '" + key + "' must be between " + std::to_string(lo) + " and " +
                    std::to_string(hi));
  return static_cast<int>(*v);
}

bool read_bool(const std::string& path, const std::string& key, const toml::node& n) {
  if (!n.is_boolean()) throw DataError(where(path, n.source()) + ": '" + key + "' must be true or false");
  return *n.value<bool>();
}

}  // namespace

TemplateSpec load_template(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": cannot read the template");
  std::stringstream text;
  text << in.rdbuf();
  toml::table root;
  try {
    root = toml::parse(text.str(), path);
  } catch (const toml::parse_error& e) {
    throw DataError(where(path, e.source()) + ": " + std::string(e.description()));
  }
  TemplateSpec spec;
  for (auto&& [table_key, node] : root) {
    std::string table(table_key.str());
    const toml::table* t = node.as_table();
    if (!t || (table != "findings" && table != "dialogue"))
      throw DataError(where(path, node.source()) + ": unknown template key '" + table + "' (expected [findings] or [dialogue])");
    for (auto&& [k, v] : *t) {
      std::string key = table + "." + std::string(k.str());
      if (key == "findings.summary_count") spec.summary_findings = read_int(path, key, v, 1, 5);
      else if (key == "dialogue.response_window_hours") spec.response_window_hours = read_int(path, key, v, 1, 720);
      else if (key == "dialogue.section") spec.dialogue_section = read_bool(path, key, v);
      else throw DataError(where(path, v.source()) + ": unknown template key '" + key + "'");
    }
  }
  return spec;
}

}  // namespace boardbrief::options
