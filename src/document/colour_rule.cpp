#include "document/colour_rule.h"

namespace boardbrief::document {

Role change_role(bool significant, double shown_sign, model::Better better) {
  if (!significant || shown_sign == 0 || better == model::Better::None) return Role::Neutral;
  return (better == model::Better::Up) == (shown_sign > 0) ? Role::Favourable : Role::Adverse;
}

}  // namespace boardbrief::document
