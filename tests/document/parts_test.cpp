// Document parts built straight from hand-made inputs (document_fixture.h), without the binary:
// the tables' rows and the folded "Other (n channels)" row, the roles that layout colours, the
// partial period's missing change columns, plural agreement and labels that stay unique once
// layout shortens them (with the tests' one fake measurer).
#include <doctest/doctest.h>

#include <set>

#include "document/appendix.h"
#include "document/channel_groups.h"
#include "document/channel_sections.h"
#include "document/dialogue_section.h"
#include "document/tiles.h"
#include "document/document_fixture.h"
#include "layout/from_document.h"
#include "layout/style.h"
#include "support/fake_measurer.h"
#include "text/number_format.h"

using namespace boardbrief;
using document::Role;
using testing::BriefingFixture;

namespace {

template <typename T>
std::vector<const T*> blocks_of(const document::Document& doc) {
  std::vector<const T*> out;
  for (const auto& b : doc.blocks)
    if (const T* t = std::get_if<T>(&b)) out.push_back(t);
  return out;
}

// The table whose first header is `header`.
const document::Table* table_headed(const document::Document& doc, const std::string& header) {
  for (const auto* t : blocks_of<document::Table>(doc))
    if (!t->spec.columns.empty() && t->spec.columns[0].header == header) return t;
  return nullptr;
}

series::DialoguePeriod messages(std::int64_t needs_reply, std::int64_t answered, std::int64_t negative = 0) {
  series::DialoguePeriod p;
  p.inbound = needs_reply;
  p.needs_reply = needs_reply;
  p.mature = needs_reply;
  p.answered = answered;
  p.unanswered_at_end = needs_reply - answered;
  p.negative = negative;
  p.positive = needs_reply - negative;
  return p;
}

// Ten own Facebook channels whose long names differ in a number at both ends, engagements 1,000 to 1,900
// (doubled since last month for the largest, the same for the rest).
void ten_channels(BriefingFixture& f) {
  double all = 0, all_before = 0;
  for (int i = 0; i < 10; ++i) {
    const auto id =
        f.channel("facebook", "Nørre Ålbæk Energi " + std::to_string(i + 1) +
                                  " Kundeservice og salg i Region Nordjylland, afdeling " + std::to_string(i + 1));
    const double now = 1000 + 100 * i, before = i == 9 ? now / 2 : now;
    f.metric("engagements", BriefingFixture::channel_scope(id), now, before);
    f.metric("posts", BriefingFixture::channel_scope(id), 10, 10);
    all += now;
    all_before += before;
  }
  f.metric("engagements", series::Scope::all_own(), all, all_before);
  f.metric("posts", series::Scope::all_own(), 100, 100);
}

}  // namespace

