// Text measurement as layout needs it. The PDF backend implements it with the real font
// metrics; tests use a fixed-width fake.
#pragma once

#include <string_view>

#include "layout/canvas.h"

namespace boardbrief::layout {

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Advance width of UTF-8 `text` in points at `size_pt`, without kerning.
  virtual double width(FontFace face, double size_pt, std::string_view text) const = 0;
  // Ascent above the baseline in points (for placing the first line in a box).
  virtual double ascent(FontFace face, double size_pt) const = 0;
};

}  // namespace boardbrief::layout
