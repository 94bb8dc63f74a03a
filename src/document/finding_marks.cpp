#include "document/finding_marks.h"

namespace boardbrief::document {

namespace {

Direction direction_of(findings::Direction d) {
  switch (d) {
    case findings::Direction::Up: return Direction::Up;
    case findings::Direction::Down: return Direction::Down;
    case findings::Direction::None: break;
  }
  return Direction::None;
}

Role role_of(findings::Tone t) {
  switch (t) {
    case findings::Tone::Good: return Role::Favourable;
    case findings::Tone::Bad: return Role::Adverse;
    case findings::Tone::Neutral: break;
  }
  return Role::Neutral;
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
