#include "document/partial_period.h"

#include "findings/phrasing.h"

namespace boardbrief::document {

void add_partial_note(Table& t, const BriefingInput& in) {
  const auto& ps = in.data.periods;
  std::string sentence =
      in.strings.format("partial_period.table_note",
                        {{"period", findings::period_in_sentence(ps.all[ps.report], in.strings.language())}});
  t.note = t.note.empty() ? sentence : t.note + " " + sentence;
}

}  // namespace boardbrief::document
