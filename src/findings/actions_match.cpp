#include "findings/actions_match.h"

namespace boardbrief::findings {

bool answers(const model::Action& a, const Finding& f) {
  return a.metric == f.metric && (a.scope.empty() || a.scope == f.scope);
}

ActionMatch match_actions(const std::vector<Finding>& kept, const std::vector<model::Action>& actions) {
  ActionMatch m;
  m.by_finding.resize(kept.size());
  std::vector<bool> used(actions.size(), false);
  for (std::size_t i = 0; i < kept.size(); ++i)
    for (std::size_t j = 0; j < actions.size(); ++j)
      if (answers(actions[j], kept[i])) {
        m.by_finding[i].push_back(j);
        used[j] = true;
      }
  for (std::size_t j = 0; j < actions.size(); ++j)
    if (!used[j]) m.unmatched.push_back(j);
  return m;
}

}  // namespace boardbrief::findings
