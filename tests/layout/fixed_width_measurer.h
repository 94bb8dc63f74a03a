// Test seams for layout: the shared fake TextMeasurer, bounding boxes of recorded primitives and
// a filter for primitives of one kind.
#pragma once

#include <algorithm>
#include <string_view>
#include <variant>
#include <vector>

#include "layout/canvas.h"
#include "layout/text_measurer.h"
#include "layout/text_wrap.h"
#include "support/fake_measurer.h"

namespace boardbrief::layout::testing {

// The shared fake measurer (tests/support/fake_measurer.h): every code point `em` wide.
using FixedWidthMeasurer = boardbrief::testing::FakeMeasurer;

struct Bounds {
  double left = 0, top = 0, right = 0, bottom = 0;
};

// Ink extent of a primitive: text from its left end to its advance (plus tracking) and from
// the ascent to a 0.25 em descent; shapes from their points (circles with radius and stroke).
inline Bounds bounds_of(const Primitive& p, const TextMeasurer& m) {
  if (const auto* t = std::get_if<TextRun>(&p)) {
    const double w =
        m.width(t->face, t->size_pt, t->text) + t->tracking_pt * static_cast<double>(code_point_count(t->text));
    return {t->at.x, t->at.y - m.ascent(t->face, t->size_pt), t->at.x + w, t->at.y + 0.25 * t->size_pt};
  }
  if (const auto* path = std::get_if<Path>(&p)) {
    Bounds b{1e9, 1e9, -1e9, -1e9};
    for (const Point& q : path->points) {
      b = {std::min(b.left, q.x), std::min(b.top, q.y), std::max(b.right, q.x), std::max(b.bottom, q.y)};
    }
    return b;
  }
  if (const auto* r = std::get_if<Rect>(&p)) return {r->x, r->y, r->x + r->w, r->y + r->h};
  if (const auto* c = std::get_if<Circle>(&p)) {
    const double r = c->radius_pt + (c->stroke ? c->line_width_pt / 2 : 0);
    return {c->center.x - r, c->center.y - r, c->center.x + r, c->center.y + r};
  }
  return {};
}

template <class T>
std::vector<T> recorded(const RecordingCanvas& canvas) {
  std::vector<T> out;
  for (const Primitive& p : canvas.items()) {
    if (const auto* x = std::get_if<T>(&p)) out.push_back(*x);
  }
  return out;
}

}  // namespace boardbrief::layout::testing
