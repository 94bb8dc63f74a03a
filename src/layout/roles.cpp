#include "layout/roles.h"

#include "layout/style.h"

namespace boardbrief::layout {

using document::Role;

Color text_colour(Role role) {
  switch (role) {
    case Role::Favourable: return style::kGood;
    case Role::Adverse: return style::kBad;
    case Role::Neutral: return style::kInk60;
    case Role::Own: return style::kAccent;
    case Role::Competitor:
    case Role::Target: return style::kInk60;
    case Role::Plain:
    case Role::Other: break;
  }
  return style::kInk;
}

Color mark_colour(Role role) {
  switch (role) {
    case Role::Favourable: return style::kGoodFill;
    case Role::Adverse: return style::kBadFill;
    case Role::Own: return style::kAccent;
    case Role::Neutral:
    case Role::Competitor:
    case Role::Target: return style::kInk60;
    case Role::Other: return style::kInk30;
    case Role::Plain: break;
  }
  return style::kInk;
}

Tone tone(Role role) {
  switch (role) {
    case Role::Favourable: return Tone::Good;
    case Role::Adverse: return Tone::Bad;
    default: return Tone::Neutral;
  }
}

Direction direction(document::Direction d) {
  switch (d) {
    case document::Direction::Up: return Direction::Up;
    case document::Direction::Down: return Direction::Down;
    case document::Direction::Flat: return Direction::Flat;
    case document::Direction::None: break;
  }
  return Direction::None;
}

ShareRole share_role(Role role) {
  switch (role) {
    case Role::Own: return ShareRole::Own;
    case Role::Other: return ShareRole::Other;
    default: return ShareRole::Competitor;
  }
}

}  // namespace boardbrief::layout
