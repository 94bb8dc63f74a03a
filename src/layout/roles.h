// The one place where the document's roles become colours (docs/visual-rules.md, "Colour"):
// text in the strong text colours, marks (bars, columns, lines, swatches, key entries) in the
// fills. A platform's series and swatches keep the platform's fixed colour (style.h).
#pragma once

#include "document/roles.h"
#include "layout/canvas.h"
#include "layout/markers.h"
#include "layout/share_bar.h"

namespace boardbrief::layout {

// Text and the marks drawn with it (tile deltas, findings' triangles): favourable good,
// adverse bad, neutral ink60, everything else ink.
Color text_colour(document::Role role);

// Bars, columns, lines, swatches: adverse in the bad fill, own in the accent, competitors and
// targets ink60, the folded rest ink30.
Color mark_colour(document::Role role);

// The judgement a tile delta or a finding carries (Good, Bad or Neutral).
Tone tone(document::Role role);

Direction direction(document::Direction d);

// The share-of-voice bar's own, competitor and rest segments (share_bar.h picks their greys).
ShareRole share_role(document::Role role);

}  // namespace boardbrief::layout
