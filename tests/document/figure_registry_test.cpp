// The figure registry's parts (docs/figures.md): a figure belongs to the block pushed next,
// the composed pages give it its pages (merged per key and text, a dropped block none), a
// finding's bold figure joins the registered figure of its measure and scope, and one rule
// colours every change.
#include <doctest/doctest.h>

#include "app/printed_figures.h"
#include "document/colour_rule.h"
#include "document/document.h"
#include "document/figures.h"

using namespace boardbrief;

TEST_SUITE("document") {
  TEST_CASE("figure registry: the next block's figure, its pages merged per key and text") {
    document::Document doc;
    document::FigureSink sink(&doc);
    sink.add("unanswered_share.all.2026-10", "Unanswered messages, all own channels, October 2026", "all", "2026-10",
             0.3837, "38%");
    doc.blocks.push_back(document::Paragraph{"38%"});  // block 0
    doc.blocks.push_back(document::PageBreak{});       // block 1
    sink.add("unanswered_share.all.2026-10", "Unanswered messages, all own channels, October 2026", "all", "2026-10",
             0.3837, "38%");
    sink.add("unanswered.all.2026-10", "Unanswered messages, count, all own channels, October 2026", "all", "2026-10",
             777, "777");
    doc.blocks.push_back(document::Paragraph{"38% · 777"});  // block 2
    sink.add("rows.interactions.2026-10", "Interactions read", "database", "2026-10", 54070, "54,070");
    doc.blocks.push_back(document::Provenance{});  // block 3: left out by the layout
    REQUIRE(doc.figures.size() == 4);
    CHECK(doc.figures[0].block == 0);
    CHECK(doc.figures[1].block == 2);
    CHECK(doc.figures[3].block == 3);
    sink.add("empty", "nothing printed", "all", "2026-10", 0, "");  // no text: nothing registered
    CHECK(doc.figures.size() == 4);

    layout::ComposedDocument pages;
    pages.block_first_page = {0, 1, 1, -1};
    pages.block_last_page = {0, 1, 1, -1};
    auto printed = app::printed_figures(doc, pages);
    REQUIRE(printed.size() == 2);
    CHECK(printed[0].key == "unanswered_share.all.2026-10");
    CHECK(printed[0].pages == std::vector<int>{1, 2});
    CHECK(printed[1].pages == std::vector<int>{2});
  }

  TEST_CASE("figure registry: a finding's bold figure joins the figure of its measure and scope") {
    document::Document doc;
    document::FigureSink sink(&doc);
    sink.add("unanswered_share.channel:facebook:fb.2026-10", "Unanswered messages, Facebook, October 2026",
             "channel:facebook:fb", "2026-10", 0.391, "39%");
    sink.add("unanswered_share.all.2026-10", "Unanswered messages, all own channels, October 2026", "all", "2026-10",
             0.3837, "38%");
    doc.blocks.push_back(document::Paragraph{"table"});
    sink.add_finding("unanswered_share", "platform:facebook",
                     "Facebook rose to **39%** in **October** (up **8 points**)");
    sink.add_finding("unanswered_share", "all", "**39%** is not the all-channel figure");
    doc.blocks.push_back(document::Paragraph{"findings"});
    // "39%" for Facebook matches; "8 points" matches nothing; "39%" for all channels is
    // another measure's scope and stays unmatched; "October" is no figure.
    CHECK(document::resolve_finding_figures(doc) == 2);
    REQUIRE(doc.figures.size() == 3);
    CHECK(doc.figures[2].key == "unanswered_share.channel:facebook:fb.2026-10");
    CHECK(doc.figures[2].block == 1);
  }

  TEST_CASE("one verdict rule: significant changes by the better direction, the rest neutral") {
    using document::change_role;
    using document::Role;
    CHECK(change_role(true, 5, model::Better::Down) == Role::Adverse);
    CHECK(change_role(true, -5, model::Better::Down) == Role::Favourable);
    CHECK(change_role(true, 5, model::Better::Up) == Role::Favourable);
    CHECK(change_role(false, 5, model::Better::Down) == Role::Neutral);  // not significant
    CHECK(change_role(true, 0, model::Better::Down) == Role::Neutral);   // shows as "±0"
    CHECK(change_role(true, 5, model::Better::None) == Role::Neutral);   // no better direction
  }
}
