// Absent reply information is absent, not "never answered": when no message of a dialogue
// scope got a reply anywhere in the window (e.g. mentions imported without a reply column),
// its answered/unanswered counts and response times are dropped, so the briefing says the
// reply data are missing instead of "100 % unanswered, > 72 h" (docs/figures.md).
#pragma once

#include "series/report_data.h"

namespace boardbrief::series {

// Drops the reply figures of every dialogue scope without a single reply in the window while
// it has messages old enough to judge; returns whether the all-own-channels scope lost them.
bool drop_absent_reply_info(ReportData& data);

// Whether the scope's reply figures were dropped by drop_absent_reply_info.
bool reply_info_absent(const DialogueSeries& s);

}  // namespace boardbrief::series
