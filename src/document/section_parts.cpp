#include "document/section_parts.h"

#include <algorithm>

#include "document/channel_rows.h"
#include "document/names.h"
#include "findings/finding.h"
#include "findings/phrasing.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

using text::Language;

void open_section(Document& doc, const BriefingInput& in, const std::string& key, std::string headline) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  doc.blocks.push_back(PageBreak{});
  SectionOpening o;
  o.kicker = text::to_upper(S.get(key + ".kicker"));
  o.bookmark = S.get(key + ".bookmark");
  o.headline = std::move(headline);
  o.subtitle = S.format(in.partial_period ? "partial_period." + key + "_subtitle" : key + ".subtitle",
                        {{"period", findings::period_since(ps.all[ps.report], lang)},
                         {"prev", findings::period_since(ps.all[ps.previous], lang)}});
  doc.blocks.push_back(std::move(o));
}

bool has_data(const BriefingInput& in, std::initializer_list<const char*> metrics) {
  for (const char* m : metrics)
    if (value_of(in, m, series::Scope::all_own(), in.data.periods.report)) return true;
  return false;
}

std::size_t first_charted(const BriefingInput& in) {
  const std::size_t n = in.data.periods.window_size;
  const auto want = static_cast<std::size_t>(std::clamp(in.chart_periods, 1, 13));
  return n > want ? n - want : 0;
}

std::vector<CategoryLabel> charted_labels(const BriefingInput& in, std::size_t first) {
  const auto& ps = in.data.periods;
  std::vector<CategoryLabel> out;
  for (std::size_t i = first; i < ps.window_size; ++i) {
    CategoryLabel l = category_label(ps.all[i], i == first, in.strings.language());
    if (i != first && (ps.window_size - 1 - i) % 3 != 0) l = {};
    out.push_back(l);
  }
  return out;
}

}  // namespace boardbrief::document
