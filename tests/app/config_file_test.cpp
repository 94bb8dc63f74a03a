// The report's INI config file through the real binary: values written in quotes mean the text
// inside them (one matching pair stripped), as users of INI files expect.
#include <doctest/doctest.h>

#include <fstream>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

TEST_SUITE("app") {
  TEST_CASE("config values lose one pair of matching surrounding quotes, and only that") {
    auto dir = bt::scratch_dir("config-quotes");
    fs::path db = dir / "my db.db";
    auto s = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --interactions 2000");
    REQUIRE_MESSAGE(s.exit_code == 0, s.err);
    struct Case {
      std::string line;   // the org line as written in the file
      std::string shown;  // how the PDF names the organisation
    };
    const Case cases[] = {
        {"org = \"NORDLYS KOSMETIK A/S\"", "NORDLYS KOSMETIK A/S"},
        {"org = 'Nordlys Kosmetik A/S'", "Nordlys Kosmetik A/S"},
        {"org = Nordlys \"Kosmetik\" A/S", "Nordlys \"Kosmetik\" A/S"},  // inner quotes are text
        {"org = \"Nordlys Kosmetik A/S", "\"Nordlys Kosmetik A/S"},      // one quote only: kept
    };
    int n = 0;
    for (const auto& c : cases) {
      CAPTURE(c.line);
      fs::path ini = dir / ("c" + std::to_string(n) + ".ini");
      fs::path pdf = dir / ("o" + std::to_string(n++) + ".pdf");
      // The database path quoted too: it must name the file without the quotes.
      std::ofstream(ini) << "db = \"" << db.string() << "\"\nperiod = '2026-10'\n" << c.line << "\n";
      auto r =
          bt::run(bt::binary() + " report --config " + bt::quote(ini) + " --as-of 2026-11-02 --out " + bt::quote(pdf));
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      auto text = bt::run("pdftotext -enc UTF-8 " + bt::quote(pdf) + " -").out;
      CHECK(text.find(c.shown) != std::string::npos);
      if (c.shown.front() != '"') CHECK(text.find("\"" + c.shown) == std::string::npos);
    }
  }
}
