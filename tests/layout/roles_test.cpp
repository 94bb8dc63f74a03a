// The one mapping from the document's roles to colours (layout/roles.cpp,
// docs/visual-rules.md "Colour"), and the document's parts turned into widget specs with it.
#include <doctest/doctest.h>

#include "layout/from_document.h"
#include "layout/roles.h"
#include "layout/style.h"

namespace bd = boardbrief::document;
namespace bl = boardbrief::layout;
namespace style = boardbrief::layout::style;

TEST_SUITE("layout") {
  TEST_CASE("roles to colours: verdicts in the good and bad colours, own in the accent, the rest in greys") {
    CHECK(bl::text_colour(bd::Role::Favourable) == style::kGood);
    CHECK(bl::text_colour(bd::Role::Adverse) == style::kBad);
    CHECK(bl::text_colour(bd::Role::Neutral) == style::kInk60);
    CHECK(bl::text_colour(bd::Role::Plain) == style::kInk);
    CHECK(bl::mark_colour(bd::Role::Adverse) == style::kBadFill);
    CHECK(bl::mark_colour(bd::Role::Favourable) == style::kGoodFill);
    CHECK(bl::mark_colour(bd::Role::Own) == style::kAccent);
    CHECK(bl::mark_colour(bd::Role::Competitor) == style::kInk60);
    CHECK(bl::mark_colour(bd::Role::Other) == style::kInk30);
    CHECK(bl::tone(bd::Role::Favourable) == bl::Tone::Good);
    CHECK(bl::tone(bd::Role::Adverse) == bl::Tone::Bad);
    CHECK(bl::tone(bd::Role::Own) == bl::Tone::Neutral);  // only verdicts colour a change
    CHECK(bl::share_role(bd::Role::Own) == bl::ShareRole::Own);
    CHECK(bl::share_role(bd::Role::Other) == bl::ShareRole::Other);
  }

  TEST_CASE("a table's cells: roles become text and bar colours, a platform its swatch, a plain figure stays ink") {
    bd::TableSpec spec;
    spec.columns = {{"Channel", 0, bd::Align::Left}, {"vs Sep", 46, bd::Align::Right}, {"", 48, bd::Align::Left}};
    std::vector<bd::TableCell> row(3);
    row[0].text = "Facebook";
    row[0].platform = "facebook";
    row[1].text = "+12%";
    row[1].role = bd::Role::Adverse;
    row[2].bar = bd::TableBar{0.5, 0.25, bd::Role::Own};
    spec.rows = {row};
    const bl::TableSpec laid = bl::table_spec(spec);
    REQUIRE(laid.columns.size() == 3);
    CHECK(laid.columns[1].align == bl::Align::Right);
    CHECK(laid.columns[1].width_pt == 46);
    REQUIRE(laid.rows[0][0].swatch);
    CHECK(*laid.rows[0][0].swatch == style::platform_color("facebook"));
    CHECK(!laid.rows[0][0].color);
    REQUIRE(laid.rows[0][1].color);
    CHECK(*laid.rows[0][1].color == style::kBad);
    REQUIRE(laid.rows[0][2].bar);
    CHECK(laid.rows[0][2].bar->color == style::kAccent);
    CHECK(laid.rows[0][2].bar->target == 0.25);
  }

  TEST_CASE("charts: a platform's line keeps its colour, a ratio is finer, page 1's daily chart is short") {
    bd::LineChartSpec line;
    line.categories = {{"Sep", ""}, {"Oct", "2026"}};
    bd::LineSeries fb;
    fb.platform = "facebook";
    fb.values = {1.0, 2.0};
    bd::LineSeries ratio;
    ratio.ratio = true;
    ratio.values = {0.1, 0.2};
    line.series = {fb, ratio};
    const bl::LineChartSpec laid = bl::line_chart_spec(line);
    CHECK(laid.series[0].color == style::platform_color("facebook"));
    CHECK(laid.series[1].color == style::kInk);
    CHECK(laid.series[1].line_width_pt < laid.series[0].line_width_pt);
    CHECK(laid.categories[1].year == "2026");

    bd::DailyChartSpec daily;
    daily.part_roles = {bd::Role::Adverse, bd::Role::Other};
    CHECK(bl::daily_chart_spec(daily).plot_height < bl::DailyChartSpec{}.plot_height);
    daily.compact = false;  // a page of its own
    CHECK(bl::daily_chart_spec(daily).plot_height == bl::DailyChartSpec{}.plot_height);
    CHECK(bl::daily_chart_spec(daily).part_colors[0] == style::kBadFill);

    bd::ChartTitle title;
    title.key = {{bd::KeyEntry::Kind::Line, bd::Role::Target, "September's level"}};
    CHECK(!bl::chart_title(title).key[0].dash.empty());  // a level: dashed
  }
}
