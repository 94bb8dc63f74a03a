// The TOML files people write (templates, language files, actions files, column mappings): one
// parser entry and one way to name the place of a problem, "<file>:<line>:<column>", so every
// message points into the file the same way.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>

#include "base/error.h"

namespace boardbrief::text {

// "<source>:<line>:<column>" of `region`.
std::string toml_position(const std::string& source, const toml::source_region& region);

// Parses `text` read from `source`. A syntax error throws UsageError (code Usage) or DataError
// (any other code): "<source>:<line>:<column>: <the parser's description>".
toml::table parse_toml(std::string_view text, const std::string& source, ExitCode code);

}  // namespace boardbrief::text
