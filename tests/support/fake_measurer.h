// The tests' one fake TextMeasurer: every UTF-8 code point is `em` wide (half an em by default)
// and the ascent is 0.75 em, in every face. Layout and document tests measure with it, so a
// width in an expectation is a count of characters times the size.
#pragma once

#include <string_view>

#include "layout/text_measurer.h"
#include "layout/text_wrap.h"

namespace boardbrief::testing {

class FakeMeasurer : public layout::TextMeasurer {
 public:
  explicit FakeMeasurer(double em = 0.5) : em_(em) {}
  double width(layout::FontFace, double size_pt, std::string_view text) const override {
    return static_cast<double>(layout::code_point_count(text)) * em_ * size_pt;
  }
  double ascent(layout::FontFace, double size_pt) const override { return 0.75 * size_pt; }

 private:
  double em_;
};

}  // namespace boardbrief::testing
