#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "base/error.h"
#include "options/template_spec.h"
#include "options/template_support.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
using boardbrief::DataError;
using boardbrief::options::load_template;
using boardbrief::options::PageSize;
namespace model = boardbrief::model;

namespace {

std::string write(const std::string& name, const std::string& text) {
  return bt::write_template("template-" + name, text);
}

}  // namespace

TEST_SUITE("options") {
  TEST_CASE("the shipped board template loads with its defaults") {
    auto spec = load_template((bt::source_dir() / "templates" / "board.toml").string());
    CHECK(spec.sections.summary_findings == 3);  // the three things to act on (docs/decisions.md)
    CHECK(spec.response_window_hours == 72);
    CHECK(spec.sections.dialogue_section);
  }
  TEST_CASE("template values are read and checked") {
    auto spec = load_template(write("ok", "[findings]\nsummary_count = 3\n[dialogue]\nsection = false\n"));
    CHECK(spec.sections.summary_findings == 3);
    CHECK_FALSE(spec.sections.dialogue_section);
  }
  TEST_CASE("a bad template names the file, the line, the column and the key") {
    auto p1 = write("syntax", "[findings]\nsummary_count = = 3\n");
    CHECK(bt::template_error(p1).rfind(p1 + ":2:", 0) == 0);
    auto p2 = write("unknown", "[findings]\nsumary_count = 3\n");
    CHECK(bt::template_error(p2) == p2 + ":2:16: unknown template key 'findings.sumary_count'");
    auto p3 = write("type", "[dialogue]\nresponse_window_hours = \"72\"\n");
    CHECK(bt::template_error(p3) == p3 + ":2:25: 'dialogue.response_window_hours' must be a whole number");
    auto p4 = write("range", "[findings]\nsummary_count = 9\n");
    CHECK(bt::template_error(p4) == p4 + ":2:17: 'findings.summary_count' must be between 1 and 5");
    auto p5 = write("table", "[brand]\naccent = \"#000000\"\n");
    CHECK(bt::template_error(p5) ==
          p5 + ":1:1: unknown template key 'brand' (expected [findings], [dialogue], [page], [branding], "
               "[summary], [audience], [engagement], [sentiment], [appendix] or [actions])");
    CHECK(bt::template_error("/no/such/t.toml") == "/no/such/t.toml: cannot read the template");
  }

  TEST_CASE("page, branding and section keys: values and exact errors") {
    auto dir = bt::scratch_dir("template-branding");
    std::ofstream(dir / "logo.png") << "png";
    std::ofstream(dir / "Font.ttf") << "ttf";
    auto path = (dir / "t.toml").string();
    std::ofstream(path)
        << "[page]\nsize = \"Letter\"\norientation = \"landscape\"\n"
           "[branding]\norganisation = \"Nordlys\"\nlogo = \"logo.png\"\naccent = \"#0a5c36\"\n"
           "font_bold = \"Font.ttf\"\n"
           "[summary]\nchart = \"dialogue\"\ntiles = false\n"
           "[audience]\nmetrics = [\"followers\"]\nplatforms = [\"facebook\", \"tiktok\"]\nperiods = 6\n"
           "[engagement]\nsection = false\n[sentiment]\nsection = false\n[appendix]\nsection = false\n";
    auto spec = load_template(path, dir.string());
    CHECK(spec.page_size == PageSize::Letter);
    CHECK(spec.landscape);
    CHECK(spec.organisation == "Nordlys");
    CHECK(spec.logo == (dir / "logo.png").string());
    CHECK(spec.accent == "#0a5c36");
    CHECK(spec.font_bold == (dir / "Font.ttf").string());
    CHECK(spec.font_regular == "Lato-Regular.ttf");
    CHECK(spec.sections.summary_chart == model::SummaryChart::Dialogue);
    CHECK_FALSE(spec.sections.summary_tiles);
    CHECK(spec.sections.audience_metrics == std::vector<std::string>{"followers"});
    CHECK(spec.sections.audience_platforms == std::vector<std::string>{"facebook", "tiktok"});
    CHECK(spec.sections.chart_periods == 6);
    CHECK_FALSE(spec.sections.engagement_section);
    CHECK_FALSE(spec.sections.sentiment_section);
    CHECK_FALSE(spec.sections.appendix_section);

    auto e1 = write("size", "[page]\nsize = \"A3\"\n");
    CHECK(bt::template_error(e1) == e1 + ":2:8: 'page.size' must be one of \"A4\", \"Letter\" (not \"A3\")");
    auto e2 = write("logo", "[branding]\nlogo = \"missing.png\"\n");
    CHECK(bt::template_error(e2) == e2 + ":2:8: 'branding.logo': no such file " +
                                        (std::filesystem::path(e2).parent_path() / "missing.png").string());
    auto e3 = write("logo-kind", "[branding]\nlogo = \"logo.gif\"\n");
    CHECK(bt::template_error(e3) == e3 + ":2:8: 'branding.logo' must name a PNG or JPEG file (not \"logo.gif\")");
    auto e4 = write("accent", "[branding]\naccent = \"navy\"\n");
    CHECK(bt::template_error(e4) == e4 + ":2:10: 'branding.accent' must be a colour \"#RRGGBB\" (not \"navy\")");
    auto e5 = write("metrics", "[audience]\nmetrics = []\n");
    CHECK(bt::template_error(e5) == e5 + ":2:11: 'audience.metrics' must be a non-empty list of strings");
    auto e6 = write("bool", "[appendix]\nsection = \"yes\"\n");
    CHECK(bt::template_error(e6) == e6 + ":2:11: 'appendix.section' must be true or false");
    auto e7 = write("chart", "[summary]\nchart = \"pie\"\n");
    CHECK(bt::template_error(e7) ==
          e7 + ":2:9: 'summary.chart' must be one of \"daily\", \"dialogue\", \"none\" (not \"pie\")");
  }
  TEST_CASE("--template takes a bundled name or a file") {
    using boardbrief::options::template_path;
    CHECK(template_path("", "/d") == "/d/templates/board.toml");
    CHECK(template_path("one-pager", "/d") == "/d/templates/one-pager.toml");
    CHECK(template_path("mine.toml", "/d") == "mine.toml");
    CHECK(template_path("./x/board", "/d") == "./x/board");
  }
  TEST_CASE("the shipped one-pager template loads") {
    auto spec = load_template((bt::source_dir() / "templates" / "one-pager.toml").string(),
                              (bt::source_dir() / "fonts").string());
    CHECK(spec.sections.summary_chart == model::SummaryChart::Dialogue);
    CHECK_FALSE(spec.sections.dialogue_section);
    CHECK_FALSE(spec.sections.appendix_section);
  }
}

