// The keys every language file must define: the contract between the language files and the
// code that builds the report. Pass this list to Strings::load() so that a missing string is
// reported once, at start-up, rather than halfway through a layout.
#pragma once

#include <string>
#include <vector>

namespace boardbrief::text {

// Dotted keys ("summary.title"), grouped by table. Adding a string the code uses means adding
// its key here and to every file in templates/lang/.
const std::vector<std::string>& report_keys();

}  // namespace boardbrief::text
