// Small status marks shared by findings, tiles and tables: direction triangles, the
// dash for an unchanged value, the hollow circle for a data gap and the platform swatch.
// Every mark is placed by its centre (swatch: top-left corner) and stays inside the box the
// header states, so callers can align it with text by the text's baseline.
#pragma once

#include "layout/canvas.h"

namespace boardbrief::layout {

// Which way a measure moved. Flat: the rounded change is 0. None: no comparison possible.
enum class Direction { Up, Down, Flat, None };

// How a change is judged: Neutral when not significant or the metric has no direction.
enum class Tone { Good, Bad, Neutral };

// good -> style::kGood, bad -> style::kBad, neutral -> style::kInk60 (text and marks).
Color tone_color(Tone tone);

inline constexpr double kFindingTriangleWidth = 6.4;  // findings
inline constexpr double kDeltaTriangleWidth = 5.2;    // tile deltas
inline constexpr double kGapCircleRadius = 3;         // data-gap findings
inline constexpr double kSwatchSize = 6.5;            // platform swatches, keys

// Filled triangle `width_pt` wide and width * sqrt(3)/2 high, pointing up or down; its
// bounding box is centred on `center`. REQUIRES: up or down only (callers map Flat/None).
void draw_triangle(Canvas& canvas, Point center, double width_pt, bool up, Color color);

// The "no change" mark: a bar `width_pt` wide and 1 pt high centred on `center`.
void draw_flat_dash(Canvas& canvas, Point center, double width_pt, Color color);

// The mark for `direction`: triangle for Up/Down, dash for Flat, nothing for None.
void draw_direction_mark(Canvas& canvas, Point center, double width_pt, Direction direction, Color color);

// Hollow circle of radius `radius_pt` (0.75 pt stroke, white inside), e.g. a data gap.
void draw_hollow_circle(Canvas& canvas, Point center, double radius_pt, Color color, double line_width_pt = 0.75);

// 6.5 pt square in the platform's colour; YouTube's light yellow gets a 0.5 pt ink edge.
// `platform` as in style::platform_color().
void draw_platform_swatch(Canvas& canvas, Point top_left, const char* platform);

}  // namespace boardbrief::layout
