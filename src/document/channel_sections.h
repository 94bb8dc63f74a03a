// Sections 3–5 of the full board briefing: audience and reach (line charts per platform and the
// per-channel audience table), engagement (per-channel table) and sentiment with share of
// voice (tables with bars). Each starts on a new page with a message headline.
#pragma once

#include "document/briefing.h"
#include "document/document.h"

namespace boardbrief::document {

void add_audience_section(Document& doc, const BriefingInput& in);
void add_engagement_section(Document& doc, const BriefingInput& in);
void add_sentiment_section(Document& doc, const BriefingInput& in);

}  // namespace boardbrief::document
