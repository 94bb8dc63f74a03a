// Input files (the database, template, config, language files, logo, fonts) are regular files
// of bounded size. A FIFO, a device such as /dev/zero or a directory is refused from its
// stat() before it is opened, so nothing blocks or reads forever (docs/errors.md, "Input files").
#pragma once

#include <cstdint>
#include <string>

#include "base/error.h"

namespace boardbrief {

// Limits far above any real file of each kind: they only stop runaway inputs.
inline constexpr std::uint64_t kMaxConfigBytes = 1 << 20;    // INI configs, language files
inline constexpr std::uint64_t kMaxTemplateBytes = 1 << 20;  // template TOML
inline constexpr std::uint64_t kMaxImageBytes = 20 << 20;    // logo and font files

struct InputRule {
  const char* what;         // "the template", "--config", ... (for the message)
  std::uint64_t max_bytes;  // 0: any size
  ExitCode code;            // the exit code of a refusal
};

// Whether anything is at `path` (stat only: never opens it).
bool path_exists(const std::string& path);

// Throws Error(rule.code) naming the path when it is missing, not a regular file or larger
// than rule.max_bytes. Returns its size.
std::uint64_t check_input_file(const std::string& path, const InputRule& rule);

// check_input_file(), then reads the whole file without ever blocking on a FIFO swapped in
// meanwhile (O_NONBLOCK) and without reading more than rule.max_bytes.
std::string read_input_file(const std::string& path, const InputRule& rule);

}  // namespace boardbrief
