#include "layout/table.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "layout/chart_fakes.h"
#include "layout/style.h"

namespace bl = boardbrief::layout;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

namespace {

bl::TableCell cell(std::string text) {
  bl::TableCell c;
  c.text = std::move(text);
  return c;
}

// A channel table: name (flexible), a right-aligned count, a bar; `rows` body rows.
bl::TableSpec channel_table(std::size_t rows, bool total = true) {
  bl::TableSpec t;
  t.columns = {{"Channel", 0, bl::Align::Left},
               {"Needing\na reply", 60, bl::Align::Right},
               {"", 56, bl::Align::Left},
               {"Unanswered share", 60, bl::Align::Right}};
  for (std::size_t i = 0; i < rows; ++i) {
    bl::TableCell bar;
    bar.bar = bl::TableBar{0.3, 0.25, bl::style::kBadFill};
    bl::TableCell name = cell("Channel " + std::to_string(i));
    name.swatch = bl::hex("#0072B2");
    t.rows.push_back({name, cell(std::to_string(1000 + 37 * i)), bar, cell(std::to_string(i) + "%")});
  }
  if (total) t.total = std::vector<bl::TableCell>{cell("Total"), cell("4812"), cell(""), cell("38%")};
  return t;
}

constexpr double kWidth = 400;

std::size_t rows_in(const bl::TablePiece& p) { return p.end_row - p.first_row; }

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("a table that fits is one piece with all rows and the total") {
    HalfEmMeasurer m;
    const auto t = channel_table(5);
    const auto pieces = bl::layout_table(m, t, kWidth, 1000, 1000);
    REQUIRE(pieces.size() == 1);
    CHECK(rows_in(pieces[0]) == 5);
    CHECK(pieces[0].with_total);
    CHECK(pieces[0].height_pt == doctest::Approx(bl::table_header_height(m, t, kWidth) + 6 * 15));
  }

  TEST_CASE("a split table repeats its header on the second piece") {
    HalfEmMeasurer m;
    const auto t = channel_table(20);
    const double header = bl::table_header_height(m, t, kWidth);
    const auto pieces = bl::layout_table(m, t, kWidth, header + 8 * 15, 1000);
    REQUIRE(pieces.size() == 2);
    CHECK(rows_in(pieces[0]) == 8);
    CHECK(pieces[1].first_row == 8);
    CHECK(pieces[1].with_total);
    bl::RecordingCanvas second;
    bl::draw_table_piece(second, m, t, pieces[1], {48, 40}, kWidth);
    int headers = 0;
    for (const auto& r : all_of<bl::TextRun>(second)) headers += r.text == "Channel" ? 1 : 0;
    CHECK(headers == 1);
    CHECK(pieces[0].height_pt <= header + 8 * 15 + 1e-9);
  }

  TEST_CASE("the total row never stands alone on a page") {
    HalfEmMeasurer m;
    const auto t = channel_table(10);
    const double header = bl::table_header_height(m, t, kWidth);
    // Room for exactly the ten body rows but not the total.
    const auto pieces = bl::layout_table(m, t, kWidth, header + 10 * 15, 1000);
    REQUIRE(pieces.size() == 2);
    CHECK_FALSE(pieces[0].with_total);
    CHECK(pieces[1].with_total);
    CHECK(rows_in(pieces[1]) >= 3);
  }

  TEST_CASE("at least three rows stay together") {
    HalfEmMeasurer m;
    const auto t = channel_table(12, false);
    const double header = bl::table_header_height(m, t, kWidth);
    SUBCASE("too little room for three rows moves the table to the next page") {
      const auto pieces = bl::layout_table(m, t, kWidth, header + 2 * 15, 1000);
      REQUIRE(pieces.size() == 2);
      CHECK(pieces[0].empty());
      CHECK(rows_in(pieces[1]) == 12);
    }
    SUBCASE("room for eleven rows leaves three for the next page, not one") {
      const auto pieces = bl::layout_table(m, t, kWidth, header + 11 * 15, 1000);
      REQUIRE(pieces.size() == 2);
      CHECK(rows_in(pieces[0]) == 9);
      CHECK(rows_in(pieces[1]) == 3);
    }
    SUBCASE("a long table over several pages") {
      const auto long_table = channel_table(40);
      const auto pieces = bl::layout_table(m, long_table, kWidth, header + 4 * 15, header + 10 * 15);
      std::size_t next = 0;
      for (const auto& p : pieces) {
        CHECK(p.first_row == next);
        CHECK(rows_in(p) >= 3);
        next = p.end_row;
      }
      CHECK(next == 40);
      CHECK(pieces.back().with_total);
    }
    SUBCASE("five rows cannot be split legally and move whole") {
      const auto small = channel_table(5);
      const auto pieces = bl::layout_table(m, small, kWidth, header + 4 * 15, 1000);
      REQUIRE(pieces.size() == 2);
      CHECK(pieces[0].empty());
      CHECK(rows_in(pieces[1]) == 5);
    }
  }

