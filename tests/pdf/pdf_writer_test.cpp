// The real libharu output, checked with independent readers (qpdf, poppler, mupdf).
#include "pdf/pdf_writer.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "base/atomic_file.h"
#include "base/error.h"
#include "sample_document.h"
#include "support/test_db.h"

namespace boardbrief::pdf {

using layout::FontFace;
using testing::run;

TEST_SUITE("pdf") {
  TEST_CASE("the sample briefing passes qpdf --check without warnings") {
    const auto file = sample::write_pdf("pdf-qpdf");
    const auto r = run("qpdf --check '" + file + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(r.out.find("WARNING") == std::string::npos);
    CHECK(r.err.empty());
  }

  TEST_CASE("Danish text extracts exactly and poppler prints no warning") {
    const auto file = sample::write_pdf("pdf-text");
    const auto r = run("pdftotext -enc UTF-8 '" + file + "' -");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("Warning") == std::string::npos);
    CHECK(r.out.find(sample::kDanish) != std::string::npos);
    CHECK(r.out.find("Fed overskrift ÆØÅ") != std::string::npos);
    CHECK(r.out.find("Kursiv note – æøå") != std::string::npos);
    CHECK(r.out.find("KPI NØGLETAL") != std::string::npos);  // letter-spaced run
    CHECK(r.out.find("Side 2 – afsluttende") != std::string::npos);
  }

  TEST_CASE("mupdf extracts the same Danish text") {
    const auto file = sample::write_pdf("pdf-mupdf");
    const auto r = run("mutool draw -F txt -o - '" + file + "' 1");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(sample::kDanish) != std::string::npos);
    // This mupdf build is without lcms; that warning is about the tool, not the file.
    std::string err = r.err;
    const std::string icc = "warning: ICC support is not available\n";
    if (err.find(icc) == 0) err.erase(0, icc.size());
    CHECK(err.find("warning") == std::string::npos);
  }

