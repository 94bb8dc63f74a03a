// The document model: what the briefing says, block by block, with every figure already
// formatted in the report language. It says what, never how: marks and figures carry roles
// (roles.h), and layout picks colours, fonts, sizes and positions (docs/architecture.md).
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "document/chart_specs.h"
#include "document/figures.h"
#include "document/finding_item.h"
#include "document/table_spec.h"
#include "document/tile.h"

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
  std::vector<FindingItem> items;
  FindingVariant variant = FindingVariant::Page;
  std::string empty_text;  // shown when there are no items ("No significant changes ...")
  bool continues = false;  // continues the list above: the item gap, not a block gap
};

struct TileGrid {
  std::vector<Tile> tiles;
  int per_row = 0;  // 0: as many standard-width tiles as fit; else this many, narrowed to share the width
};

struct ComboChart {
  std::string title;
  std::string subtitle;
  ComboChartSpec spec;
};

// The page-1 daily column chart with its title line and key (docs/visual-rules.md, "Charts").
struct DailyChart {
  ChartTitle title;
  DailyChartSpec spec;
};

// A table that may split across pages (header repeated, docs/visual-rules.md "Tables"); title and subtitle as for charts.
struct Table {
  std::string title;
  std::string subtitle;
  TableSpec spec;
  std::string note;  // under the table, as a note (e.g. the bar scale)
};

// Running text; `small`: a note under a chart or table, not body text.
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
    LineChartSpec spec;
  };
  std::vector<Chart> charts;
};

// A half-width line chart with a short findings list beside it (the dialogue section's
// "First response time" and "What stands out in the dialogue", as in the mock-up).
struct ChartBeside {
  LineCharts::Chart chart;
  std::string list_title;
  std::vector<FindingItem> items;  // shown in the Section variant
};

// A full-width grouped or stacked column chart with its title and subtitle.
struct ColumnChart {
  std::string title;
  std::string subtitle;
  ColumnChartSpec spec;
};

// One horizontal 100 % bar of shares (share of voice), full width, with title and subtitle.
struct ShareBar {
  std::string title;
  std::string subtitle;
  ShareBarSpec spec;
};

using Block =
    std::variant<TitleBand, SectionHeading, SectionOpening, FindingList, TileGrid, ComboChart, DailyChart, Table,
                 Paragraph, Provenance, PageBreak, Columns, LineCharts, ChartBeside, ColumnChart, ShareBar>;

// Page furniture: running header on pages 2+, footer on every page.
struct Furniture {
  std::string header_org;     // the organisation, emphasised
  std::string header_title;   // "· Board briefing"
  std::string header_period;  // "October 2026", the report period
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
