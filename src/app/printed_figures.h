// The registered figures of a composed briefing with the pages they landed on: one entry per
// key and printed text, its pages merged (docs/figures.md).
#pragma once

#include <vector>

#include "app/findings_json.h"
#include "document/document.h"
#include "layout/compose.h"

namespace boardbrief::app {

std::vector<PrintedFigure> printed_figures(const document::Document& doc, const layout::ComposedDocument& pages);

}  // namespace boardbrief::app