  TEST_CASE("pdffonts lists three embedded, subset, Unicode-mapped TrueType fonts") {
    const auto file = sample::write_pdf("pdf-fonts");
    const auto r = run("pdffonts '" + file + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    int fonts = 0;
    std::size_t line_start = 0;
    for (std::size_t end; (end = r.out.find('\n', line_start)) != std::string::npos; line_start = end + 1) {
      const std::string line = r.out.substr(line_start, end - line_start);
      if (line.find("HPDFA") != 0) continue;
      ++fonts;
      INFO(line);
      CHECK(line.find("CID TrueType") != std::string::npos);
      CHECK(line.find("Identity-H") != std::string::npos);
      CHECK(line.find("yes yes yes") != std::string::npos);  // emb sub uni
    }
    CHECK(fonts == 3);
    CHECK(r.out.find("Lato-Bold") != std::string::npos);
    CHECK(r.out.find("Lato-Italic") != std::string::npos);
  }

  TEST_CASE("pdfinfo shows the metadata, the dates from info.created and two A4 pages") {
    const auto file = sample::write_pdf("pdf-info");
    const auto r = run("pdfinfo -isodates '" + file + "'");
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Title:           Ledelsesrapport – 3. kvartal æøå") != std::string::npos);
    CHECK(r.out.find("Author:          Nørre Ålbæk Energi A/S") != std::string::npos);
    CHECK(r.out.find("Subject:         Nøgletal “KPI”") != std::string::npos);
    CHECK(r.out.find("Keywords:        ledelse, økonomi") != std::string::npos);
    CHECK(r.out.find("Creator:         boardbrief 0.1.0") != std::string::npos);
    CHECK(r.out.find("Producer:        boardbrief\n") != std::string::npos);
    CHECK(r.out.find("CreationDate:    2026-10-01T08:30:05Z") != std::string::npos);
    CHECK(r.out.find("ModDate:         2026-10-01T08:30:05Z") != std::string::npos);
    CHECK(r.out.find("Pages:           2") != std::string::npos);
    CHECK(r.out.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(r.out.find("Haru") == std::string::npos);
  }

  TEST_CASE("bookmarks become UTF-8 outlines and the viewer opens with them") {
    const auto file = sample::write_pdf("pdf-outline");
    const auto outline = run("mutool show '" + file + "' outline");
    CHECK(outline.exit_code == 0);
    CHECK(outline.out.find("Overblik – nøgletal") != std::string::npos);
    CHECK(outline.out.find("Økonomi & €") != std::string::npos);
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + file + "' -");
    CHECK(qdf.out.find("/PageMode /UseOutlines") != std::string::npos);
    // [page /XYZ left top zoom]: the top of the page at zoom 1 (libharu rejects 0).
    CHECK(qdf.out.find("/XYZ\n  0\n  841.89001\n  1\n]") != std::string::npos);
  }

  TEST_CASE("the same input renders to the same bytes") { CHECK(sample::render() == sample::render()); }

  TEST_CASE("render may be called only once per writer") {
    PdfWriter writer(sample::lato());
    writer.render({}, sample::info());
    CHECK_THROWS_AS(writer.render({}, sample::info()), std::logic_error);
  }

  TEST_CASE("widths are positive, additive and scale with the size") {
    const PdfWriter writer(sample::lato());
    CHECK(writer.width(FontFace::Regular, 10, "æøå") > 0);
    CHECK(writer.width(FontFace::Regular, 10, "") == 0);
    const double ab = writer.width(FontFace::Regular, 10, "ab");
    CHECK(ab == doctest::Approx(writer.width(FontFace::Regular, 10, "a") + writer.width(FontFace::Regular, 10, "b"))
                    .epsilon(1e-12));
    CHECK(writer.width(FontFace::Regular, 20, "ab") == doctest::Approx(2 * ab).epsilon(1e-12));
    CHECK(writer.width(FontFace::Bold, 10, "Ålbæk") > writer.width(FontFace::Regular, 10, "Ålbæk"));
    const double ascent = writer.ascent(FontFace::Regular, 10);
    CHECK(ascent > 5);
    CHECK(ascent < 12);
  }

  TEST_CASE("characters the font cannot show measure and draw as '?'") {
    const PdfWriter writer(sample::lato());
    const double question = writer.width(FontFace::Regular, 10, "?");
    CHECK(writer.width(FontFace::Regular, 10, "😀") == doctest::Approx(question));
    CHECK(writer.width(FontFace::Regular, 10, "\xE4\xB8\xAD") == doctest::Approx(question));  // 中
    CHECK(writer.width(FontFace::Regular, 10, "\xFF") == doctest::Approx(question));
  }

  TEST_CASE("an emoji in text does not break extraction") {
    const auto file = sample::write_pdf("pdf-emoji");
    const auto r = run("pdftotext -enc UTF-8 '" + file + "' -");
    CHECK(r.err.find("Warning") == std::string::npos);
    CHECK(r.out.find("Flot kvartal ? tak") != std::string::npos);
  }

  TEST_CASE("a missing font file is a DataError naming it") {
    FontFiles files = sample::lato();
    files.bold = "/nonexistent/Lato-Bold.ttf";
    CHECK_THROWS_WITH_AS(PdfWriter{files}, "cannot read font '/nonexistent/Lato-Bold.ttf': No such file or directory",
                         DataError);
  }

  TEST_CASE("a file that is not a TrueType font is a DataError naming it") {
    const auto dir = testing::scratch_dir("pdf-badfont");
    const std::string text = (dir / "notes.ttf").string();
    std::ofstream(text) << "This is a text file, not a font.\n";
    FontFiles files = sample::lato();
    files.italic = text;
    CHECK_THROWS_WITH_AS(PdfWriter{files}, ("font '" + text + "' is not a TrueType font").c_str(), DataError);

    // The right magic but a cut-off file: libharu would fail silently or embed garbage.
    const std::string cut = (dir / "cut.ttf").string();
    {
      std::ifstream in(files.regular, std::ios::binary);
      std::string head(5000, '\0');
      in.read(head.data(), static_cast<std::streamsize>(head.size()));
      std::ofstream(cut, std::ios::binary) << head;
    }
    files.italic = cut;
    CHECK_THROWS_AS(PdfWriter{files}, DataError);

    files.italic = dir.string();  // a directory
    const std::string not_regular = dir.string() + ": a directory, not a regular file; a font must be a regular file";
    CHECK_THROWS_WITH_AS(PdfWriter{files}, not_regular.c_str(), DataError);
  }
}

}  // namespace boardbrief::pdf
