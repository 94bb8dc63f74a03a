#include <doctest/doctest.h>

#include <fstream>

#include "base/error.h"
#include "options/template_spec.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
using boardbrief::DataError;
using boardbrief::options::load_template;

namespace {

std::string write(const std::string& name, const std::string& text) {
  auto path = (bt::scratch_dir("template-" + name) / "t.toml").string();
  std::ofstream(path) << text;
  return path;
}

std::string error_of(const std::string& path) {
  try {
    load_template(path);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_SUITE("options") {
  TEST_CASE("the shipped board template loads with its defaults") {
    auto spec = load_template((bt::source_dir() / "templates" / "board.toml").string());
    CHECK(spec.summary_findings == 5);
    CHECK(spec.response_window_hours == 72);
    CHECK(spec.dialogue_section);
  }
  TEST_CASE("template values are read and checked") {
    auto spec = load_template(write("ok", "[findings]\nsummary_count = 3\n[dialogue]\nsection = false\n"));
    CHECK(spec.summary_findings == 3);
    CHECK_FALSE(spec.dialogue_section);
  }
  TEST_CASE("a bad template names the file, the line, the column and the key") {
    auto p1 = write("syntax", "[findings]\nsummary_count = = 3\n");
    CHECK(error_of(p1).rfind(p1 + ":2:", 0) == 0);
    auto p2 = write("unknown", "[findings]\nsumary_count = 3\n");
    CHECK(error_of(p2) == p2 + ":2:16: unknown template key 'findings.sumary_count'");
    auto p3 = write("type", "[dialogue]\nresponse_window_hours = \"72\"\n");
    CHECK(error_of(p3) == p3 + ":2:25: 'dialogue.response_window_hours' must be a whole number");
    auto p4 = write("range", "[findings]\nsummary_count = 9\n");
    CHECK(error_of(p4) == p4 + ":2:17: 'findings.summary_count' must be between 1 and 5");
    auto p5 = write("table", "[branding]\naccent = \"#000000\"\n");
    CHECK(error_of(p5).find("unknown template key 'branding'") != std::string::npos);
    CHECK(error_of("/no/such/t.toml") == "/no/such/t.toml: cannot read the template");
  }
}
