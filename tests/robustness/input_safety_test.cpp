// Hostile inputs through the real binary: FIFOs and devices as input files, oversized files and
// images, a view that never ends, a huge --org. Each must end promptly with its exit code and
// one clear line, and leave the database untouched (docs/errors.md, "Input files").
// Commands that could hang run under `timeout 60`: a hang fails the test instead of the suite.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

#include "robustness/robust_support.h"

using namespace boardbrief::robust;

namespace {

const std::string kPeriod = " --period 2026-10 --as-of 2026-11-02 ";

struct Outcome {
  int exit;
  std::string line;  // stderr's first line
};

Outcome run_guarded(const std::string& args) {
  auto r = bt::run("timeout 60 " + bt::binary() + " " + args);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code != 124);  // timeout's code: the command hung
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  return {r.exit_code, r.err.substr(0, r.err.find('\n'))};
}

std::string png_header(std::uint32_t w, std::uint32_t h) {
  auto be = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  // Signature, IHDR (8-bit RGBA), then nothing: the size alone must be enough to refuse it.
  return std::string("\x89PNG\r\n\x1a\n", 8) + be(13) + "IHDR" + be(w) + be(h) + std::string("\x08\x06\0\0\0", 5) +
         be(0) + std::string(400, '\0');
}

std::string jpeg_with_frame(std::uint16_t w, std::uint16_t h, int components) {
  std::string j("\xFF\xD8", 2);
  j += std::string("\xFF\xE0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 18);  // APP0
  j += std::string("\xFF\xC0\x00", 3) + static_cast<char>(8 + 3 * components) + '\x08';
  j += static_cast<char>(h >> 8);
  j += static_cast<char>(h & 0xFF);
  j += static_cast<char>(w >> 8);
  j += static_cast<char>(w & 0xFF);
  j += static_cast<char>(components);
  for (int c = 0; c < components; ++c) j += std::string{static_cast<char>(c + 1), '\x11', '\0'};
  return j + std::string("\xFF\xD9", 2);
}

std::string with_logo(const fs::path& dir, const std::string& name, const std::string& bytes) {
  spit(dir / name, bytes);
  spit(dir / ("t-" + name + ".toml"), "[branding]\nlogo = \"" + (dir / name).string() + "\"\n");
  return " --template " + q(dir / ("t-" + name + ".toml"));
}

}  // namespace

