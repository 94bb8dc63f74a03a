// Geometry on the recording canvas for awkward data: tick values for tiny, huge,
// all-equal and negative ranges; columns and points never leave the plot; labels never overlap;
// and, through the page composer, a 120-channel table that spans pages with its header
// repeated and a 500-character channel name that stays inside its cell.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "document/document.h"
#include "layout/chart_combo.h"
#include "layout/chart_line.h"
#include "layout/chart_fakes.h"
#include "layout/compose.h"
#include "layout/from_document.h"
#include "layout/style.h"
#include "layout/ticks.h"

namespace bl = boardbrief::layout;
namespace bd = boardbrief::document;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;
using bl::testing::overlapping_runs;

namespace {

std::string plain(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Every tick is a multiple of the step, the steps are nice and the range is covered.
void check_ticks(const bl::Ticks& t, double lo, double hi) {
  CHECK(t.values.size() >= 3);
  CHECK(t.values.size() <= 6);
  CHECK(t.lo() <= lo);
  CHECK(t.hi() >= hi);
  CHECK(bl::nice_step_at_least(t.step * 0.999) == doctest::Approx(t.step));
  for (std::size_t i = 1; i < t.values.size(); ++i) CHECK(t.values[i] - t.values[i - 1] == doctest::Approx(t.step));
}

struct Extent {
  double top = std::numeric_limits<double>::max(), bottom = std::numeric_limits<double>::lowest();
  double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
};

// The extent of every rectangle, path point and circle drawn (text excluded).
Extent marks(const bl::RecordingCanvas& c) {
  Extent e;
  auto add = [&](double x, double y) {
    e.left = std::min(e.left, x);
    e.right = std::max(e.right, x);
    e.top = std::min(e.top, y);
    e.bottom = std::max(e.bottom, y);
  };
  for (const auto& r : all_of<bl::Rect>(c)) {
    add(r.x, r.y);
    add(r.x + r.w, r.y + r.h);
  }
  for (const auto& p : all_of<bl::Path>(c))
    for (const auto& pt : p.points) add(pt.x, pt.y);
  for (const auto& ci : all_of<bl::Circle>(c)) {
    add(ci.center.x - ci.radius_pt, ci.center.y - ci.radius_pt);
    add(ci.center.x + ci.radius_pt, ci.center.y + ci.radius_pt);
  }
  return e;
}

bl::LineChartSpec line_spec(std::vector<std::vector<std::optional<double>>> series) {
  bl::LineChartSpec s;
  for (std::size_t i = 0; i < series.front().size(); ++i)
    s.categories.push_back({i % 3 == 0 ? "M" + std::to_string(i) : "", ""});
  const bl::Color colours[] = {bl::style::kInk, bl::hex("#0072B2"), bl::hex("#E69F00")};
  for (std::size_t k = 0; k < series.size(); ++k)
    s.series.push_back({"series " + std::to_string(k), series[k], colours[k], 1.4, {}, {}});
  s.format = plain;
  return s;
}

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("ticks for awkward ranges: 0–0.0037, 1–1,000,000, all equal, negative") {
    auto tiny = bl::column_ticks(0, 0.0037);
    check_ticks(tiny, 0, 0.0037);
    CHECK(tiny.lo() == 0);
    CHECK(tiny.hi() < 0.01);  // the scale is not blown up to 0..1

    auto huge = bl::line_ticks(1, 1'000'000);
    check_ticks(huge, 1, 1'000'000);
    CHECK(huge.lo() == 0);  // 1 is too close to zero to zoom
    CHECK(huge.hi() <= 2'000'000);

    auto flat = bl::line_ticks(0.0037, 0.0037);
    check_ticks(flat, 0, 0.0037);
    auto flat_columns = bl::column_ticks(250, 250);
    check_ticks(flat_columns, 0, 250);

    auto negative = bl::line_ticks(-0.0037, -0.0011);
    check_ticks(negative, -0.0037, 0);
    CHECK(negative.hi() == 0);
    auto mixed = bl::column_ticks(-1'000'000, 1);
    check_ticks(mixed, -1'000'000, 1);
    CHECK(mixed.includes_zero());
  }

  TEST_CASE("line charts keep every mark in the plot and no labels overlap, for awkward data") {
    HalfEmMeasurer m;
    const std::vector<std::vector<std::vector<std::optional<double>>>> cases = {
        {{0.0001, 0.0037, 0.002, std::nullopt, 0.0037, 0.001}},        // tiny
        {{1, 10, 1000, 1'000'000, 50, 1}, {1, 1, 1, 1, 1, 1}},         // huge range
        {{5, 5, 5, 5, 5, 5}, {5, 5, 5, 5, 5, 5}, {5, 5, 5, 5, 5, 5}},  // all equal, ending together
        {{-3, -7.5, 2, -0.5, -12, -1}, {-1, -1, -2, -3, -4, -5}},      // negative
    };
    for (const auto& data : cases) {
      bl::RecordingCanvas c;
      const double top = 100, width = bl::style::span(6);
      const double h = bl::draw_line_chart(c, m, line_spec(data), {48, top}, width);
      CHECK(h > 0);
      const Extent e = marks(c);
      CHECK(e.left >= 48 - 0.01);
      CHECK(e.right <= 48 + width + 0.01);
      CHECK(e.top >= top - 0.01);
      CHECK(e.bottom <= top + h + 0.01);
      for (const auto& t : all_of<bl::TextRun>(c)) {
        CHECK(std::isfinite(t.at.x));
        CHECK(std::isfinite(t.at.y));
        CHECK(t.at.x >= 48 - 0.01);
        CHECK(t.at.x + m.width(t.face, t.size_pt, t.text) <= 48 + width + 0.01);
      }
      CHECK(overlapping_runs(m, c).empty());
    }
  }

  TEST_CASE("combo columns never leave the plot area, from one message to a million") {
    HalfEmMeasurer m;
    bl::ComboChartSpec s;
    const double counts[] = {1, 1'000'000, 3, 0, 999'999, 250'000, 7};
    for (double v : counts) {
      bl::ComboCategory cat;
      cat.label = {"M", ""};
      cat.answered = v * 0.7;
      cat.unanswered = v * 0.3;
      s.categories.push_back(cat);
    }
    s.count_format = plain;
    s.share_format = plain;
    s.rate_label = "Unanswered share";
    s.unanswered_label = "Unanswered";
    s.answered_label = "Answered";
    s.no_data = "no data";
    bl::RecordingCanvas c;
    const double top = 50, width = bl::style::kContentWidth;
    const double h = bl::draw_combo_chart(c, m, s, {0, top}, width);
    const double plot_left = s.geometry.label_gutter, plot_right = width - s.geometry.right_gutter;
    int columns = 0;
    for (const auto& r : all_of<bl::Rect>(c)) {
      if (r.fill_color != bl::style::kBadFill && r.fill_color != bl::style::kInk80) continue;
      ++columns;
      CHECK(r.h >= 0);
      CHECK(r.x >= plot_left - 0.01);
      CHECK(r.x + r.w <= plot_right + 0.01);
      CHECK(r.y >= top - 0.01);
      CHECK(r.y + r.h <= top + h + 0.01);
    }
    CHECK(columns >= 10);  // answered and unanswered parts of the non-empty months
    CHECK(overlapping_runs(m, c).empty());
  }

  TEST_CASE("a 120-channel table spans pages, repeats its header, and long names stay in their cells") {
    HalfEmMeasurer m;
    bd::Document doc;
    doc.furniture.page_pattern = "Page {n} of {total}";
    bd::Table t;
    t.title = "By channel";
    t.spec.columns = {
        {"Channel", 0, bd::Align::Left}, {"Followers", 70, bd::Align::Right}, {"vs Sep", 50, bd::Align::Right}};
    const std::string long_name(500, 'x');
    for (int i = 0; i < 120; ++i) {
      std::vector<bd::TableCell> row(3);
      row[0].text = i == 60 ? long_name : "Channel " + std::to_string(i);
      row[1].text = std::to_string(1000 * i);
      row[2].text = "+1%";
      t.spec.rows.push_back(row);
    }
    t.spec.total = std::vector<bd::TableCell>(3);
    (*t.spec.total)[0].text = "Total";
    doc.blocks.push_back(bd::PageBreak{});  // start on page 2 (a running header)
    doc.blocks.push_back(t);
    const auto out = bl::compose(doc, m);
    REQUIRE(out.pages.size() >= 4);  // page 1 (empty cover) and at least three table pages
    const double name_right =
        bl::style::kMarginLeft + bl::table_column_widths(bl::table_spec(t.spec), bl::style::kContentWidth)[0];
    int rows_seen = 0;
    for (std::size_t p = 1; p < out.pages.size(); ++p) {
      int headers = 0;
      for (const auto& r : all_of<bl::TextRun>(out.pages[p].canvas)) {
        headers += r.text == "Followers";
        rows_seen += r.text.rfind("Channel ", 0) == 0 || r.text.find("xxx") != std::string::npos;
        CHECK(r.at.y <= out.pages[p].height_pt);
        CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= out.pages[p].width_pt - bl::style::kMarginRight + 0.01);
        if (r.text.find("xxx") != std::string::npos) {
          CHECK(r.text.find("…") != std::string::npos);
          CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= name_right + 0.01);
        }
      }
      CHECK_MESSAGE(headers == 1, "page " << p + 1 << " repeats the header once");
    }
    CHECK(rows_seen == 120);  // every row once, none lost at a break
  }

}  // TEST_SUITE

