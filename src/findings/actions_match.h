// Which of management's actions answers which finding (docs/decisions.md): the same metric key,
// and the same scope when the action names one.
#pragma once

#include <cstddef>
#include <vector>

#include "findings/finding.h"
#include "model/action.h"

namespace boardbrief::findings {

bool answers(const model::Action& a, const Finding& f);

struct ActionMatch {
  std::vector<std::vector<std::size_t>> by_finding;  // per finding: indices into the actions
  std::vector<std::size_t> unmatched;                // actions that answer no finding
};

ActionMatch match_actions(const std::vector<Finding>& kept, const std::vector<model::Action>& actions);

}  // namespace boardbrief::findings
