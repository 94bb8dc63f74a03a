#include "series/reply_info.h"

namespace boardbrief::series {

namespace {

bool no_reply_at_all(const DialogueSeries& s) {
  std::int64_t judged = 0;
  for (const auto& p : s.periods) {
    if (p.answered > 0 || (p.answered_median && !p.answered_median->infinite)) return false;
    judged += p.mature;
  }
  return judged > 0;
}

}  // namespace

bool drop_absent_reply_info(ReportData& data) {
  bool all_own = false;
  for (auto& [key, s] : data.dialogue) {
    if (!no_reply_at_all(s)) continue;
    for (auto& p : s.periods) {
      p.mature = 0;
      p.answered = 0;
      p.unanswered_at_end = 0;
      p.frt_p50.reset();
      p.frt_p90.reset();
      p.answered_median.reset();
      p.business_p50.reset();
      p.reply_info = false;
    }
    if (s.scope.kind == Scope::Kind::AllOwn) all_own = true;
  }
  return all_own;
}

bool reply_info_absent(const DialogueSeries& s) { return !s.periods.empty() && !s.periods.front().reply_info; }

}  // namespace boardbrief::series
