// What a mark or a figure means, never how it looks: the document gives every coloured thing a
// role and layout/roles.h maps roles to colours in one place (docs/visual-rules.md, "Colour").
#pragma once

namespace boardbrief::document {

enum class Role {
  Plain,       // the figure itself, nothing to judge (ink)
  Neutral,     // a change without a verdict, or a secondary figure (grey)
  Favourable,  // a change for the better, a target met
  Adverse,     // a change for the worse, a target missed, what needs attention
  Own,         // the organisation's own channels
  Competitor,  // a competitor's channel
  Other,       // the rest folded together ("Other (n channels)"), or the remainder of a whole
  Target,      // a target or reference level
};

// Which way a measure moved. Flat: the rounded change is 0. None: no comparison possible.
enum class Direction { Up, Down, Flat, None };

}  // namespace boardbrief::document
