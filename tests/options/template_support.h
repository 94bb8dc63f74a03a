// Shared by the template tests: a template file written into a scratch directory, and the
// DataError text load_template() gives for it.
#pragma once

#include <fstream>
#include <string>

#include "base/error.h"
#include "options/template_spec.h"
#include "support/test_db.h"

namespace boardbrief::testing {

// Writes `text` to <scratch dir named `name`>/t.toml and returns its path.
inline std::string write_template(const std::string& name, const std::string& text) {
  auto path = (scratch_dir(name) / "t.toml").string();
  std::ofstream(path) << text;
  return path;
}

// The message of the DataError loading `path` throws, or "(no error)".
inline std::string template_error(const std::string& path) {
  try {
    options::load_template(path);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace boardbrief::testing
