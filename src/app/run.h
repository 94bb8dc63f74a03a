// Runs one command: the only code that knows every stage and wires them together.
#pragma once

#include <string>

#include "base/error.h"
#include "options/config.h"

namespace boardbrief::app {

// Executes `cmd`, writing user messages to stdout/stderr. Returns the exit code for a run
// that finished (0, or 3 for `check` finding contract violations); throws boardbrief::Error
// subclasses for failures (main maps them to exit codes).
ExitCode run(const options::Command& cmd);

// Where templates/ and fonts/ live: --data-dir, $BOARDBRIEF_DATA_DIR, <exe>/../share/boardbrief,
// the source tree the binary was built from. Throws DataError when none holds the fonts.
std::string find_data_dir(const std::string& explicit_dir);

// The language codes with a file templates/lang/<code>.toml in `data_dir`, sorted ("da, en").
std::string available_languages(const std::string& data_dir);

}  // namespace boardbrief::app
