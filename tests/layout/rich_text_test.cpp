#include "layout/rich_text.h"

#include <doctest/doctest.h>

#include <string>

#include "layout/fixed_width_measurer.h"

namespace boardbrief::layout {
namespace {

using testing::FixedWidthMeasurer;
using testing::recorded;

const FixedWidthMeasurer kMeasurer;  // 10 pt: 5 pt per code point
constexpr double kSize = 10;

std::string line_text(const RichLine& line) {
  std::string s;
  for (const auto& r : line.runs) s += r.text;
  return s;
}

TEST_SUITE("layout") {
  TEST_CASE("bold and italic markers become runs and unmatched stars stay literal") {
    CHECK(parse_rich("**38%** of messages") ==
          std::vector<RichRun>{{"38%", FontFace::Bold}, {" of messages", FontFace::Regular}});
    CHECK(parse_rich("*Why it matters:* text") ==
          std::vector<RichRun>{{"Why it matters:", FontFace::Italic}, {" text", FontFace::Regular}});
    CHECK(parse_rich("5 * 3 and **x") == std::vector<RichRun>{{"5 * 3 and **x", FontFace::Regular}});
    CHECK(parse_rich("").empty());
  }

  TEST_CASE("a bold run keeps its face on both lines when it wraps") {
    // 60 pt = 12 code points: "up **12 points** from" -> "up 12" | "points from".
    const auto lines = wrap_rich(kMeasurer, kSize, parse_rich("went up **12 points** from"), 60);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[0]) == "went up 12");
    CHECK(line_text(lines[1]) == "points from");
    REQUIRE(lines[0].runs.size() == 2);
    CHECK(lines[0].runs[0].text == "went up ");
    CHECK(lines[0].runs[1].text == "12");
    CHECK(lines[0].runs[1].face == FontFace::Bold);
    CHECK(lines[0].runs[1].x_pt == doctest::Approx(40));
    REQUIRE(lines[1].runs.size() == 2);
    CHECK(lines[1].runs[0].text == "points");
    CHECK(lines[1].runs[0].face == FontFace::Bold);
    CHECK(lines[1].runs[0].x_pt == 0);
    CHECK(lines[1].runs[1].text == " from");
    CHECK(lines[1].runs[1].x_pt == doctest::Approx(30));
  }

  TEST_CASE("a bold run with spaces stays one run on one line") {
    const auto lines = wrap_rich(kMeasurer, kSize, parse_rich("median **3 h 30 min**, up"), 200);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].runs.size() == 3);
    CHECK(lines[0].runs[1].text == "3 h 30 min");
    CHECK(lines[0].runs[1].width_pt == doctest::Approx(50));
    CHECK(lines[0].width_pt == doctest::Approx(5 * 21));
  }

  TEST_CASE("punctuation glued to a bold figure wraps with it") {
    // "(**38%**)" is one word of three runs; it moves to the next line as a whole.
    const auto lines = wrap_rich(kMeasurer, kSize, parse_rich("share (**38%**)"), 40);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[1]) == "(38%)");
    CHECK(lines[1].runs.size() == 3);
  }

  TEST_CASE("no rich line is wider than the box, even with an over-long word") {
    std::string text = "**";
    for (int i = 0; i < 60; ++i) text += "ø";
    text += "** end";
    const auto lines = wrap_rich(kMeasurer, kSize, parse_rich(text), 42);
    for (const auto& l : lines) {
      CHECK(l.width_pt <= 42);
      for (const auto& r : l.runs) CHECK(r.x_pt + r.width_pt <= 42 + 1e-9);
    }
    CHECK(line_text(lines[0]) == "øøøøøøøø");
    CHECK(lines[0].runs[0].face == FontFace::Bold);
  }

  TEST_CASE("limit_lines cuts to the last allowed line and ends it with an ellipsis") {
    auto lines = wrap_rich(kMeasurer, kSize, parse_rich("aaaa bbbb cccc dddd eeee"), 45);
    REQUIRE(lines.size() == 3);  // "aaaa bbbb" | "cccc dddd" | "eeee"
    limit_lines(kMeasurer, kSize, lines, 2, 45);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[1]) == "cccc ddd…");
    CHECK(lines[1].width_pt <= 45);
  }

  TEST_CASE("drawn runs sit at their line's offsets and baselines") {
    RecordingCanvas canvas;
    const auto lines = wrap_rich(kMeasurer, kSize, parse_rich("went up **12 points** from"), 60);
    draw_rich_lines(canvas, lines, 100, 200, kSize, 13, Color{1, 2, 3});
    const auto runs = recorded<TextRun>(canvas);
    REQUIRE(runs.size() == 4);
    CHECK(runs[1].at.x == doctest::Approx(140));
    CHECK(runs[1].at.y == 200);
    CHECK(runs[2].at.y == 213);
    CHECK(runs[2].face == FontFace::Bold);
  }
}

}  // namespace
}  // namespace boardbrief::layout
