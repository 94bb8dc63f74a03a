// The findings JSON's decisions fields (docs/decisions.md): bottom_line, status and since on
// each kept finding, resolved, outlook and actions. Only findings_json.cpp includes this.
#pragma once

#include <toml++/toml.h>

#include "app/decisions_run.h"

namespace boardbrief::app {

// Adds the fields to `root`, whose "findings" array holds the kept findings (matched to the
// continuity marks by type, metric, scope, direction and tone).
void add_decisions_json(toml::table& root, const DecisionsRun& d);

}  // namespace boardbrief::app
