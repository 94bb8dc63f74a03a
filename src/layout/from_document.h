// The document's parts as the widgets draw them: roles become colours (roles.h) and each part
// gets the sizes of its place in the briefing. The document says what; these say how.
#pragma once

#include <vector>

#include "document/document.h"
#include "layout/chart_columns.h"
#include "layout/chart_combo.h"
#include "layout/chart_daily_columns.h"
#include "layout/chart_line.h"
#include "layout/chart_title.h"
#include "layout/finding_list.h"
#include "layout/kpi_tile.h"
#include "layout/share_bar.h"
#include "layout/table.h"

namespace boardbrief::layout {

TileSpec tile_spec(const document::Tile& tile);
std::vector<TileSpec> tile_specs(const std::vector<document::Tile>& tiles);

std::vector<FindingItem> finding_items(const std::vector<document::FindingItem>& items);
FindingVariant finding_variant(document::FindingVariant v);

TableSpec table_spec(const document::TableSpec& spec);

ChartTitle chart_title(const document::ChartTitle& title);
LineChartSpec line_chart_spec(const document::LineChartSpec& spec);
ComboChartSpec combo_chart_spec(const document::ComboChartSpec& spec);
// Page 1's daily chart: short (`compact`) to leave page 1 room for the findings, the tiles and
// the notes; at the full height when it has a page of its own.
DailyChartSpec daily_chart_spec(const document::DailyChartSpec& spec);
ColumnChartSpec column_chart_spec(const document::ColumnChartSpec& spec);
ShareBarSpec share_bar_spec(const document::ShareBarSpec& spec);

// How draw_line_chart prints the end labels of `spec` (in the axis's unit): the figure registry
// records every figure exactly as printed (document/figures.h).
TickFormatter line_end_label_format(const document::LineChartSpec& spec);

// The response-time chart beside the dialogue findings: a little under the half-width
// reference height, so chart and list keep to the dialogue page under a table of eight rows
// (docs/visual-rules.md, "Pages that scale").
inline constexpr double kBesideChartHeight = 80;

}  // namespace boardbrief::layout
