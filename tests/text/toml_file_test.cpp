// The one TOML parser entry: a syntax error names file:line:column and carries the exit code of
// the file's kind (a column mapping is a usage error, a template or language file bad data).
#include "text/toml_file.h"

#include <doctest/doctest.h>

#include <string>

#include "base/error.h"

using namespace boardbrief;

TEST_SUITE("text") {
  TEST_CASE("toml_file: a syntax error names the place and has the caller's exit code") {
    const std::string text = "a = 1\nb = \n";
    try {
      text::parse_toml(text, "mine.toml", ExitCode::Usage);
      FAIL("no error");
    } catch (const UsageError& e) {
      CHECK(std::string(e.what()).rfind("mine.toml:2:", 0) == 0);
    }
    try {
      text::parse_toml(text, "lang.toml", ExitCode::Data);
      FAIL("no error");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()).rfind("lang.toml:2:", 0) == 0);
      CHECK(e.exit_code() == ExitCode::Data);
    }
  }

  TEST_CASE("toml_file: a well-formed file parses and positions are line:column") {
    const toml::table t = text::parse_toml("x = \"y\"\n\n  z = 2\n", "f.toml", ExitCode::Data);
    CHECK(t["x"].value<std::string>() == "y");
    CHECK(text::toml_position("f.toml", t.get("z")->source()) == "f.toml:3:7");
  }
}
