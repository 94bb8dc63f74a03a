#include "document/finding_marks.h"

namespace boardbrief::document {

namespace {

Direction direction_of(findings::Direction d) {
  return d == findings::Direction::Up     ? Direction::Up
         : d == findings::Direction::Down ? Direction::Down
                                          : Direction::None;
}

Role role_of(findings::Tone t) {
  return t == findings::Tone::Good ? Role::Favourable : t == findings::Tone::Bad ? Role::Adverse : Role::Neutral;
}

}  // namespace

FindingItem finding_item(const findings::Finding& f, int rank) {
  FindingItem item;
  item.rank = rank;
  item.direction = direction_of(f.direction);
  item.role = role_of(f.tone);
  item.data_gap = f.type == findings::Type::DataGap;
  item.sentence = f.sentence;
  return item;
}

}  // namespace boardbrief::document
