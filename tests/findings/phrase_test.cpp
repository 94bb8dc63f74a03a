// Selection once, phrasing after: the engine selects language-neutral claims once; phrasing the
// one selection in English, Danish or any language file never selects, drops or reorders.
#include "findings/phrase.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "findings/engine.h"
#include "findings/engine_fixture.h"

using namespace boardbrief;
using namespace boardbrief::testing::findings_fixture;

namespace {

// en.toml with the spike sentence reworded, written as a language file of its own.
text::Strings third_language() {
  std::ifstream in(testing::source_dir() / "templates" / "lang" / "en.toml");
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  const std::string key = "\nspike = ";
  const auto at = s.find(key);
  REQUIRE(at != std::string::npos);
  s.replace(at, s.find('\n', at + 1) - at, "\nspike = \"{metric}: a peak on {date}, {ratio} the norm.\"");
  const auto dir = testing::scratch_dir("phrase-third-language");
  std::ofstream((dir / "xx.toml").string()) << s;
  return text::Strings::load((dir / "xx.toml").string());
}

// What a finding is, apart from its words: identical in every language.
void check_same_claims(const std::vector<findings::Finding>& a, const std::vector<findings::Finding>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CAPTURE(i);
    CHECK(a[i].type == b[i].type);
    CHECK(a[i].metric == b[i].metric);
    CHECK(a[i].scope == b[i].scope);
    CHECK(a[i].direction == b[i].direction);
    CHECK(a[i].period == b[i].period);
    CHECK(a[i].baseline == b[i].baseline);
    CHECK(a[i].summary == b[i].summary);
    CHECK(a[i].score == b[i].score);
    CHECK(a[i].dropped_by == b[i].dropped_by);
    CHECK(a[i].inputs == b[i].inputs);
    CHECK(a[i].absorbed.size() == b[i].absorbed.size());
    CHECK(a[i].sentence.empty() == b[i].sentence.empty());
  }
}

}  // namespace

TEST_SUITE("findings") {
  TEST_CASE("one selection phrased in English, Danish and a third language: same findings, same order, own words") {
    findings::Selection selection;
    {
      Fixture fx;
      add_example_g(fx);
      add_example_h(fx);
      add_example_b(fx);
      add_example_e(fx);
      selection = findings::select_claims(fx.input());
    }  // the report data is gone: phrasing reads nothing but the selection and the language file
    REQUIRE(selection.kept.size() >= 3);
    const auto xx_strings = third_language();
    const findings::Considered english = findings::phrase(selection, en());
    const findings::Considered danish = findings::phrase(selection, da());
    const findings::Considered third = findings::phrase(selection, xx_strings);
    for (const auto* other : {&danish, &third}) {
      check_same_claims(english.kept, other->kept);
      check_same_claims(english.dropped, other->dropped);
    }
    for (std::size_t i = 0; i < english.kept.size(); ++i) {
      CAPTURE(english.kept[i].sentence);
      CHECK_FALSE(english.kept[i].sentence.empty());
      CHECK(english.kept[i].sentence != danish.kept[i].sentence);
      CHECK_FALSE(danish.kept[i].why.empty());
    }
    // The spike is told in the third file's words, with the same figures.
    REQUIRE(english.kept[1].type == findings::Type::Anomaly);
    CHECK(english.kept[1].sentence ==
          "Negative messages spiked on **14 October** to **57** negative messages, **4.8×** the usual 12 for that "
          "weekday.");
    CHECK(third.kept[1].sentence == "Negative messages: a peak on **14 October**, **4.8×** the norm.");
    CHECK(danish.kept[1].sentence.find("**4,8\u00A0gange**") != std::string::npos);
  }

  TEST_CASE("a selection phrased twice in one language gives the same text, and the claims carry no text") {
    Fixture fx;
    add_example_h(fx);
    add_example_b(fx);
    const findings::Selection selection = findings::select_claims(fx.input());
    REQUIRE_FALSE(selection.kept.empty());
    const auto a = findings::phrase(selection, en()), b = findings::phrase(selection, en());
    REQUIRE(a.kept.size() == b.kept.size());
    for (std::size_t i = 0; i < a.kept.size(); ++i) CHECK(a.kept[i].sentence == b.kept[i].sentence);
    // consider_findings() is the same selection, phrased: nothing is selected differently.
    const auto c = findings::consider_findings(fx.input(), en());
    REQUIRE(c.kept.size() == a.kept.size());
    for (std::size_t i = 0; i < a.kept.size(); ++i) CHECK(c.kept[i].sentence == a.kept[i].sentence);
    // The claim's wording holds numbers: the impressions' level and the one compared with.
    const findings::Claim& first = selection.kept.front();
    CHECK(first.wording.form == findings::Form::LevelPercent);
    CHECK(first.wording.value == 394000);
    CHECK(first.wording.previous == 480000);
  }
}
