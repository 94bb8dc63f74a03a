// Both shipped templates in both languages, end to end on the sample data: the real binary,
// checked with qpdf, pdftotext, pdffonts and pdfinfo, rendered by poppler, mupdf and ghostscript,
// deterministic, with the provenance fingerprint in the appendix, the metadata and the JSON.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <png.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

const fs::path& sample_db() {
  static const fs::path path = [] {
    fs::path db = bt::scratch_dir("templates-sample") / "demo.db";
    auto r = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --interactions 20000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
  }();
  return path;
}

bt::RunResult report(const fs::path& db, const fs::path& out, const std::string& tmpl, const std::string& lang,
                     const std::string& extra = "") {
  return bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02" +
                 " --org 'Nørre Ålbæk Energi A/S' --template " + tmpl + " --lang " + lang + " --out " + bt::quote(out) +
                 " " + extra);
}

// pdftotext wraps lines; compare with whitespace collapsed (no-break and thin spaces too).
std::string collapse(std::string s) {
  for (const char* wide : {"\u00A0", "\u202F", "\u2009"})
    for (std::size_t pos; (pos = s.find(wide)) != std::string::npos;) s.replace(pos, std::string(wide).size(), " ");
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The "sentence" strings of the findings JSON's kept findings (not "findings_dropped"), in rank
// order, without the **bold** markers.
std::vector<std::string> sentences(std::string json) {
  json = json.substr(0, json.find("\"findings_dropped\""));
  std::vector<std::string> out;
  std::regex re("\"sentence\" : \"((?:[^\"\\\\]|\\\\.)*)\"");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), re); it != std::sregex_iterator(); ++it) {
    std::string s = (*it)[1];
    std::string plain;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 2, "**") == 0) {
        ++i;
        continue;
      }
      plain += s[i];
    }
    out.push_back(plain);
  }
  return out;
}

std::string field(const std::string& json, const std::string& key) {
  std::smatch m;
  std::regex re("\"" + key + "\" : \"([^\"]*)\"");
  return std::regex_search(json, m, re) ? std::string(m[1]) : "";
}

struct Variant {
  const char* tmpl;
  const char* lang;
  int pages_min, pages_max;
  std::vector<std::string> headings;
};

}  // namespace

