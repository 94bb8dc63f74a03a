// The fuzz targets' seed corpora (tests/fuzz/<target>/, including every input that once made a
// target fail) replayed through the same bodies in the normal and sanitizer suites.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../fuzz/fuzz_targets.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
namespace bt = boardbrief::testing;

namespace {

int replay(const std::string& target, void (*body)(const std::uint8_t*, std::size_t)) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(bt::source_dir() / "tests" / "fuzz" / target)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    CAPTURE(e.path().string());
    body(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    ++n;
  }
  return n;
}

}  // namespace

TEST_SUITE("robustness") {
  TEST_CASE("the fuzz corpora replay without a crash or a broken invariant") {
    CHECK(replay("template", boardbrief::fuzz::template_target) >= 5);
    CHECK(replay("period", boardbrief::fuzz::period_target) >= 10);
    CHECK(replay("strings", boardbrief::fuzz::strings_target) >= 3);
    CHECK(replay("database", boardbrief::fuzz::database_target) >= 2);
  }
}
