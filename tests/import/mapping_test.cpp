#include "importer/mapping.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "base/error.h"
#include "import/import_support.h"
#include "support/test_db.h"

using namespace boardbrief;
using importer::ImportKind;
using importer::Mapping;

namespace {

std::string load_error(const std::string& toml, ImportKind kind = ImportKind::Metrics) {
  auto path = testing::write_file(testing::scratch_dir("mapping"), "map.toml", toml);
  Mapping m;
  m.kind = kind;
  try {
    importer::load_mapping_file(path.string(), m);
  } catch (const UsageError& e) {
    std::string s = e.what();
    return s.substr(s.find("map.toml"));
  }
  return "no error";
}

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("a mapping file sets the channel, the day column and format and the wide columns") {
    auto path = testing::write_file(testing::scratch_dir("mapping-ok"), "map.toml",
                                    "platform = \"instagram\"\nhandle = \"@x\"\nday_column = \"Date\"\n"
                                    "day_format = \"%m/%d/%Y\"\nowner = \"competitor\"\ndelimiter = \"semicolon\"\n\n"
                                    "[columns]\nimpressions = \"impressions_total\"\nfollowers = \"Followers\"\n");
    Mapping m;
    importer::load_mapping_file(path.string(), m);
    CHECK(m.platform == "instagram");
    CHECK(m.handle == "@x");
    CHECK(m.day_column == "Date");
    CHECK(m.day_format == "%m/%d/%Y");
    CHECK(m.owner == boardbrief::model::Owner::Competitor);
    CHECK(m.delimiter == ';');
    std::sort(m.columns.begin(), m.columns.end());  // toml++ tables iterate in key order
    CHECK(m.columns == std::vector<std::pair<std::string, std::string>>{{"followers", "Followers"},
                                                                        {"impressions", "impressions_total"}});
  }

  TEST_CASE("interaction mappings take booleans for flags") {
    auto path = testing::write_file(testing::scratch_dir("mapping-int"), "map.toml",
                                    "conversation_log = true\nneeds_reply = false\ntz = \"Europe/Copenhagen\"\n");
    Mapping m;
    m.kind = ImportKind::Interactions;
    importer::load_mapping_file(path.string(), m);
    CHECK(m.conversation_log);
    CHECK(m.needs_reply == false);
    CHECK(m.tz == "Europe/Copenhagen");
  }

  TEST_CASE("unknown keys, wrong types and bad values name file:line:column and the key") {
    CHECK(load_error("platform = \"x\"\nday_colum = \"Date\"\n") ==
          "map.toml:2:13: unknown key 'day_colum' for importing metrics");
    CHECK(load_error("platform = 3\n") == "map.toml:1:12: key 'platform' must be a string");
    CHECK(load_error("owner = \"ours\"\n") == "map.toml:1:9: owner 'ours': use own or competitor");
    CHECK(load_error("columns = \"impressions\"\n") ==
          "map.toml:1:11: 'columns' must be a table (metric = \"CSV column\")");
    CHECK(load_error("[columns]\nimpressions = 5\n") == "map.toml:2:15: key 'columns.impressions' must be a string");
    CHECK(load_error("conversation_log = \"yes\"\n", ImportKind::Interactions) ==
          "map.toml:1:20: key 'conversation_log' must be true or false");
    CHECK(load_error("day_column = \"Date\"\n", ImportKind::Interactions) ==
          "map.toml:1:14: unknown key 'day_column' for importing interactions");
    CHECK(load_error("platform = \n").rfind("map.toml:1:", 0) == 0);  // toml++'s syntax error, positioned
  }

  TEST_CASE("command-line settings go through the same checks") {
    Mapping m;
    importer::set_mapping_value(m, "columns.reach", "Reach");
    CHECK(m.columns.back() == std::make_pair(std::string("reach"), std::string("Reach")));
    CHECK_THROWS_WITH_AS(importer::set_mapping_value(m, "form", "tall"), "form 'tall': use long or wide",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(importer::set_mapping_value(m, "delimiter", "x"),
                         "delimiter 'x': use comma, semicolon, tab or pipe", std::invalid_argument);
  }
}
