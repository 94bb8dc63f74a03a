// A third language needs only a new file: a German language file written into
// a scratch data directory drives the findings sentences and every number and date convention.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

#include "support/test_db.h"

namespace fs = std::filesystem;
namespace bt = boardbrief::testing;

namespace {

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// en.toml with German conventions and the sentences this test reads; every key is present.
std::string german() {
  std::string t = slurp(bt::source_dir() / "templates" / "lang" / "en.toml");
  t = std::regex_replace(t, std::regex("language = \"en\""), "language = \"de\"");
  auto set = [&](const std::string& key, const std::string& value) {
    std::regex line("(^|\\n)" + key + " = [^\\n]*");
    REQUIRE(std::regex_search(t, line));
    t = std::regex_replace(t, line, "$1" + key + " = " + value, std::regex_constants::format_first_only);
  };
  set("spike", "\"{metric} erreichte am {date} einen Höchststand ({ratio} des üblichen Niveaus).\"");
  set("spike_sentiment", "\", was die Nettostimmung im {period} auf {value} drückte\"");
  set("explained_year_ago_down", "\"{change} unter {year_ago}\"");
  set("explained_year_ago_up", "\"{change} über {year_ago}\"");
  set("score_points", "\"{n} Punkte\"");
  set("event",
      "\"Am {date} kamen {value} Nachrichten, die eine Antwort brauchten, {ratio} ein normaler {weekday}{topic}.\"");
  set("times_about", "\"etwa {n}-mal so viele wie\"");
  set("event_sentiment", "\"Das drückte die Nettostimmung im {period} auf {value} ({prev_period}: {previous}).\"");
  t = std::regex_replace(t, std::regex("subject = \"negative messages\""), "subject = \"die negative Stimmung\"");
  t = t.substr(0, t.find("\n[format]"));
  t += R"(
[format]
decimal_separator = ","
thousands_separator = "."
minus = "\u2212"
percent = "{n}\u00A0%"
pp_unit = "Pp."
point = "Prozentpunkt"
points = "Prozentpunkte"
score_point = "Punkt"
score_points = "Punkte"
hour = "Std."
minute = "Min."
multiplier = "{n}\u00D7"
multiplier_in_sentence = "{n}-fache"
compact_thousand = "Tsd."
compact_million = "Mio."
compact_billion = "Mrd."
count_million = "Millionen"
count_billion = "Milliarden"
no_data = "keine Daten"
months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
months_in_sentence = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
months_short = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]
weekdays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
day_number = "{d}."
day = "{day_number} {month}"
day_short = "{day_number} {month_short}"
weekday_day = "{weekday}, {day}"
date = "{day} {year}"
date_short = "{day_short} {year}"
month_year = "{month} {year}"
month_year_short = "{month_short} {year}"
time = "{hh}:{mm} Uhr"
date_time = "{date}, {time}"
quarter = "{q}. Quartal {year}"
iso_week = "KW {week}/{year}"
)";
  return t;
}

}  // namespace

