#include "document/partial_period.h"

#include <algorithm>
#include <vector>

#include "findings/phrasing.h"

namespace boardbrief::document {

void drop_change_columns(Table& t, const BriefingInput& in, std::initializer_list<std::size_t> columns) {
  if (!in.partial_period) return;
  std::vector<std::size_t> drop(columns);
  std::sort(drop.rbegin(), drop.rend());  // from the right, so earlier indices stay valid
  auto erase = [&](auto& cells) {
    for (std::size_t i : drop)
      if (i < cells.size()) cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(i));
  };
  erase(t.spec.columns);
  for (auto& row : t.spec.rows) erase(row);
  if (t.spec.total) erase(*t.spec.total);
  const auto& ps = in.data.periods;
  std::string sentence =
      in.strings.format("partial_period.table_note",
                        {{"period", findings::period_in_sentence(ps.all[ps.report], in.strings.language())}});
  t.note = t.note.empty() ? sentence : t.note + " " + sentence;
}

}  // namespace boardbrief::document
