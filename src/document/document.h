// The document model: what the briefing says, block by block, with every figure already
// formatted in the report language. Layout decides where it goes; nothing here has a position.
// Blocks reuse the layout stage's widget specs (tile, finding, chart, table), which are plain
// data; document never draws.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "document/figures.h"
#include "layout/chart_combo.h"
#include "layout/chart_daily_columns.h"
#include "layout/chart_line.h"
#include "layout/chart_columns.h"
#include "layout/share_bar.h"
#include "layout/chart_title.h"
#include "layout/finding_list.h"
#include "layout/kpi_tile.h"
#include "layout/table.h"

namespace boardbrief::document {

// Page 1's title band (docs/visual-rules.md, "Page and grid").
struct TitleBand {
  std::string org_kicker;  // "NØRRE ÅLBÆK ENERGI A/S"
  std::string doc_type;    // "BOARD BRIEFING"
  std::string title;
  std::string period;      // "October 2026"
  std::string comparison;  // "compared with September 2026 and October 2025"
  std::string scope;       // "Own channels: ... · times in Europe/Copenhagen"
};

// A section heading with its rule and right-aligned note; kept with the next block.
struct SectionHeading {
  std::string text;
  std::string note;
  std::string bookmark;  // non-empty: an outline entry pointing here
};

// Opening of a section on a new page: kicker, message headline, subtitle.
struct SectionOpening {
  std::string kicker;
  std::string headline;
  std::string subtitle;
  std::string bookmark;
};

struct FindingList {
  std::vector<layout::FindingItem> items;
  layout::FindingVariant variant = layout::FindingVariant::Page;
  std::string empty_text;  // shown when there are no items ("No significant changes ...")
  bool continues = false;  // continues the list above: the item gap, not a block gap
};

struct TileGrid {
  std::vector<layout::TileSpec> tiles;
  int per_row = 0;  // 0: as many standard-width tiles as fit; else this many, narrowed to share the width
};

struct ComboChart {
  std::string title;
  std::string subtitle;
  layout::ComboChartSpec spec;
};

// The page-1 daily column chart with its title line and key (docs/visual-rules.md, "Charts").
struct DailyChart {
  layout::ChartTitle title;
  layout::DailyChartSpec spec;
};

// A table that may split across pages (header repeated, docs/visual-rules.md "Tables"); title and subtitle as for charts.
struct Table {
  std::string title;
  std::string subtitle;
  layout::TableSpec spec;
  std::string note;  // under the table (e.g. the bar scale), 7.5 pt ink60
};

// Running text; `small` = 7.5 pt ink60 (notes under a chart or table).
struct Paragraph {
  std::string text;  // rich: **bold**, *italic*
  bool small = false;
  bool tight = false;  // one of a list of short entries (definitions): a small gap above
};

// The provenance rows at the bottom of page 1 (docs/visual-rules.md, "Page 1 notes"): label, text.
struct Provenance {
  std::vector<std::pair<std::string, std::string>> rows;
  bool in_flow = false;    // the appendix's block: placed like any block, not above the footer
  bool droppable = false;  // page 1's block when the appendix repeats it: shortened, else left out, when page 1 is full
  // The first rows that explain the page's tags (the notes): a full page 1 keeps these and
  // leaves out the rest before it leaves out the block (docs/visual-rules.md, "Page 1 notes").
  std::size_t essential_rows = 0;
};

struct PageBreak {};

// Marks a run of blocks as two columns side by side (Begin, the left blocks, Next, the right
// blocks, End) when the page is wide enough (landscape: page 1's findings left, tiles and chart
// right); on a portrait page the marks are ignored and the blocks follow one another. A right
// column block that does not fit beside the left one follows the columns at full width.
struct Columns {
  enum class Mark { Begin, Next, End };
  Mark mark = Mark::Begin;
};

// One or two line charts side by side (two share the width: small multiples), each with
// its title and subtitle; the series' end labels are the legend (docs/visual-rules.md, "Charts").
struct LineCharts {
  struct Chart {
    std::string title;
    std::string subtitle;
    layout::LineChartSpec spec;
  };
  std::vector<Chart> charts;
};

// A half-width line chart with a short findings list beside it (the dialogue section's
// "First response time" and "What stands out in the dialogue", as in the mock-up).
struct ChartBeside {
  LineCharts::Chart chart;
  std::string list_title;
  std::vector<layout::FindingItem> items;  // drawn in the Section variant
};

// A full-width grouped or stacked column chart with its title and subtitle.
struct ColumnChart {
  std::string title;
  std::string subtitle;
  layout::ColumnChartSpec spec;
};

// One horizontal 100 % bar of shares (share of voice), full width, with title and subtitle.
struct ShareBar {
  std::string title;
  std::string subtitle;
  layout::ShareBarSpec spec;
};

using Block =
    std::variant<TitleBand, SectionHeading, SectionOpening, FindingList, TileGrid, ComboChart, DailyChart, Table,
                 Paragraph, Provenance, PageBreak, Columns, LineCharts, ChartBeside, ColumnChart, ShareBar>;

// Page furniture: running header on pages 2+, footer on every page.
struct Furniture {
  std::string header_org;     // Bold ink
  std::string header_title;   // "· Board briefing", ink60
  std::string header_period;  // Bold accent, right
  std::string footer_left;    // "Confidential · for the board of ..."
  std::string footer_centre;  // "Generated 2 November 2026, 06:00"
  std::string page_pattern;   // "Page {n} of {total}"
};

struct Info {
  std::string title;
  std::string subject;
  std::string keywords;
};

// The page and branding the template chose.
struct Page {
  double width_pt = 595.276;  // A4 portrait by default
  double height_pt = 841.89;
  std::string accent;  // "#RRGGBB"; empty: the default accent (docs/visual-rules.md, "Colour")
  std::string logo;    // PNG or JPEG file drawn top right of page 1; empty: none
};

struct Document {
  Page page;
  Furniture furniture;
  Info info;
  std::vector<Block> blocks;
  std::vector<Figure> figures;                    // every printed figure, each naming its block (figures.h)
  std::vector<FindingFigures> finding_sentences;  // resolved into `figures` (resolve_finding_figures)
};

}  // namespace boardbrief::document
