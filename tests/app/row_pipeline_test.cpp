// The scan's second thread: every row reaches the consumer once, in scan order, across batch
// boundaries; a consumer's exception comes back from finish(); leaving early joins cleanly.
#include "app/row_pipeline.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

using boardbrief::app::RowPipeline;
using boardbrief::model::InteractionRow;

namespace {

InteractionRow row(std::int64_t i) {
  InteractionRow r;
  r.received = i;
  r.channel_id = i % 7;
  if (i % 3 == 0) r.first_reply = i + 60;
  return r;
}

}  // namespace

TEST_SUITE("app") {
  TEST_CASE("row pipeline: all rows in order, batch sizes that do and do not divide the count") {
    for (std::size_t batch : {1u, 3u, 1000u, 4096u}) {
      std::vector<std::int64_t> seen;
      std::int64_t replies = 0;
      RowPipeline p(
          [&](const InteractionRow& r) {
            seen.push_back(r.received);
            if (r.first_reply) ++replies;
          },
          batch);
      for (std::int64_t i = 0; i < 10007; ++i) p.push(row(i));
      p.finish();
      REQUIRE(seen.size() == 10007);
      bool ordered = true;
      for (std::size_t i = 0; i < seen.size(); ++i) ordered = ordered && seen[i] == static_cast<std::int64_t>(i);
      CHECK(ordered);
      CHECK(replies == 3336);
    }
  }

  TEST_CASE("row pipeline: the consumer's exception is rethrown by finish, later rows are skipped") {
    int consumed = 0;
    RowPipeline p(
        [&](const InteractionRow& r) {
          ++consumed;
          if (r.received == 50) throw std::logic_error("rows out of order");
        },
        16);
    for (std::int64_t i = 0; i < 1000; ++i) p.push(row(i));
    CHECK_THROWS_WITH_AS(p.finish(), "rows out of order", std::logic_error);
    CHECK(consumed == 51);
  }

  TEST_CASE("row pipeline: an exception in the producer (the scan) leaves through the destructor") {
    int consumed = 0;
    auto scan = [&] {
      RowPipeline p([&](const InteractionRow&) { ++consumed; }, 8);
      for (std::int64_t i = 0; i < 100; ++i) p.push(row(i));
      throw std::runtime_error("database is locked");
    };
    CHECK_THROWS_AS(scan(), std::runtime_error);
    CHECK(consumed <= 100);
  }
}
