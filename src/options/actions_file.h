// Management's actions (--actions FILE, or the template's [actions] file): a TOML file of
// [[action]] tables written by the company, each answering the findings of one metric
// (docs/decisions.md). Read with toml++; every problem names file:line:column.
#pragma once

#include <string>
#include <vector>

#include "model/action.h"

namespace boardbrief::options {

struct ActionsFile {
  std::string path;
  std::string sha256;  // of the file's bytes
  std::vector<model::Action> actions;
};

// Throws DataError "<path>: cannot read the actions file", "<path>:<line>:<column>: <what>" for
// a syntax error, an unknown key, a missing or empty required key (metric, owner, action, due,
// status), a bad scope, a date that is not YYYY-MM-DD or a status other than planned,
// "in progress" or done.
ActionsFile load_actions(const std::string& path);

}  // namespace boardbrief::options
