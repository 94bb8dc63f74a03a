// man/boardbrief.1 against the binary: every option that any command's --help shows is in the
// man page and every option in the man page is in some --help (commands found from the
// "Usage:" lines of `boardbrief --help`, so a new command is covered without editing this
// test), and groff renders the page without a warning.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

std::set<std::string> long_options(const std::string& text) {
  std::set<std::string> out;
  static const std::regex option("--[a-z][a-z0-9-]*[a-z0-9]");
  for (std::sregex_iterator it(text.begin(), text.end(), option), end; it != end; ++it) out.insert(it->str());
  return out;
}

// "  boardbrief [report] --db …", "  boardbrief import metrics|interactions --db …" →
// {"report"}, {"import metrics"}, {"import interactions"}: the words before the first option.
std::vector<std::string> commands(const std::string& help) {
  std::vector<std::string> out;
  std::istringstream in(help.substr(help.find("Usage:")));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line) && !line.empty()) {
    std::istringstream words(line);
    std::string word;
    words >> word;
    if (word != "boardbrief") continue;
    std::vector<std::string> prefixes = {""};
    while (words >> word) {
      if (word.size() > 2 && word.front() == '[' && word.back() == ']') word = word.substr(1, word.size() - 2);
      if (!std::regex_match(word, std::regex("[a-z]+(\\|[a-z]+)*"))) break;
      std::vector<std::string> next;
      std::istringstream alternatives(word);
      std::string alt;
      while (std::getline(alternatives, alt, '|'))
        for (const auto& p : prefixes) next.push_back(p.empty() ? alt : p + " " + alt);
      prefixes = next;
    }
    if (!prefixes.front().empty()) out.insert(out.end(), prefixes.begin(), prefixes.end());
  }
  return out;
}

}  // namespace

TEST_SUITE("man page") {
  TEST_CASE("every option of every command's --help is in the man page, and nothing else is") {
    auto top = bt::run(bt::binary() + " --help");
    REQUIRE(top.exit_code == 0);
    auto cmds = commands(top.out);
    CHECK(std::find(cmds.begin(), cmds.end(), "report") != cmds.end());
    CHECK(std::find(cmds.begin(), cmds.end(), "check") != cmds.end());
    CHECK(std::find(cmds.begin(), cmds.end(), "sample") != cmds.end());

    std::string man = bt::read_file(bt::source_dir() / "man/boardbrief.1");
    man = std::regex_replace(man, std::regex(R"(\\-)"), "-");
    std::set<std::string> in_man = long_options(man);

    std::set<std::string> in_help = long_options(top.out);
    for (const auto& cmd : cmds) {
      auto r = bt::run(bt::binary() + " " + cmd + " --help");
      REQUIRE_MESSAGE(r.exit_code == 0, cmd, ": ", r.err);
      for (const auto& o : long_options(r.out)) {
        CHECK_MESSAGE(in_man.count(o) == 1, "`boardbrief ", cmd, " --help` shows ", o, ", the man page does not");
        in_help.insert(o);
      }
      // The command itself has a heading or an entry in the man page.
      CHECK_MESSAGE(man.find(".B " + cmd) != std::string::npos, cmd);
    }
    for (const auto& o : in_man) CHECK_MESSAGE(in_help.count(o) == 1, "the man page shows ", o, ", no --help does");
  }

  TEST_CASE("the man page names every bundled template, as --template's choices and under FILES") {
    std::string man = bt::read_file(bt::source_dir() / "man/boardbrief.1");
    man = std::regex_replace(man, std::regex(R"(\\-)"), "-");
    const auto entry = man.find(".BI --template");
    REQUIRE(entry != std::string::npos);
    const std::string option = man.substr(entry, man.find("\n.TP\n.BI --org", entry) - entry);
    int found = 0;
    for (const auto& f : fs::directory_iterator(bt::source_dir() / "templates")) {
      if (f.path().extension() != ".toml") continue;
      ++found;
      const std::string name = f.path().stem().string();
      CHECK_MESSAGE(option.find("\n.B " + name + "\n") != std::string::npos, "--template does not list ", name);
      CHECK_MESSAGE(man.find(name + ".toml") != std::string::npos, "FILES does not list ", name, ".toml");
    }
    CHECK(found >= 2);  // board and one-pager ship
  }

  TEST_CASE("groff renders the man page without warnings, and would report one") {
    fs::path page = bt::source_dir() / "man/boardbrief.1";
    auto r = bt::run("groff -ww -man -Tutf8 -z '" + page.string() + "'");
    CHECK(r.exit_code == 0);
    CHECK_MESSAGE(r.err.empty(), r.err);

    fs::path broken = bt::scratch_dir("man-broken") / "boardbrief.1";
    std::ofstream(broken) << bt::read_file(page) << ".XYZZY not a macro\n";
    auto b = bt::run("groff -ww -man -Tutf8 -z '" + broken.string() + "'");
    CHECK_FALSE(b.err.empty());
  }
}