TEST_SUITE("findings") {
  TEST_CASE("a third language (German) needs only a new file in the data directory") {
    fs::path dir = bt::scratch_dir("third-language");
    fs::path data = dir / "data";
    fs::create_directories(data / "templates" / "lang");
    fs::create_directory_symlink(bt::source_dir() / "fonts", data / "fonts");
    fs::copy_file(bt::source_dir() / "templates" / "board.toml", data / "templates" / "board.toml");
    for (const char* f : {"en.toml", "da.toml"})
      fs::copy_file(bt::source_dir() / "templates" / "lang" / f, data / "templates" / "lang" / f);
    std::ofstream(data / "templates" / "lang" / "de.toml") << german();

    fs::path db = dir / "sample.db";
    REQUIRE(bt::run(bt::binary() + " sample --out " + q(db) + " --force").exit_code == 0);
    fs::path pdf = dir / "briefing-de.pdf";
    auto r =
        bt::run(bt::binary() + " report --db " + q(db) + " --period 2026-10 --as-of 2026-11-02 --lang de --data-dir " +
                q(data) + " --out " + q(pdf) + " --findings-json " + q(dir / "de.json") + " --quiet");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto txt = bt::run("pdftotext -raw " + q(pdf) + " -");
    REQUIRE(txt.exit_code == 0);
    std::string t =
        std::regex_replace(txt.out, std::regex("([ \\n\\t\\f]|\u00A0)+"), " ");  // pdftotext may give NBSP as a space
    // The day's event in German, with German day, month, weekday and numbers.
    CHECK_MESSAGE(
        t.find("Am 14. Oktober kamen 445 Nachrichten, die eine Antwort brauchten, etwa 8-mal so viele wie ein "
               "normaler Mittwoch") != std::string::npos,
        t);
    CHECK(t.find("Das drückte die Nettostimmung im Oktober auf \u221225 (September: \u221213).") != std::string::npos);
    // Durations, percentages with a no-break space, thousands with a dot.
    CHECK(t.find("than 4 Std. 25 Min.") != std::string::npos);
    CHECK(t.find("38 % in Oktober") != std::string::npos);
    CHECK(std::regex_search(t, std::regex("[0-9]\\.[0-9]{3}")));
    // Every percentage on every page (tiles, chart axes, table notes) follows the file's
    // [format]: with "{n}\u00A0%" no word of the PDF is a figure glued to "%" ("90%").
    // pdftotext -bbox keeps the words apart that a space glyph separates.
    auto glued = [](const fs::path& file) {
      auto words = bt::run("pdftotext -bbox " + q(file) + " -");
      REQUIRE(words.exit_code == 0);
      std::vector<std::string> out;
      static const std::regex word(">([^<]*[0-9]%[^<]*)<");
      for (std::sregex_iterator it(words.out.begin(), words.out.end(), word), end; it != end; ++it)
        out.push_back((*it)[1]);
      return out;
    };
    CHECK(glued(pdf).empty());
    fs::path da_pdf = dir / "briefing-da.pdf";
    REQUIRE(bt::run(bt::binary() + " report --db " + q(db) +
                    " --period 2026-10 --as-of 2026-11-02 --lang da --data-dir " + q(data) + " --out " + q(da_pdf) +
                    " --quiet")
                .exit_code == 0);
    CHECK(glued(da_pdf).empty());
    // The English "38%" shows that the check sees glued figures.
    fs::path en_pdf = dir / "briefing-en.pdf";
    REQUIRE(bt::run(bt::binary() + " report --db " + q(db) +
                    " --period 2026-10 --as-of 2026-11-02 --lang en --data-dir " + q(data) + " --out " + q(en_pdf) +
                    " --quiet")
                .exit_code == 0);
    CHECK(!glued(en_pdf).empty());
    CHECK(t.find("Oktober 2026") != std::string::npos);

    // The audit trail keeps both shipped sentences and prints the German one as `sentence`.
    const std::string json = slurp(dir / "de.json");
    CHECK(json.find("\"sentence\" : \"Am **14. Oktober** kamen **445** Nachrichten") != std::string::npos);
    CHECK(json.find("\"sentence_da\" : \"Den **14. oktober** kom der **445** svarkrævende beskeder") !=
          std::string::npos);

    // A language without a file is a usage error naming the file.
    auto fr =
        bt::run(bt::binary() + " report --db " + q(db) + " --period 2026-10 --as-of 2026-11-02 --lang fr --data-dir " +
                q(data) + " --out " + q(dir / "x.pdf"));
    CHECK(fr.exit_code == 2);
    CHECK(fr.err.find("--lang 'fr': no language file ") != std::string::npos);
    CHECK(fr.err.find("(available: da, de, en)") != std::string::npos);

    // --help lists the languages of the data directory, so the new file shows up there too.
    auto help = bt::run("BOARDBRIEF_DATA_DIR=" + q(data) + " " + bt::binary() + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("language of the briefing, one of: da, de, en") != std::string::npos);
    auto shipped = bt::run(bt::binary() + " --help");
    CHECK(shipped.out.find("language of the briefing, one of: da, en") != std::string::npos);
  }
}