TEST_SUITE("document") {
  TEST_CASE("board and one-pager, English and Danish: clean, complete, deterministic, rendered by three readers") {
    const std::vector<Variant> variants = {
        {"board",
         "en",
         6,
         9,
         {"What the board should know", "Key figures", "2 · CUSTOMER DIALOGUE", "3 · AUDIENCE AND REACH",
          "Audience by channel, October 2026", "4 · ENGAGEMENT", "5 · SENTIMENT AND SHARE OF VOICE",
          "Share of voice, October 2026", "APPENDIX", "A · Data coverage", "B · Metric definitions", "C · Method notes",
          "D · All findings", "E · Channels", "F · Provenance", "Fingerprint", "Page 1 of"}},
        {"board",
         "da",
         6,
         9,
         {"Det bør bestyrelsen vide", "Nøgletal", "3 · PUBLIKUM OG RÆKKEVIDDE", "Publikum pr. kanal",
          "4 · INTERAKTIONER", "5 · STEMNING OG ANDEL AF OMTALE", "BILAG", "A · Datadækning", "D · Alle fund",
          "F · Datagrundlag", "Fingeraftryk", "Side 1 af"}},
        {"one-pager",
         "en",
         1,
         1,
         {"Findings to act on", "Bottom line:", "Messages needing a reply: answered and unanswered", "Source",
          "Page 1 of 1"}},
        {"one-pager", "da", 1, 1, {"Fund at handle på", "Konklusion:", "Kilde", "Side 1 af 1"}},
    };
    fs::path dir = bt::scratch_dir("templates-e2e");
    for (const auto& v : variants) {
      const std::string name = std::string(v.tmpl) + "-" + v.lang;
      CAPTURE(name);
      fs::path pdf = dir / (name + ".pdf"), json = dir / (name + ".json");
      auto r = report(sample_db(), pdf, v.tmpl, v.lang, "--findings-json " + bt::quote(json));
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);

      auto check = bt::run("qpdf --check " + bt::quote(pdf));
      CHECK_MESSAGE(check.exit_code == 0, check.out);
      CHECK(check.err.empty());
      // Page labels, decimal from 1 as in the footers.
      auto objects = bt::run("qpdf --qdf --object-streams=disable " + bt::quote(pdf) + " -");
      CHECK(std::regex_search(objects.out, std::regex("/PageLabels <<\\s*/Nums \\[\\s*0\\s*<<\\s*/S /D")));

      auto info = bt::run("pdfinfo " + bt::quote(pdf));
      std::smatch m;
      REQUIRE(std::regex_search(info.out, m, std::regex("Pages: +([0-9]+)")));
      const int pages = std::stoi(m[1]);
      CHECK(pages >= v.pages_min);
      CHECK(pages <= v.pages_max);

      auto text = bt::run("pdftotext -enc UTF-8 " + bt::quote(pdf) + " -");
      CHECK(text.err.empty());
      const std::string flat = collapse(text.out);
      for (const auto& h : v.headings) CHECK_MESSAGE(flat.find(h) != std::string::npos, h);

      // The findings: the top ones on page 1, every one of them somewhere in the board briefing.
      const std::string js = bt::read_file(json);
      auto found = sentences(js);
      REQUIRE(found.size() >= 3);
      const std::size_t expected = std::string(v.tmpl) == "board" ? found.size() : 3;
      for (std::size_t i = 0; i < expected; ++i) {
        std::string start = collapse(found[i]).substr(0, 40);
        CHECK_MESSAGE(flat.find(start) != std::string::npos, "finding ", i + 1, ": ", start);
      }

      // Provenance: the fingerprint is in the JSON, on the page and in the PDF keywords.
      const std::string fp = field(js, "fingerprint");
      CHECK(fp.size() == 16);
      CHECK(flat.find(fp) != std::string::npos);
      CHECK(info.out.find(fp) != std::string::npos);
      CHECK(field(js, "period_begin_utc") == "2026-09-30T22:00:00Z");
      CHECK(field(js, "template") == std::string(v.tmpl) + ".toml");

      auto fonts = bt::run("pdffonts " + bt::quote(pdf));
      int lato = 0;
      std::istringstream lines(fonts.out);
      for (std::string line; std::getline(lines, line);) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
        CHECK_MESSAGE(line.find("yes yes yes") != std::string::npos, line);  // embedded, subset, Unicode
        lato += line.find("Lato") != std::string::npos;
      }
      CHECK(lato >= 2);

      // Three independent renderers, no errors or warnings.
      auto poppler = bt::run("pdftoppm -r 20 -png " + bt::quote(pdf) + " " + bt::quote(dir / (name + "-pp")));
      CHECK(poppler.exit_code == 0);
      CHECK_MESSAGE(poppler.err.empty(), poppler.err);
      auto mupdf = bt::run("mutool draw -q -r 20 -o " + bt::quote(dir / (name + "-mu%d.png")) + " " + bt::quote(pdf));
      CHECK(mupdf.exit_code == 0);
      std::string mu_err = std::regex_replace(mupdf.err, std::regex("warning: ICC support is not available\n?"), "");
      CHECK_MESSAGE(mu_err.empty(), mupdf.err);
      auto gs = bt::run("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=nullpage " + bt::quote(pdf));
      CHECK(gs.exit_code == 0);
      CHECK_MESSAGE(gs.out.empty(), gs.out);
      CHECK_MESSAGE(gs.err.empty(), gs.err);
      // txtwrite runs every glyph through ghostscript's TrueType interpreter, which used to
      // print "Failed to interpret TT instructions" for Lato (pdf/unhinted_font.h).
      auto gs_text = bt::run("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=txtwrite -o /dev/null " + bt::quote(pdf));
      CHECK(gs_text.exit_code == 0);
      CHECK_MESSAGE(gs_text.err.empty(), gs_text.err);
      CHECK_MESSAGE(gs_text.out.empty(), gs_text.out);

      // Two runs, the same bytes.
      fs::path again_dir = bt::scratch_dir("templates-e2e-again");
      fs::path again = again_dir / (name + ".pdf");
      REQUIRE(report(sample_db(), again, v.tmpl, v.lang, "--findings-json " + bt::quote(again_dir / (name + ".json")))
                  .exit_code == 0);
      CHECK(bt::read_file(again) == bt::read_file(pdf));
    }
  }

  TEST_CASE("same data, same fingerprint; one changed value, a different one") {
    fs::path dir = bt::scratch_dir("templates-fingerprint");
    fs::path copy = dir / "copy.db";
    fs::copy_file(sample_db(), copy);
    auto fingerprint = [&](const fs::path& db, const std::string& name) {
      auto r =
          report(db, dir / (name + ".pdf"), "one-pager", "en", "--findings-json " + bt::quote(dir / (name + ".json")));
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      return field(bt::read_file(dir / (name + ".json")), "fingerprint");
    };
    const std::string a = fingerprint(sample_db(), "a");
    CHECK(fingerprint(copy, "copy") == a);
    {
      SQLite::Database db(copy.string(), SQLite::OPEN_READWRITE);
      db.exec(
          "UPDATE daily_metric SET value = value + 1 WHERE (channel_id, metric, day) = "
          "(SELECT channel_id, metric, day FROM daily_metric WHERE day = '2026-10-15' LIMIT 1)");
    }
    const std::string b = fingerprint(copy, "changed");
    CHECK(b.size() == 16);
    CHECK(b != a);
  }

  TEST_CASE("a template's page size, accent and logo reach the PDF; a bad key stops the run") {
    fs::path dir = bt::scratch_dir("templates-branding");
    // A 2×1 RGB logo, written with libpng.
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    img.width = 2;
    img.height = 1;
    img.format = PNG_FORMAT_RGB;
    const unsigned char pixels[] = {200, 0, 0, 0, 0, 200};
    REQUIRE(png_image_write_to_file(&img, (dir / "logo.png").c_str(), 0, pixels, 0, nullptr));
    std::ofstream(dir / "letter.toml")
        << "[page]\nsize = \"Letter\"\n[branding]\naccent = \"#0A5C36\"\nlogo = \"logo.png\"\n"
           "[audience]\nsection = false\n[engagement]\nsection = false\n"
           "[sentiment]\nsection = false\n";
    fs::path pdf = dir / "letter.pdf";
    auto r = report(sample_db(), pdf, bt::quote(dir / "letter.toml"), "en");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto info = bt::run("pdfinfo " + bt::quote(pdf));
    CHECK(info.out.find("612 x 792 pts (letter)") != std::string::npos);
    auto images = bt::run("pdfimages -list " + bt::quote(pdf));
    CHECK(images.out.find("image       2     1  rgb") != std::string::npos);
    CHECK(bt::run("qpdf --check " + bt::quote(pdf)).exit_code == 0);
    // The accent colour #0A5C36 is set in the page content.
    auto content = bt::run("qpdf --qdf --object-streams=disable " + bt::quote(pdf) + " -");
    CHECK(content.out.find("0.03922 0.36078 0.21176 rg") != std::string::npos);

    std::ofstream(dir / "bad.toml") << "[page]\nsize = \"A5\"\n";
    auto bad = report(sample_db(), dir / "bad.pdf", bt::quote(dir / "bad.toml"), "en");
    CHECK(bad.exit_code == 3);
    CHECK(bad.err == "boardbrief: error: " + (dir / "bad.toml").string() +
                         ":2:8: 'page.size' must be one of \"A4\", \"Letter\" (not \"A5\")\n");
    CHECK_FALSE(fs::exists(dir / "bad.pdf"));

    // A truncated PNG is an error naming it (libharu's own PNG loader would abort the process).
    std::string png_bytes = bt::read_file(dir / "logo.png");
    std::ofstream(dir / "broken.png", std::ios::binary) << png_bytes.substr(0, png_bytes.size() / 2);
    std::ofstream(dir / "broken.toml") << "[branding]\nlogo = \"broken.png\"\n";
    auto broken = report(sample_db(), dir / "broken.pdf", bt::quote(dir / "broken.toml"), "en");
    CHECK(broken.exit_code == 3);
    CHECK(broken.err.find((dir / "broken.png").string() + ": cannot read the logo") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "broken.pdf"));
  }
}