TEST_SUITE("robustness") {
  TEST_CASE("FIFOs and devices as input files are refused at once, never read") {
    auto dir = bt::scratch_dir("robust-in-special");
    auto db = sample_copy(dir / "s.db");
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    const std::string out = " --out " + q(dir / "o.pdf");
    const auto before = hash_db_files(db);
    const std::string fifo = (dir / "fifo").string();

    auto o = run_guarded("report --db " + q(dir / "fifo") + kPeriod + out);
    CHECK(o.exit == 3);
    CHECK(o.line ==
          "boardbrief: error: " + fifo + ": a FIFO (named pipe), not a regular file; --db must be a regular file");
    o = run_guarded("check --db " + q(dir / "fifo"));
    CHECK(o.exit == 3);
    o = run_guarded("report --db /dev/zero" + kPeriod + out);
    CHECK(o.exit == 3);
    CHECK(o.line ==
          "boardbrief: error: /dev/zero: a character device, not a regular file; --db must be a regular file");

    o = run_guarded("report --db " + q(db) + kPeriod + out + " --template " + q(dir / "fifo"));
    CHECK(o.exit == 3);
    CHECK(o.line == "boardbrief: error: " + fifo +
                        ": a FIFO (named pipe), not a regular file; a template must be a regular file");
    o = run_guarded("report --db " + q(db) + kPeriod + out + " --template /dev/zero");
    CHECK(o.exit == 3);
    CHECK(o.line ==
          "boardbrief: error: /dev/zero: a character device, not a regular file; a template must be a regular file");

    o = run_guarded("report --db " + q(db) + kPeriod + out + " --config " + q(dir / "fifo"));
    CHECK(o.exit == 2);
    CHECK(o.line ==
          "boardbrief: error: " + fifo + ": a FIFO (named pipe), not a regular file; --config must be a regular file");
    o = run_guarded("report --db " + q(db) + kPeriod + out + " --config /dev/zero");
    CHECK(o.exit == 2);
    o = run_guarded("import metrics --db " + q(dir / "i.db") + " --config /dev/zero " + q(dir / "none.csv"));
    CHECK(o.exit == 2);
    CHECK(o.line ==
          "boardbrief: error: /dev/zero: a character device, not a regular file; --config must be a regular file");

    o = run_guarded("import metrics --db " + q(dir / "i.db") + " --platform x --handle @a --day-column day " +
                    q(dir / "fifo"));
    CHECK(o.exit == 3);
    CHECK(o.line == "boardbrief: error: " + fifo +
                        ": a FIFO (named pipe), not a regular file; a CSV file to import must "
                        "be a regular file");
    CHECK_FALSE(fs::exists(dir / "i.db"));
    o = run_guarded("report --db " + q(db) + kPeriod + out +
                    " --mail-to a@example.com --mail-from b@example.com "
                    "--smtp smtp://127.0.0.1:1 --smtp-credentials " +
                    q(dir / "fifo"));
    CHECK(o.exit == 2);
    CHECK(o.line == "boardbrief: error: " + fifo +
                        ": a FIFO (named pipe), not a regular file; --smtp-credentials must "
                        "be a regular file");

    o = run_guarded("import metrics --db " + q(dir / "i.db") + " --mapping " + q(dir / "fifo") + " " + q(db));
    CHECK(o.exit == 2);
    CHECK(o.line == "boardbrief: error: " + fifo +
                        ": a FIFO (named pipe), not a regular file; --mapping must be a "
                        "regular file");
    o = run_guarded("report --db " + q(db) + kPeriod + out + " --actions " + q(dir / "fifo"));
    CHECK(o.exit == 3);
    CHECK(o.line == "boardbrief: error: " + fifo +
                        ": a FIFO (named pipe), not a regular file; an actions file must be "
                        "a regular file");
    o = run_guarded("report --db " + q(db) + kPeriod + out + " --actions /dev/zero");
    CHECK(o.exit == 3);
    CHECK(o.line ==
          "boardbrief: error: /dev/zero: a character device, not a regular file; an actions file must be a "
          "regular file");
    auto data = data_dir_copy(dir / "data");
    fs::remove(data / "fonts" / "Lato-Italic.ttf");
    REQUIRE(::mkfifo((data / "fonts" / "Lato-Italic.ttf").c_str(), 0600) == 0);
    o = run_guarded("report --db " + q(db) + kPeriod + out + " --data-dir " + q(data));
    CHECK(o.exit == 3);
    CHECK(o.line == "boardbrief: error: " + (data / "fonts" / "Lato-Italic.ttf").string() +
                        ": a FIFO (named pipe), not a regular file; a font must be a regular file");

    CHECK(hash_db_files(db) == before);
    CHECK_FALSE(fs::exists(dir / "o.pdf"));
  }

  TEST_CASE("oversized template and config files are refused by their size") {
    auto dir = bt::scratch_dir("robust-in-size");
    auto db = sample_copy(dir / "s.db");
    std::string big = "# " + std::string(2 << 20, 'x') + "\n";
    spit(dir / "big.toml", big);
    spit(dir / "big.ini", big);
    auto o = run_guarded("report --db " + q(db) + kPeriod + "--out " + q(dir / "o.pdf") + " --template " +
                         q(dir / "big.toml"));
    CHECK(o.exit == 3);
    CHECK(o.line == "boardbrief: error: " + (dir / "big.toml").string() +
                        ": 2048 KB, more than the 1024 KB allowed for a template");
    o = run_guarded("report --db " + q(db) + kPeriod + "--out " + q(dir / "o.pdf") + " --config " + q(dir / "big.ini"));
    CHECK(o.exit == 2);
    CHECK(o.line ==
          "boardbrief: error: " + (dir / "big.ini").string() + ": 2048 KB, more than the 1024 KB allowed for --config");
  }

  TEST_CASE("a logo over the pixel limit is refused before decoding; a corrupt JPEG is bad data (exit 3)") {
    auto dir = bt::scratch_dir("robust-in-logo");
    auto db = sample_copy(dir / "s.db");
    const std::string args = "report --db " + q(db) + kPeriod + "--out " + q(dir / "o.pdf");
    spit(dir / "o.pdf", "previous");
    SUBCASE("PNG of 12,000 x 12,000 pixels in a small file") {
      auto o = run_guarded(args + with_logo(dir, "huge.png", png_header(12000, 12000)));
      CHECK(o.exit == 3);
      CHECK(o.line == "boardbrief: error: " + (dir / "huge.png").string() +
                          ": the logo is 12000 x 12000 pixels, more than the 16 million allowed; scale it down (a logo "
                          "needs about 1000 pixels across)");
    }
    SUBCASE("JPEG of 20,000 x 20,000 pixels") {
      auto o = run_guarded(args + with_logo(dir, "huge.jpg", jpeg_with_frame(20000, 20000, 3)));
      CHECK(o.exit == 3);
      CHECK(o.line.find(": the logo is 20000 x 20000 pixels, more than the 16 million allowed") != std::string::npos);
    }
    SUBCASE("JPEG without a frame header") {
      auto o =
          run_guarded(args + with_logo(dir, "bad.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + std::string(500, 'x')));
      CHECK(o.exit == 3);
      CHECK(o.line == "boardbrief: error: " + (dir / "bad.jpg").string() +
                          ": cannot read the logo (no JPEG frame header with the image size)");
    }
    SUBCASE("JPEG that the PDF library rejects (two colour components)") {
      auto o = run_guarded(args + with_logo(dir, "two.jpg", jpeg_with_frame(10, 10, 2)));
      CHECK(o.exit == 3);
      CHECK(o.line == "boardbrief: error: " + (dir / "two.jpg").string() +
                          ": cannot read the logo (a corrupt or unsupported JPEG)");
    }
    SUBCASE("a logo that is a FIFO") {
      REQUIRE(::mkfifo((dir / "fifo.png").c_str(), 0600) == 0);
      spit(dir / "t.toml", "[branding]\nlogo = \"" + (dir / "fifo.png").string() + "\"\n");
      auto o = run_guarded(args + " --template " + q(dir / "t.toml"));
      CHECK(o.exit == 3);
      CHECK(o.line == "boardbrief: error: " + (dir / "fifo.png").string() +
                          ": a FIFO (named pipe), not a regular file; a logo must be a regular file");
    }
    CHECK(slurp(dir / "o.pdf") == "previous");
    CHECK(temp_files_in(dir) == 0);
  }

  TEST_CASE("--timeout stops a view with an unbounded recursive query, in report and check") {
    auto dir = bt::scratch_dir("robust-in-timeout");
    // The metric catalogue behind a view whose second half recurses for ever without a row.
    auto db = sample_copy(dir / "s.db",
                          "ALTER TABLE metric RENAME TO metric_data; CREATE VIEW metric AS "
                          "SELECT key, label, aggregation, unit, better FROM metric_data UNION ALL "
                          "SELECT 'x', 'x', 'sum', 'count', 'up' FROM (WITH RECURSIVE r(n) AS "
                          "(SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r WHERE n < 0)");
    const auto before = hash_db_files(db);
    const std::string want =
        "boardbrief: error: " + db.string() +
        ": reading table metric took longer than --timeout 1 s (a view with an unbounded query, or "
        "a database far larger than expected?)";
    auto o = run_guarded("report --db " + q(db) + kPeriod + "--out " + q(dir / "o.pdf") + " --timeout 1");
    CHECK(o.exit == 3);
    CHECK(o.line == want);
    auto c = bt::run("timeout 60 " + bt::binary() + " check --db " + q(db) + " --timeout 1");
    CHECK(c.exit_code == 3);
    CHECK(c.err == want + "\n");
    CHECK(hash_db_files(db) == before);
    CHECK_FALSE(fs::exists(dir / "o.pdf"));
    o = run_guarded("report --db " + q(db) + kPeriod + "--out " + q(dir / "o.pdf") + " --timeout -1");
    CHECK(o.exit == 2);
    CHECK(o.line == "boardbrief: error: --timeout -1: use 0 (no limit) to 604800 seconds");
  }

  TEST_CASE("an --org of 32,000 characters is shortened in linear-ish time") {
    // Shortening with "…" tried every prefix length (quadratic: two minutes); the run is
    // guarded by `timeout 60` above, far beyond its normal fraction of a second.
    auto dir = bt::scratch_dir("robust-in-org");
    auto db = sample_copy(dir / "s.db");
    std::string org;
    while (org.size() < 32000) org += "Nørre Ålbæk Energi A/S ";
    auto r = bt::run("timeout 60 " + bt::binary() + " report --db " + q(db) + kPeriod + "--out " + q(dir / "o.pdf") +
                     " --org '" + org + "'");
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    auto text = bt::run("pdftotext -l 1 -enc UTF-8 " + q(dir / "o.pdf") + " -").out;
    CHECK(text.find("…") != std::string::npos);
  }
}
