// The mail's subject and body from the shipped language files: period names, the findings
// without the PDF's emphasis markers, and the line used when no finding passed the gates.
#include <doctest/doctest.h>

#include "app/deliver.h"
#include "calendar/periods.h"
#include "support/test_db.h"
#include "text/report_keys.h"

namespace ba = boardbrief::app;
namespace bt = boardbrief::testing;

namespace {

boardbrief::text::Strings language(const std::string& lang) {
  return boardbrief::text::Strings::load((bt::source_dir() / "templates/lang" / (lang + ".toml")).string(),
                                         boardbrief::text::report_keys());
}

boardbrief::findings::Finding finding(const std::string& sentence) {
  boardbrief::findings::Finding f;
  f.sentence = sentence;
  return f;
}

ba::MailPlan plan() {
  ba::MailPlan p;
  p.from = "briefings@example.com";
  p.to = {"board@example.com"};
  return p;
}

}  // namespace

TEST_SUITE("delivery") {
  TEST_CASE("the body lists the findings in order, without ** and * markers; a literal * stays") {
    auto S = language("en");
    auto period = boardbrief::calendar::parse_period("2026-Q3", date::local_days{date::year{2026} / 11 / 2});
    std::vector<boardbrief::findings::Finding> summary = {finding("Reach rose **12%** in *Q3*."),
                                                          finding("Posts: 5 * 3 = **15**.")};
    auto m = ba::compose_mail(
        plan(), {S, period, "Example Ltd", "social.db", "/reports/briefing-2026-Q3.pdf", "%PDF-1.4", summary});
    CHECK(m.subject == "Board briefing – Q3 2026 – Example Ltd");
    CHECK(m.body.rfind("The board briefing for Q3 2026 is attached (briefing-2026-Q3.pdf).\n\n", 0) == 0);
    CHECK(m.body.find("1. Reach rose 12% in Q3.\n\n2. Posts: 5 * 3 = 15.\n") != std::string::npos);
    CHECK(m.body.find("social.db") != std::string::npos);
    CHECK(m.attachment.file_name == "briefing-2026-Q3.pdf");
    CHECK(m.attachment.bytes == "%PDF-1.4");
    CHECK(m.to == std::vector<std::string>{"board@example.com"});
  }

  TEST_CASE("the key figures come before the findings: value, provisional, changes and target on one line") {
    auto S = language("da");
    auto period = boardbrief::calendar::parse_period("2026-10", date::local_days{date::year{2026} / 11 / 2});
    std::vector<boardbrief::findings::Finding> summary = {finding("Rækkevidden steg **12 %**.")};
    std::vector<ba::KeyFigure> figures = {{"Ubesvarede beskeder",
                                           "41\u00A0%",
                                           "foreløbig",
                                           {"+9 pp mod sep.", "+23 pp mod okt. 2025"},
                                           "Mål ≤ 15 %: 26 pp over"},
                                          {"Visninger", "4,6 mio.", "", {"ingen data mod okt. 2025"}, ""}};
    auto m = ba::compose_mail(plan(), {S, period, "Nørre Ålbæk Energi A/S", "demo.db", "b.pdf", "", summary, figures});
    const std::string block = S.get("mail.key_figures") +
                              ":\n"
                              "- Ubesvarede beskeder: 41\u00A0% (foreløbig), +9 pp mod sep., +23 pp mod okt. 2025; "
                              "Mål ≤ 15 %: 26 pp over\n"
                              "- Visninger: 4,6 mio., ingen data mod okt. 2025\n\n";
    CHECK(S.get("mail.key_figures") == "Nøgletal");
    const auto at = m.body.find(block);
    CHECK(at != std::string::npos);
    CHECK(at < m.body.find("1. Rækkevidden steg 12 %."));
  }

  TEST_CASE("without summary findings the body says so, in Danish") {
    auto S = language("da");
    auto period = boardbrief::calendar::parse_period("2026-10", date::local_days{date::year{2026} / 11 / 2});
    std::vector<boardbrief::findings::Finding> none;
    auto m = ba::compose_mail(plan(), {S, period, "Nørre Ålbæk Energi A/S", "demo.db", "b.pdf", "", none});
    CHECK(m.subject == "Bestyrelsesorientering – oktober 2026 – Nørre Ålbæk Energi A/S");
    CHECK(m.body.find(S.get("mail.no_findings")) != std::string::npos);
    CHECK(m.body.find("1. ") == std::string::npos);
  }
}
