// Continuity since the last briefing (docs/decisions.md): each kept finding is new or
// continuing, with the first period of its unbroken run, and last period's adverse page-1
// findings whose problem is no longer among the kept findings are resolved. Earlier findings are recomputed, never stored:
// the caller supplies them per period back. Language-neutral: marks, not sentences.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "findings/finding.h"

namespace boardbrief::findings {

enum class Status { New, Continuing };
const char* status_name(Status s);  // "new", "continuing"

// The same finding in two periods: type, metric, scope, direction and tone (a rise that turns
// into a fall is a new finding, not the old one continuing).
bool same_identity(const Finding& a, const Finding& b);

// The same finding, or the same problem in another shape: two adverse findings of one metric
// and scope (a target miss that the engine folds into a rise this month still continues).
bool same_problem(const Finding& a, const Finding& b);

// Spikes, data gaps and notes are events of their own period: always new, never resolved.
bool carries_over(Type t);

struct Continuity {
  struct Mark {
    Status status = Status::New;
    std::string since;  // period key of the first period of the unbroken run
  };
  struct Resolved {
    Finding last;       // as it was kept in the previous period
    std::string since;  // first period of its run, ending with the previous period
  };
  std::vector<Mark> kept;  // one per finding of `now`, in the same order
  std::vector<Resolved> resolved;
  std::size_t periods_recomputed = 0;
};

// The kept findings (find_findings) of the period `back` periods before the report period.
using EarlierFindings = std::function<std::vector<Finding>(std::size_t back)>;

// Walks back at most `max_back` periods (fewer when the window has no more history). Each
// earlier period is recomputed at most once, and only as far back as some run still reaches.
Continuity trace_continuity(const std::vector<Finding>& now, std::size_t max_back, const EarlierFindings& earlier);

}  // namespace boardbrief::findings