TEST_SUITE("options") {
  TEST_CASE("engagement.chart chooses grouped, stacked or no posts chart, with an exact error otherwise") {
    CHECK(load_template(write("eng-default", "[engagement]\nsection = true\n")).sections.engagement_chart ==
          model::EngagementChart::None);
    CHECK(load_template(write("eng-grouped", "[engagement]\nchart = \"grouped\"\n")).sections.engagement_chart ==
          model::EngagementChart::Grouped);
    CHECK(load_template(write("eng-stacked", "[engagement]\nchart = \"stacked\"\n")).sections.engagement_chart ==
          model::EngagementChart::Stacked);
    auto bad = write("eng-bad", "[engagement]\nchart = \"pie\"\n");
    CHECK(bt::template_error(bad) ==
          bad + ":2:9: 'engagement.chart' must be one of \"grouped\", \"stacked\", \"none\" (not \"pie\")");
  }
}

TEST_SUITE("options") {
  TEST_CASE("template title per language, tile count, tiles heading and [actions]") {
    const auto dir = bt::scratch_dir("template-decisions");
    std::ofstream(dir / "acts.toml") << "";
    std::ofstream(dir / "t.toml") << "[branding]\ntitle = { en = \"CIO briefing\", da = \"CIO-orientering\" }\n"
                                     "[summary]\ntile_count = 4\ntiles_heading = false\n"
                                     "[actions]\nfile = \"acts.toml\"\nno_action_line = false\n";
    auto spec = load_template((dir / "t.toml").string());
    CHECK(boardbrief::options::template_title(spec, "en") == "CIO briefing");
    CHECK(boardbrief::options::template_title(spec, "da") == "CIO-orientering");
    CHECK(boardbrief::options::template_title(spec, "sv").empty());
    CHECK(spec.sections.tile_count == 4);
    CHECK(!spec.sections.tiles_heading);
    CHECK(spec.actions_file == (dir / "acts.toml").string());
    CHECK(!spec.no_action_line);
    std::ofstream(dir / "u.toml") << "[branding]\ntitle = \"Briefing\"\n[summary]\ntile_count = 7\n";
    CHECK(bt::template_error((dir / "u.toml").string()) ==
          (dir / "u.toml").string() + ":4:14: 'summary.tile_count' must be between 1 and 6");
    std::ofstream(dir / "v.toml") << "[actions]\nfile = \"missing.toml\"\n";
    CHECK(bt::template_error((dir / "v.toml").string()).find("v.toml:2:8: 'actions.file': no such file") !=
          std::string::npos);
  }
}