TEST_SUITE("document") {
  TEST_CASE("engagement table: the six largest channels, one Other row, the total, labels unique when shortened") {
    BriefingFixture f;
    ten_channels(f);
    auto in = f.input();
    document::Document doc;
    document::add_engagement_section(doc, in);
    const auto* t = table_headed(doc, f.strings.get("audience.col_channel"));
    REQUIRE(t);
    const auto& spec = t->spec;
    REQUIRE(spec.columns.size() == 8);
    REQUIRE(spec.rows.size() == 7);  // six channels and the folded rest
    for (const auto& row : spec.rows) CHECK(row.size() == spec.columns.size());
    CHECK(spec.rows[0][0].text ==
          "Facebook · 10 Kundeservice og salg i Region Nordjylland, afdeling 10");  // the largest first
    CHECK(spec.rows[0][0].platform == "facebook");
    CHECK(spec.rows[6][0].text == "Other (4 channels)");
    CHECK(spec.rows[6][0].platform.empty());  // a group is no platform
    REQUIRE(spec.total);
    CHECK((*spec.total)[0].text == "Total");
    for (const auto& c : *spec.total) CHECK(c.bold);
    // The change column: doubled engagements are favourable, an unchanged count neutral.
    CHECK(spec.rows[0][3].text == "+100%");
    CHECK(spec.rows[0][3].role == Role::Favourable);
    CHECK(spec.rows[1][3].role == Role::Neutral);
    CHECK(spec.rows[0][1].role == std::nullopt);  // a count is a plain figure
    // Laid out, the long names are shortened, and no two rows read alike.
    const testing::FakeMeasurer m;
    const auto laid = layout::table_spec(spec);
    const auto first = layout::table_first_column(m, laid, layout::style::kContentWidth);
    CHECK(first[0] != spec.rows[0][0].text);  // shortened
    CHECK(std::set<std::string>(first.begin(), first.end()).size() == first.size());
    CHECK(layout::table_names_legend(m, laid, layout::style::kContentWidth).find("Nordjylland, afdeling 10") !=
          std::string::npos);
  }

  TEST_CASE("a partial period: the tables leave out the columns that compare, and the note says why") {
    BriefingFixture f;
    ten_channels(f);
    auto in = f.input();
    document::Document complete;
    document::add_engagement_section(complete, in);
    in.partial_period = true;
    document::Document partial;
    document::add_engagement_section(partial, in);
    const auto* a = table_headed(complete, f.strings.get("audience.col_channel"));
    const auto* b = table_headed(partial, f.strings.get("audience.col_channel"));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(b->spec.columns.size() == a->spec.columns.size() - 2);  // engagements' change, the rate's change
    for (const auto& row : b->spec.rows) CHECK(row.size() == b->spec.columns.size());
    CHECK(b->spec.total->size() == b->spec.columns.size());
    CHECK(b->note.size() > a->note.size());
  }

  TEST_CASE("dialogue table: platform swatches on channel rows, the unanswered share an adverse bar with the target") {
    BriefingFixture f;
    const auto fb = f.channel("facebook", "Energi");
    const auto ig = f.channel("instagram", "Energi");
    f.dialogue(BriefingFixture::channel_scope(fb), messages(400, 200), messages(400, 360));
    f.dialogue(BriefingFixture::channel_scope(ig), messages(100, 90), messages(100, 90));
    f.dialogue(series::Scope::all_own(), messages(500, 290), messages(500, 450));
    analysis::Kpi k;
    k.metric = "unanswered_share";
    k.target = analysis::TargetStatus{0.15, true, false};
    f.kpis.push_back(k);
    auto in = f.input();
    document::Document doc;
    document::add_dialogue_section(doc, in);
    const auto* t = table_headed(doc, f.strings.get("dialogue.col_channel"));
    REQUIRE(t);
    REQUIRE(t->spec.rows.size() == 2);
    CHECK(t->spec.rows[0][0].text == "Facebook");  // most messages needing a reply first
    CHECK(t->spec.rows[0][0].platform == "facebook");
    CHECK(t->spec.rows[1][0].platform == "instagram");
    REQUIRE(t->spec.rows[0][3].bar);
    CHECK(t->spec.rows[0][3].bar->role == Role::Adverse);
    CHECK(t->spec.rows[0][3].bar->target == doctest::Approx(0.15 / 0.6));
    CHECK(t->spec.rows[0][4].text == "50%");
    // From 10 % to 50 % unanswered on 400 messages: worse, significantly.
    CHECK(t->spec.rows[0][5].role == Role::Adverse);
    REQUIRE(t->spec.total);
    CHECK((*t->spec.total)[0].platform.empty());
  }

  TEST_CASE("sentiment: the negative share an adverse bar; share of voice own, competitors and the folded rest") {
    BriefingFixture f;
    const auto own = f.channel("facebook", "Energi");
    f.dialogue(BriefingFixture::channel_scope(own), messages(200, 200, 50), messages(200, 200, 40));
    f.dialogue(series::Scope::all_own(), messages(200, 200, 50), messages(200, 200, 40));
    f.metric("mentions", series::Scope::all_own(), 300, 300);
    double market = 300;
    for (int i = 0; i < 9; ++i) {  // nine competitors: six shown, three folded
      const auto id = f.channel("x", "Rival " + std::to_string(i + 1), model::Owner::Competitor);
      f.metric("mentions", BriefingFixture::channel_scope(id), 100 - i, 100 - i);
      market += 100 - i;
    }
    f.metric("mentions", series::Scope{series::Scope::Kind::Market, "", 0}, market, market);
    auto in = f.input();
    document::Document doc;
    document::add_sentiment_section(doc, in);

    const auto bars = blocks_of<document::ShareBar>(doc);
    REQUIRE(bars.size() == 1);
    const auto& segments = bars[0]->spec.segments;
    REQUIRE(segments.size() == 8);  // own, six competitors, the rest
    CHECK(segments.front().role == Role::Own);
    CHECK(segments[1].role == Role::Competitor);
    CHECK(segments[1].name == "X · Rival 1");
    CHECK(segments.back().role == Role::Other);
    CHECK(segments.back().name == "Other (3 channels)");

    const auto* sentiment = table_headed(doc, f.strings.get("audience.col_channel"));
    REQUIRE(sentiment);
    REQUIRE(sentiment->spec.rows.size() == 1);
    REQUIRE(sentiment->spec.rows[0][4].bar);
    CHECK(sentiment->spec.rows[0][4].bar->role == Role::Adverse);
    CHECK(sentiment->spec.rows[0][4].bar->fraction == doctest::Approx(0.25));

    const auto* voice = table_headed(doc, f.strings.get("sentiment.col_name"));
    REQUIRE(voice);
    REQUIRE(voice->spec.rows.size() == 8);  // own, six competitors, the rest
    CHECK(voice->spec.rows[0][0].text == "Own channels");
    CHECK(voice->spec.rows[0][0].bold);
    CHECK(voice->spec.rows[0][2].bar->role == Role::Own);
    CHECK(voice->spec.rows[1][2].bar->role == Role::Competitor);
    CHECK(voice->spec.rows[7][0].text == "Other (3 channels)");
  }

  TEST_CASE("tiles: a significant change for the worse is adverse, a missed target too; a partial period has neither") {
    BriefingFixture f;
    analysis::Kpi k;
    k.metric = "unanswered_share";
    k.kind = analysis::ValueKind::Share;
    k.better = model::Better::Down;
    k.value = 0.38;
    k.previous = 0.30;
    k.vs_previous.significant = true;
    k.target = analysis::TargetStatus{0.15, true, false};
    const auto& ps = f.data.periods;
    document::TileContext ctx{f.strings, f.data, ps.all[ps.previous], ps.all[ps.year_ago]};
    const document::Tile t = document::make_tile(k, ctx);
    CHECK(t.label == f.strings.get("tiles.label.unanswered_share"));
    CHECK(t.value + t.unit == "38%");
    CHECK(t.vs_prev.direction == document::Direction::Up);
    CHECK(t.vs_prev.role == Role::Adverse);
    CHECK(t.vs_year.direction == document::Direction::None);  // no value a year ago
    REQUIRE(t.target_status);
    CHECK(t.target_status->role == Role::Adverse);
    CHECK(t.scale == document::SparkScale::Share);

    ctx.partial = true;
    const document::Tile p = document::make_tile(k, ctx);
    CHECK(p.vs_prev.direction == document::Direction::None);
    CHECK(p.vs_prev.role == Role::Neutral);
    CHECK(p.provisional);
  }

  TEST_CASE("plural agreement from the language file: one channel, several channels") {
    for (const char* lang : {"en", "da"}) {
      BriefingFixture f(lang);
      CHECK(document::others_label(f.strings, 1) == f.strings.get("channel_groups.others_one"));
      CHECK(document::others_label(f.strings, 4) ==
            f.strings.format("channel_groups.others", {{"n", text::format_integer(4, f.strings.language())}}));
    }
    BriefingFixture da("da");
    CHECK(document::others_label(da.strings, 1) == "Øvrige (1 kanal)");
    CHECK(document::others_label(da.strings, 3) == "Øvrige (3 kanaler)");
  }

  TEST_CASE("appendix coverage: one row per channel, the most missing days first, every metric named") {
    BriefingFixture f;
    const auto fb = f.channel("facebook", "Energi");
    const auto ig = f.channel("instagram", "Energi");
    const auto day = [](unsigned d) { return date::local_days{date::year{2026} / date::October / d}; };
    f.gaps.push_back({fb, "followers", 1, {{day(3), day(3)}}});
    f.gaps.push_back({ig, "reach", 2, {{day(30), day(31)}}});
    f.gaps.push_back({ig, "impressions", 2, {{day(30), day(31)}}});
    auto in = f.input();
    document::Document doc;
    document::add_appendix(doc, in);
    const auto* t = table_headed(doc, f.strings.get("appendix.col_channel"));
    REQUIRE(t);
    REQUIRE(t->spec.rows.size() == 2);
    CHECK(t->spec.rows[0][0].text == "Instagram");
    CHECK(t->spec.rows[0][0].platform == "instagram");
    CHECK(t->spec.rows[0][1].text == "2");
    CHECK(t->spec.rows[0][3].text ==
          f.strings.get("metric.reach.label") + ", " + f.strings.get("metric.impressions.label"));
    CHECK(t->spec.rows[1][0].text == "Facebook");
    CHECK(t->spec.rows[1][1].text == "1");
  }

  TEST_CASE("what stands out in the dialogue never repeats page 1: its findings are referred to by rank") {
    for (const char* lang : {"en", "da"}) {
      BriefingFixture f(lang);
      auto p = messages(500, 290);
      p.answered_median = series::Duration{3600, false};
      f.dialogue(series::Scope::all_own(), p, p);
      std::vector<findings::Finding> all(4);
      const char* metrics[] = {"unanswered_share", "followers", "first_response_p50", "needs_reply"};
      for (std::size_t i = 0; i < all.size(); ++i) {
        all[i].metric = metrics[i];
        all[i].sentence = "Finding " + std::to_string(i + 1);
      }
      f.findings.assign(all.begin(), all.begin() + 3);  // page 1: the first three
      auto in = f.input();
      in.summary_findings = 3;
      in.all_findings = &all;
      document::Document doc;
      document::add_dialogue_section(doc, in);
      const auto beside = blocks_of<document::ChartBeside>(doc);
      REQUIRE(beside.size() == 1);
      const auto& items = beside[0]->items;
      REQUIRE(items.size() == 2);
      CHECK(items[0].sentence == "Finding 4");  // the dialogue finding page 1 does not have
      CHECK(items[1].direction == document::Direction::None);
      CHECK(items[1].sentence ==
            f.strings.format("dialogue_refs.on_page_1",
                             {{"ranks", "1 " + f.strings.get("dialogue_refs.and") + " 3"}}));  // not "1 and 2"
    }
  }
}
