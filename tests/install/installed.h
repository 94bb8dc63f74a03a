// `cmake --install` of the build under test into a scratch prefix, once per test process.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/test_db.h"

namespace boardbrief::testing {

// The prefix holding bin/boardbrief, share/boardbrief/, share/man/man1/boardbrief.1 and
// share/bash-completion/completions/boardbrief, as `cmake --install` put them there.
inline const std::filesystem::path& installed_prefix() {
  static const std::filesystem::path prefix = [] {
    std::filesystem::path p = scratch_dir("install") / "prefix";
    std::filesystem::path build = std::filesystem::path(binary()).parent_path();
    auto r = run("cmake --install '" + build.string() + "' --prefix '" + p.string() + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return p;
  }();
  return prefix;
}

}  // namespace boardbrief::testing