TEST_SUITE("layout") {
  TEST_CASE("two line charts given one scale span draw the same gridlines (one unit, one scale)") {
    HalfEmMeasurer m;
    auto small = line_spec({{0.1, 0.2, 0.15}});
    auto large = line_spec({{0.3, 0.57, 0.5}});
    small.scale_span = large.scale_span = std::make_pair(0.0, 0.57);
    bl::RecordingCanvas a, b;
    bl::draw_line_chart(a, m, small, {0, 0}, 200);
    bl::draw_line_chart(b, m, large, {0, 0}, 200);
    auto labels = [](const bl::RecordingCanvas& c) {
      std::vector<std::string> out;
      for (const auto& t : all_of<bl::TextRun>(c))
        if (t.size_pt == bl::style::kAxis.size) out.push_back(t.text);
      return out;
    };
    CHECK(labels(a) == labels(b));
    CHECK_FALSE(labels(a).empty());
  }
}

TEST_SUITE("layout") {
  TEST_CASE("count axes tick in whole numbers: 0..2 messages is 0, 1, 2") {
    auto t = bl::column_ticks(0, 2, 6, 1);
    REQUIRE(t.values.size() == 3);
    CHECK(t.values[1] == 1);
    auto big = bl::column_ticks(0, 4812, 6, 1);
    CHECK(big.step == 1000);
  }
}

TEST_SUITE("layout") {
  TEST_CASE("a marked period gets a ring around its point (the spike marker)") {
    HalfEmMeasurer m;
    auto spec = line_spec({{10, 11, 10, 30, 10, 11}});
    spec.series[0].marked = {3};
    bl::RecordingCanvas c;
    bl::draw_line_chart(c, m, spec, {0, 0}, 240);
    std::vector<bl::Circle> rings, dots;
    for (const auto& ci : all_of<bl::Circle>(c)) (ci.fill ? dots : rings).push_back(ci);
    REQUIRE(rings.size() == 1);
    CHECK(rings[0].radius_pt == doctest::Approx(bl::kSpikeRingRadius));
    // The ring is centred on the highest point (30), which has the smallest y.
    double top_dot = 1e9;
    for (const auto& d : dots) top_dot = std::min(top_dot, d.center.y);
    CHECK(rings[0].center.y == doctest::Approx(top_dot));
  }
}
