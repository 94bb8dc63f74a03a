// A long organisation name: the title band and running header shorten it, so the provenance
// block (appendix F in the board briefing, page 1's block in the one-pager) carries it in full.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// pdftotext's lines joined with single spaces, so a name wrapped over lines reads as one.
std::string joined(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\f' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("document") {
  TEST_CASE("a 300-character organisation name appears in full in the PDF text, in both templates") {
    const fs::path dir = bt::scratch_dir("organisation-name");
    const fs::path db = dir / "sample.db";
    auto r = bt::run(bt::binary() + " sample --out " + q(db) + " --interactions 2000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    // Numbered words, so no part of the name could be found by chance elsewhere in the text.
    const char* words[] = {"Kommunernes", "Landsforening", "for", "Digital", "Borgerservice", "og", "Kundedialog"};
    std::string org;
    for (int i = 0; org.size() < 300; ++i)
      org += (org.empty() ? "" : " ") + std::string(words[i % 7]) + std::to_string(i);
    org.resize(300);
    while (org.back() == ' ') org.pop_back();
    REQUIRE(org.size() >= 299);
    for (const std::string tmpl : {"board", "one-pager"}) {
      for (const std::string lang : {"en", "da"}) {
        CAPTURE(tmpl);
        CAPTURE(lang);
        const fs::path pdf = dir / (tmpl + "-" + lang + ".pdf");
        r = bt::run(bt::binary() + " report --db " + q(db) + " --period 2026-10 --as-of 2026-11-02 --template " + tmpl +
                    " --lang " + lang + " --org '" + org + "' --out " + q(pdf));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        auto text = bt::run("pdftotext -enc UTF-8 " + q(pdf) + " -");
        REQUIRE(text.exit_code == 0);
        CHECK(joined(text.out).find(org) != std::string::npos);
        if (tmpl == "one-pager") {  // the name's extra lines must not push the one-pager onto a second page
          auto info = bt::run("pdfinfo " + q(pdf));
          auto at = info.out.find("Pages:");
          REQUIRE(at != std::string::npos);
          CHECK(std::stoi(info.out.substr(at + 6)) == 1);
        }
      }
    }
  }
}
