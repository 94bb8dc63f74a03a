// One rule for the verdict on every printed change (tiles, tables, findings lists): favourable
// or adverse by the measure's better direction only when the change passed its significance
// gate and shows as a change; neutral otherwise. Target misses are adverse, met targets
// favourable. Layout colours the roles (docs/visual-rules.md, "Colour"); see docs/figures.md.
#pragma once

#include "document/roles.h"
#include "model/catalogue.h"

namespace boardbrief::document {

// `shown_sign`: the sign of the change as printed (zero for "±0").
Role change_role(bool significant, double shown_sign, model::Better better);

}  // namespace boardbrief::document