  TEST_CASE("an over-long name is ellipsized to its column") {
    HalfEmMeasurer m;
    auto t = channel_table(3);
    t.rows[1][0].text = "A channel name far too long for the narrow first column of this table";
    bl::RecordingCanvas canvas;
    const auto pieces = bl::layout_table(m, t, 300, 1000, 1000);
    bl::draw_table_piece(canvas, m, t, pieces[0], {0, 0}, 300);
    const double name_right = 300.0 - 60 - 56 - 60 - 4;  // flexible column minus its padding
    bool found = false;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.text.rfind("A channel", 0) == 0) {
        found = true;
        CHECK(r.text.substr(r.text.size() - 3) == "\u2026");
        CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= name_right + 1e-9);
        CHECK(r.at.x >= bl::kTableSwatch);  // after the swatch
      }
    }
    CHECK(found);
  }

  TEST_CASE("numbers are right-aligned: their right edges are equal") {
    HalfEmMeasurer m;
    const auto t = channel_table(4);
    bl::RecordingCanvas canvas;
    const auto pieces = bl::layout_table(m, t, kWidth, 1000, 1000);
    bl::draw_table_piece(canvas, m, t, pieces[0], {48, 100}, kWidth);
    std::vector<double> rights;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.text == "1000" || r.text == "1037" || r.text == "4812" || r.text == "a reply") {
        rights.push_back(r.at.x + m.width(r.face, r.size_pt, r.text));
      }
    }
    REQUIRE(rights.size() == 4);  // two rows, the total and the header
    for (double x : rights) CHECK(x == doctest::Approx(rights[0]));
  }

  TEST_CASE("header lines are bottom-aligned and the rules are as specified") {
    HalfEmMeasurer m;
    const auto t = channel_table(4);
    bl::RecordingCanvas canvas;
    const auto pieces = bl::layout_table(m, t, kWidth, 1000, 1000);
    const double height = bl::draw_table_piece(canvas, m, t, pieces[0], {0, 0}, kWidth);
    double channel_y = 0, reply_y = 0, needing_y = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.text == "Channel") channel_y = r.at.y;
      if (r.text == "a reply") reply_y = r.at.y;
      if (r.text == "Needing") needing_y = r.at.y;
      if (r.text == "Total" || r.text == "4812") CHECK(r.face == bl::FontFace::Bold);
    }
    CHECK(channel_y == doctest::Approx(reply_y));
    CHECK(needing_y == doctest::Approx(reply_y - 10));
    std::vector<std::pair<double, bl::Color>> rules;
    for (const auto& p : all_of<bl::Path>(canvas)) {
      if (p.points[0].y == p.points[1].y) rules.emplace_back(p.line_width_pt, p.stroke_color);
    }
    REQUIRE(rules.size() == 3);
    CHECK(rules[0].first == 0.75);                              // under the header
    CHECK(rules[1] == std::make_pair(0.5, bl::style::kInk));    // above the total
    CHECK(rules[2] == std::make_pair(0.5, bl::style::kInk20));  // closing
    int zebra = 0;
    for (const auto& r : all_of<bl::Rect>(canvas)) zebra += r.fill_color == bl::style::kInk05 ? 1 : 0;
    CHECK(zebra == 2);
    CHECK(height == doctest::Approx(bl::table_header_height(m, t, kWidth) + 5 * 15));
  }

}  // TEST_SUITE

TEST_SUITE("layout") {
  TEST_CASE("names that differ only near their start never shorten to the same label") {
    HalfEmMeasurer m;
    bl::TableSpec t = channel_table(10, false);
    t.names_lead = "Names in full:";
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      t.rows[i][0].text = "Facebook \u00B7 " + std::to_string(i + 1) +
                          " Kundeservice for privatkunder og erhvervskunder, Region Nordjylland";
    const auto shown = bl::table_first_column(m, t, kWidth);
    REQUIRE(shown.size() == t.rows.size());
    CHECK(std::set<std::string>(shown.begin(), shown.end()).size() == shown.size());
    const auto widths = bl::table_column_widths(t, kWidth);
    for (std::size_t i = 0; i < shown.size(); ++i) {
      CAPTURE(shown[i]);
      CHECK(shown[i] != t.rows[i][0].text);                                                      // shortened
      CHECK(shown[i].rfind("Facebook \u00B7 ", 0) == 0);                                         // platform kept
      CHECK(m.width(bl::FontFace::Regular, bl::style::kTableBody.size, shown[i]) <= widths[0]);  // fits
    }
  }

  TEST_CASE("names alike everywhere but one middle character are numbered when nothing else fits") {
    HalfEmMeasurer m;
    bl::TableSpec t = channel_table(3, false);
    t.names_lead = "Names in full:";
    t.columns[0].width_pt = 40;  // room for a few characters only
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      t.rows[i][0].text = "X \u00B7 " + std::string(30, 'a') + std::to_string(i) + std::string(30, 'b');
    const auto shown = bl::table_first_column(m, t, kWidth);
    CHECK(std::set<std::string>(shown.begin(), shown.end()).size() == shown.size());
  }
}
