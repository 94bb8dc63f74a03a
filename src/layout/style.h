// The briefing's look as constants: page grid, palette and type scale of docs/visual-rules.md.
#pragma once

#include "layout/canvas.h"

namespace boardbrief::layout::style {

// A4 portrait, margins, 12-column grid ("Page and grid").
inline constexpr double kPageWidth = 595.276;
inline constexpr double kPageHeight = 841.89;
inline constexpr double kMarginLeft = 48;
inline constexpr double kMarginRight = 48;
inline constexpr double kMarginTop = 40;
inline constexpr double kMarginBottom = 40;
inline constexpr double kContentWidth = kPageWidth - kMarginLeft - kMarginRight;  // 499.28
inline constexpr double kGutter = 12;
inline constexpr double kColumn = (kContentWidth - 11 * kGutter) / 12;  // 30.61
// Width of `n` grid columns including the gutters between them.
constexpr double span(int n) { return n * kColumn + (n - 1) * kGutter; }

// The palette ("Colour").
inline const Color kInk = hex("#1A1A1A");
inline const Color kInk80 = hex("#404040");
inline const Color kInk60 = hex("#666666");
inline const Color kInk40 = hex("#A6A6A6");
inline const Color kInk30 = hex("#C4C4C4");
inline const Color kInk20 = hex("#D9D9D9");
inline const Color kInk10 = hex("#EBEBEB");
inline const Color kInk05 = hex("#F5F5F5");
inline const Color kAccent = hex("#1F4E79");
inline const Color kAccentTint = hex("#E6EDF4");
inline const Color kGood = hex("#00795A");
inline const Color kGoodFill = hex("#009E73");
inline const Color kBad = hex("#B34700");
inline const Color kBadFill = hex("#D55E00");
inline const Color kWhite = hex("#FFFFFF");

// Fixed platform colours ("Colour"); anything else is ink60.
Color platform_color(const char* platform);

// The type scale: size and leading in points.
struct TypeStyle {
  FontFace face;
  double size;
  double leading;
};
inline constexpr TypeStyle kTitle{FontFace::Bold, 21, 25};
inline constexpr TypeStyle kKicker{FontFace::Bold, 7.5, 10};  // CAPS, tracking 0.9
inline constexpr double kKickerTracking = 0.9;
inline constexpr TypeStyle kPeriod{FontFace::Bold, 12, 15};
inline constexpr TypeStyle kComparison{FontFace::Regular, 10.5, 15};  // the comparison after the period
inline constexpr TypeStyle kHeadline{FontFace::Bold, 17, 21};
inline constexpr TypeStyle kSectionHeading{FontFace::Bold, 12.5, 16};
inline constexpr TypeStyle kHeadingNote{FontFace::Regular, 8, 10};
inline constexpr TypeStyle kFinding{FontFace::Regular, 10, 13};
inline constexpr TypeStyle kWhy{FontFace::Regular, 8.5, 11.5};
inline constexpr TypeStyle kTileLabel{FontFace::Bold, 8.5, 10.5};
inline constexpr TypeStyle kTileValue{FontFace::Bold, 24, 24};  // the number
inline constexpr TypeStyle kTileUnit{FontFace::Bold, 13, 13};   // its unit
inline constexpr TypeStyle kTileDelta{FontFace::Regular, 8, 11};
inline constexpr TypeStyle kSmall{FontFace::Regular, 7.5, 10};
inline constexpr TypeStyle kChartTitle{FontFace::Bold, 9, 11};
inline constexpr TypeStyle kAxis{FontFace::Regular, 7, 9};
inline constexpr TypeStyle kTableBody{FontFace::Regular, 8.5, 15};
inline constexpr TypeStyle kTableHeader{FontFace::Bold, 7.5, 10};
inline constexpr TypeStyle kFurniture{FontFace::Regular, 7, 9};

}  // namespace boardbrief::layout::style
