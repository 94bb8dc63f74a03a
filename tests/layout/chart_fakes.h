// Test support for chart and table layout: the shared fake TextMeasurer and helpers that pull
// primitives out of a RecordingCanvas.
#pragma once

#include <string_view>
#include <vector>

#include "layout/canvas.h"
#include "layout/chart_text.h"
#include "layout/text_measurer.h"
#include "support/fake_measurer.h"

namespace boardbrief::layout::testing {

// The shared fake measurer (tests/support/fake_measurer.h), under the name the chart tests use.
using HalfEmMeasurer = boardbrief::testing::FakeMeasurer;

template <typename T>
std::vector<T> all_of(const RecordingCanvas& c) {
  std::vector<T> out;
  for (const Primitive& p : c.items()) {
    if (const T* t = std::get_if<T>(&p)) out.push_back(*t);
  }
  return out;
}

// Pairs of text runs whose boxes overlap (empty = no overlap).
inline std::vector<std::pair<TextRun, TextRun>> overlapping_runs(const TextMeasurer& m, const RecordingCanvas& c) {
  std::vector<std::pair<TextRun, TextRun>> out;
  const auto runs = all_of<TextRun>(c);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (std::size_t j = i + 1; j < runs.size(); ++j) {
      if (text_box(m, runs[i]).overlaps(text_box(m, runs[j]))) out.emplace_back(runs[i], runs[j]);
    }
  }
  return out;
}

}  // namespace boardbrief::layout::testing
