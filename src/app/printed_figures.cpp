#include "app/printed_figures.h"

#include <algorithm>
#include <map>

namespace boardbrief::app {

std::vector<PrintedFigure> printed_figures(const document::Document& doc, const layout::ComposedDocument& pages) {
  std::vector<PrintedFigure> out;
  std::map<std::pair<std::string, std::string>, std::size_t> index;  // (key, text) -> out
  for (const auto& f : doc.figures) {
    if (f.block >= pages.block_first_page.size()) continue;
    const int first = pages.block_first_page[f.block], last = pages.block_last_page[f.block];
    if (first < 0) continue;  // the block was left out (page 1's provenance when the appendix repeats it)
    auto [it, added] = index.emplace(std::make_pair(f.key, f.text), out.size());
    if (added) out.push_back({f.key, f.label, f.scope, f.period, f.value, f.text, {}});
    auto& pg = out[it->second].pages;
    for (int p = first; p <= last; ++p)
      if (std::find(pg.begin(), pg.end(), p + 1) == pg.end()) pg.push_back(p + 1);
  }
  for (auto& f : out) std::sort(f.pages.begin(), f.pages.end());
  return out;
}

}  // namespace boardbrief::app
