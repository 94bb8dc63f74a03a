// Page composition: places the document's blocks on A4 pages top to bottom, keeps headings
// with their block, moves a block that does not fit to the next page, and adds the page
// furniture (title band on page 1, running header on later pages, footer with "Page X of Y").
#pragma once

#include <string>
#include <vector>

#include "document/document.h"
#include "layout/canvas.h"
#include "layout/text_measurer.h"

namespace boardbrief::layout {

struct PageBookmark {
  std::string title;
  int page_index = 0;
};

struct ComposedDocument {
  std::vector<PageDrawing> pages;
  std::vector<PageBookmark> bookmarks;
  // Per document block, the first and last page (0-based) it was drawn on; -1 for a block left
  // out (page 1's provenance when the appendix repeats it) or one that draws nothing.
  std::vector<int> block_first_page, block_last_page;
};

// Lays out `doc`. Every primitive lies inside the page; no block is cut by a page break.
ComposedDocument compose(const document::Document& doc, const TextMeasurer& measurer);

// Copies `src`'s primitives into `dst`, moved by (dx, dy): blocks are drawn at the origin to
// learn their height, then placed.
void append_translated(Canvas& dst, const RecordingCanvas& src, double dx, double dy);

}  // namespace boardbrief::layout
