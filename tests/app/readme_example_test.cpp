// The README's per-post import example, copied from README.md and run through the real binary on
// a small per-post export: the days the export covers without posts become 0, so `check` finds
// no missing day (without --zero-days every day without a post would be one).
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

// The README's shell command that holds `needle`, continuation lines joined.
std::string readme_command(const std::string& needle) {
  std::istringstream in(bt::read_file(bt::source_dir() / "README.md"));
  std::string line, command;
  bool inside = false;
  while (std::getline(in, line)) {
    const auto start = line.find("boardbrief import metrics");
    if (!inside && start == std::string::npos) continue;
    inside = true;
    std::string part = line.substr(line.find_first_not_of(' '));
    const bool more = !part.empty() && part.back() == '\\';
    command += more ? part.substr(0, part.size() - 1) : part;
    if (more) continue;
    if (command.find(needle) != std::string::npos) return command;
    command.clear();
    inside = false;
  }
  return "";
}

}  // namespace

TEST_SUITE("app") {
  TEST_CASE("the README's per-post example gives days without posts as 0, not as missing days") {
    std::string command = readme_command("--aggregate sum");
    REQUIRE_MESSAGE(!command.empty(), "README.md has no per-post import example");
    CHECK(command.find("--zero-days ") != std::string::npos);

    auto dir = bt::scratch_dir("readme-per-post");
    fs::path db = dir / "social.db", csv = dir / "posts.csv";
    // A tweet activity export: posts on three days of October only.
    std::ofstream(csv) << "Tweet id,time,impressions\n"
                          "1,2026-10-01 09:15 +0000,120\n"
                          "2,2026-10-05 18:50 +0000,340\n"
                          "3,2026-10-31 08:00 +0000,95\n";
    // The command as printed, with the database and the file swapped for the test's.
    command = std::regex_replace(command, std::regex("^boardbrief "), bt::binary() + " ");
    command = std::regex_replace(command, std::regex("--db \\S+"), "--db " + bt::quote(db));
    command = std::regex_replace(command, std::regex("\\S+\\.csv$"), bt::quote(csv));
    auto imported = bt::run(command);
    INFO(command, "\n", imported.out, imported.err);
    REQUIRE(imported.exit_code == 0);

    auto check = bt::run(bt::binary() + " check --db " + bt::quote(db));
    INFO(check.out);
    CHECK(check.exit_code == 0);
    CHECK(check.out.find(": no missing days in 2 series\n") != std::string::npos);  // impressions and posts
  }
}
