#include "document/colour_rule.h"

#include "layout/markers.h"

namespace boardbrief::document {

layout::Tone change_tone(bool significant, double shown_sign, model::Better better) {
  if (!significant || shown_sign == 0 || better == model::Better::None) return layout::Tone::Neutral;
  return (better == model::Better::Up) == (shown_sign > 0) ? layout::Tone::Good : layout::Tone::Bad;
}

layout::Color change_colour(bool significant, double shown_sign, model::Better better) {
  return layout::tone_color(change_tone(significant, shown_sign, better));
}

}  // namespace boardbrief::document
