// `cmake --install`: what lands where, and an installed copy, moved elsewhere and run from an
// unrelated directory, reading its own share/boardbrief files rather than the source tree's.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "install/installed.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {}  // namespace

TEST_SUITE("install") {
  TEST_CASE("cmake --install puts the binary, data, man page and completion in standard places") {
    const fs::path& p = bt::installed_prefix();
    CHECK((fs::status(p / "bin/boardbrief").permissions() & fs::perms::owner_exec) != fs::perms::none);
    for (const char* f : {"share/boardbrief/templates/board.toml", "share/boardbrief/templates/lang/en.toml",
                          "share/boardbrief/templates/lang/da.toml", "share/boardbrief/fonts/Lato-Regular.ttf",
                          "share/boardbrief/fonts/Lato-Bold.ttf", "share/boardbrief/fonts/Lato-Italic.ttf",
                          "share/boardbrief/fonts/OFL.txt", "share/man/man1/boardbrief.1",
                          "share/bash-completion/completions/boardbrief"})
      CHECK_MESSAGE(fs::is_regular_file(p / f), f);
    CHECK(bt::read_file(p / "share/boardbrief/templates/lang/da.toml") ==
          bt::read_file(bt::source_dir() / "templates/lang/da.toml"));
    CHECK(bt::read_file(p / "share/man/man1/boardbrief.1") == bt::read_file(bt::source_dir() / "man/boardbrief.1"));
  }

  TEST_CASE("a moved installed copy reads its own share/boardbrief, from any working directory") {
    fs::path dir = bt::scratch_dir("install-moved");
    fs::path moved = dir / "elsewhere" / "opt";
    fs::create_directories(moved.parent_path());
    REQUIRE(bt::run("cp -a " + bt::quote(bt::installed_prefix()) + " " + bt::quote(moved)).exit_code == 0);
    // Mark the moved copy's English title; the source tree and the original prefix keep theirs.
    fs::path en = moved / "share/boardbrief/templates/lang/en.toml";
    std::string text = bt::read_file(en);
    const std::string title = "title = \"Social media and customer dialogue\"";
    REQUIRE(text.find(title) != std::string::npos);
    text.replace(text.find(title), title.size(), "title = \"Installed copy marker\"");
    std::ofstream(en, std::ios::trunc) << text;

    fs::path work = dir / "work";
    fs::create_directories(work);
    auto db = bt::run("cd " + bt::quote(work) + " && " + bt::quote(moved / "bin/boardbrief") +
                      " sample --out demo.db --interactions 5000");
    REQUIRE_MESSAGE(db.exit_code == 0, db.err);
    auto r = bt::run("cd " + bt::quote(work) + " && env -u BOARDBRIEF_DATA_DIR " + bt::quote(moved / "bin/boardbrief") +
                     " --db demo.db --period 2026-10 --as-of 2026-11-02 --out b.pdf");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto pdf = bt::run("pdftotext -l 1 -enc UTF-8 " + bt::quote(work / "b.pdf") + " -");
    CHECK(pdf.out.find("Installed copy marker") != std::string::npos);
    CHECK(pdf.out.find("Social media and customer dialogue") == std::string::npos);

    // Without its share/ the moved copy never falls back to the build machine's source tree:
    // it fails, naming where it looked (unless the configured prefix holds an installation).
    fs::remove_all(moved / "share/boardbrief");
    auto without =
        bt::run("cd " + bt::quote(work) + " && env -u BOARDBRIEF_DATA_DIR " + bt::quote(moved / "bin/boardbrief") +
                " --db demo.db --period 2026-10 --as-of 2026-11-02 --out c.pdf");
    if (fs::exists(fs::path(BOARDBRIEF_INSTALL_DATADIR) / "fonts")) {
      MESSAGE("SKIPPED the fallback check: " BOARDBRIEF_INSTALL_DATADIR " holds an installation");
    } else {
      CHECK(without.exit_code == 3);
      CHECK(without.err == "boardbrief: error: cannot find boardbrief's fonts and templates (looked in " +
                               (moved / "share/boardbrief").string() + ", " + BOARDBRIEF_INSTALL_DATADIR +
                               "); use --data-dir\n");
    }
    CHECK_FALSE(fs::exists(moved / "bin/boardbrief-build-tree"));
  }

  TEST_CASE("the build binary reads the source tree through the note beside it; a copy without the note does not") {
    fs::path dir = bt::scratch_dir("install-build-note");
    fs::path build = fs::path(bt::binary()).parent_path();
    CHECK(bt::read_file(build / "boardbrief-build-tree") == bt::source_dir().string() + "\n");
    fs::copy_file(bt::binary(), dir / "boardbrief");
    auto r =
        bt::run("env -u BOARDBRIEF_DATA_DIR " + bt::quote(dir / "boardbrief") +
                " report --db /nonexistent.db --period 2026-10 --as-of 2026-11-02 --out " + bt::quote(dir / "x.pdf"));
    if (!fs::exists(fs::path(BOARDBRIEF_INSTALL_DATADIR) / "fonts")) {
      CHECK(r.exit_code == 3);
      CHECK(r.err.rfind("boardbrief: error: cannot find boardbrief's fonts and templates", 0) == 0);
    }
  }

  TEST_CASE("`man boardbrief` finds and renders the installed page") {
    if (bt::run("command -v man").exit_code != 0) {
      MESSAGE("SKIPPED: man is not installed (apt-get install man-db)");
      return;
    }
    auto r =
        bt::run("MANPATH=" + bt::quote(bt::installed_prefix() / "share/man") + " MANWIDTH=80 man -P cat boardbrief");
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    std::string text;  // words joined by single spaces: man justifies and wraps lines
    std::istringstream words(r.out);
    for (std::string w; words >> w;) text += w + " ";
    CHECK(text.find("NAME boardbrief - social-media and customer-dialogue briefings for the board, as PDF") !=
          std::string::npos);
    CHECK(text.find("EXIT STATUS") != std::string::npos);
  }
}
