// One colouring rule for every printed change (tiles, tables, findings lists): good or bad by
// the measure's better direction only when the change passed its significance gate and shows
// as a change; grey otherwise. Target misses are coloured bad, met targets good. See
// docs/figures.md.
#pragma once

#include <optional>

#include "layout/canvas.h"
#include "layout/markers.h"
#include "model/catalogue.h"

namespace boardbrief::document {

// `shown_sign`: the sign of the change as printed (zero for "±0").
layout::Tone change_tone(bool significant, double shown_sign, model::Better better);

// The text colour of a table cell printing that change: kGood, kBad or kInk60.
layout::Color change_colour(bool significant, double shown_sign, model::Better better);

}  // namespace boardbrief::document
