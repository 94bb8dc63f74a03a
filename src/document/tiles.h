// KPI values turned into tile specs: formatted values, deltas, target lines and sparklines.
#pragma once

#include <string>
#include <vector>

#include "analysis/kpis.h"
#include "document/figure_names.h"
#include "document/tile.h"
#include "model/period.h"
#include "series/report_data.h"
#include "text/strings.h"

namespace boardbrief::document {

struct TileContext {
  const text::Strings& strings;
  const series::ReportData& data;
  model::Period previous;
  model::Period year_ago;
  // The data end before the period does: values are marked "partial" and no change is shown.
  bool partial = false;
  const FigureNames* names = nullptr;  // registers the tile's figures (docs/figures.md); none: not registered
};

Tile make_tile(const analysis::Kpi& k, const TileContext& ctx);

// The KPI's value as a sentence or table would show it ("38%", "3 h 30 min", "24.9 M").
std::string format_kpi_value(const analysis::Kpi& k, double v, text::Language lang);

}  // namespace boardbrief::document
