// The dialogue figures of the one ordered scan: percentiles by selection must equal the
// nearest rank of the fully sorted durations, for every period and scope, while periods close
// as the scan passes them; rows out of time order are a programming error, not wrong figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <stdexcept>

#include "calendar/periods.h"
#include "series/backlog.h"
#include "series/build.h"
#include "store/database.h"
#include "support/test_db.h"

using namespace boardbrief;

namespace {

std::vector<model::Channel> channels() {
  std::vector<model::Channel> out(4);
  const char* platforms[] = {"facebook", "facebook", "x", "x"};
  for (int i = 0; i < 4; ++i) {
    out[i].id = i + 1;
    out[i].platform = platforms[i];
    out[i].handle = "@c" + std::to_string(i + 1);
    out[i].owner = i == 3 ? model::Owner::Competitor : model::Owner::Own;
  }
  return out;
}

// Nearest rank (type 1) by sorting: the reference the selection must match.
std::optional<series::Duration> by_sorting(std::vector<std::int64_t> v, std::int64_t pct) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const auto k = (pct * static_cast<std::int64_t>(v.size()) + 99) / 100;
  const auto d = v[static_cast<std::size_t>(k - 1)];
  return d == INT64_MAX ? series::Duration{0, true} : series::Duration{d, false};
}

void check_same(const std::optional<series::Duration>& got, const std::optional<series::Duration>& want) {
  REQUIRE(got.has_value() == want.has_value());
  if (!got) return;
  CHECK(got->infinite == want->infinite);
  CHECK(got->seconds == want->seconds);
}

}  // namespace

TEST_SUITE("series") {
  TEST_CASE("percentiles by selection equal the sorted nearest rank in every period and scope") {
    const date::local_days as_of{date::year{2026} / date::November / 2};
    const auto set = series::make_period_set(calendar::parse_period("2026-10", as_of));
    const calendar::TimeZone tz("Europe/Copenhagen");
    const auto chans = channels();
    const std::int64_t window = 72 * 3600;
    const std::int64_t cutoff = tz.start_of(as_of).time_since_epoch().count();
    series::DialogueBuilder builder(set, chans, tz, cutoff, window);

    // Random rows over the window, with many ties (whole minutes) and unanswered messages.
    std::mt19937_64 rng(42);
    std::vector<model::InteractionRow> rows;
    for (int i = 0; i < 20000; ++i) {
      model::InteractionRow r;
      r.channel_id = 1 + static_cast<std::int64_t>(rng() % 4);
      r.received =
          builder.scan_begin() +
          static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(builder.scan_end() - builder.scan_begin()));
      r.needs_reply = rng() % 3 != 0;
      const auto u = rng() % 10;
      if (u < 7)
        r.first_reply = r.received + 60 * static_cast<std::int64_t>(rng() % 600);
      else if (u < 8)
        r.first_reply = r.received + window + 3600;  // too late: unanswered
      rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.received < b.received; });
    for (const auto& r : rows) builder.add(r);
    auto out = builder.finish();

    // The reference for "all own channels": the durations of each period, as add_to defines them.
    const auto& all = out.at(series::Scope::all_own().key());
    std::int64_t checked = 0;
    for (std::size_t p = 0; p < set.all.size(); ++p) {
      const auto range = tz.utc_range(set.all[p]);
      const auto b = range.begin.time_since_epoch().count(), e = range.end.time_since_epoch().count();
      std::vector<std::int64_t> durations, answered;
      for (const auto& r : rows) {
        if (r.channel_id == 4 || !r.needs_reply || r.received < b || r.received >= e) continue;
        if (cutoff - r.received < window) continue;
        const bool replied = r.first_reply && *r.first_reply <= cutoff;
        std::int64_t d = replied ? *r.first_reply - r.received : INT64_MAX;
        if (d > window) d = INT64_MAX;
        durations.push_back(d);
        if (d != INT64_MAX) answered.push_back(d);
      }
      CAPTURE(p);
      CHECK(all.periods[p].mature == static_cast<std::int64_t>(durations.size()));
      check_same(all.periods[p].frt_p50, by_sorting(durations, 50));
      check_same(all.periods[p].frt_p90, by_sorting(durations, 90));
      check_same(all.periods[p].answered_median, by_sorting(answered, 50));
      checked += static_cast<std::int64_t>(durations.size());
    }
    CHECK(checked > 10000);
    CHECK(out.count("channel:4") == 0);  // competitors have no dialogue
  }

  TEST_CASE("a row for a period the scan has already passed is refused") {
    const date::local_days as_of{date::year{2026} / date::November / 2};
    const auto set = series::make_period_set(calendar::parse_period("2026-10", as_of));
    const calendar::TimeZone tz("Europe/Copenhagen");
    const auto chans = channels();
    series::DialogueBuilder builder(set, chans, tz, tz.start_of(as_of).time_since_epoch().count(), 72 * 3600);
    model::InteractionRow late, early;
    late.channel_id = early.channel_id = 1;
    late.received = builder.scan_end() - 60;
    early.received = builder.scan_begin() + 60;
    builder.add(early);
    builder.add(late);
    CHECK_THROWS_AS(builder.add(early), std::logic_error);
  }

  TEST_CASE("rows out of order by less than a day across a period end are still counted") {
    // The store orders by received_at text; "2026-10-01 08:00:00" sorts before
    // "2026-10-01T07:00:00Z", so rows of one date may come a few hours out of time order.
    const date::local_days as_of{date::year{2026} / date::November / 2};
    const auto set = series::make_period_set(calendar::parse_period("2026-10", as_of));
    const calendar::TimeZone tz("Europe/Copenhagen");
    const auto chans = channels();
    series::DialogueBuilder builder(set, chans, tz, tz.start_of(as_of).time_since_epoch().count(), 72 * 3600);
    const auto september_end = tz.utc_range(set.all[set.previous]).end.time_since_epoch().count();
    model::InteractionRow after, before;
    after.channel_id = before.channel_id = 1;
    after.received = september_end + 3 * 3600;
    before.received = september_end - 5 * 3600;
    builder.add(after);
    CHECK_NOTHROW(builder.add(before));
    auto out = builder.finish();
    const auto& all = out.at(series::Scope::all_own().key());
    CHECK(all.periods[set.previous].inbound == 1);
    CHECK(all.periods[set.report].inbound == 1);
  }

  TEST_CASE("the backlog counts messages open at the instant, per channel") {
    series::BacklogCounter backlog(1000);
    auto row = [](std::int64_t ch, std::int64_t at, bool needs, std::optional<std::int64_t> reply) {
      model::InteractionRow r;
      r.channel_id = ch;
      r.received = at;
      r.needs_reply = needs;
      r.first_reply = reply;
      return r;
    };
    backlog.add(row(2, 10, true, std::nullopt));    // open
    backlog.add(row(2, 20, true, 999));             // answered before the instant
    backlog.add(row(1, 30, true, 1000));            // answered at the instant: still open before it
    backlog.add(row(1, 40, false, std::nullopt));   // needs no reply
    backlog.add(row(2, 1000, true, std::nullopt));  // not yet received
    backlog.add(row(2, 50, true, std::nullopt));    // open
    using P = std::pair<std::int64_t, std::int64_t>;
    CHECK(backlog.result() == std::vector<P>{{1, 1}, {2, 2}});
  }

  TEST_CASE("an instant spelt with a space for the T is a bad row, never a message in the wrong period") {
    // 23:00 UTC on 30 September is already October in Copenhagen; its space spelling sorts
    // before the 'T' spelling of 21:00 the same date, which is still September: read as an
    // instant it would arrive out of order at a period's edge, so the store rejects it as
    // `boardbrief check` does and counts it as a bad row (docs/data-contract.md, "Instant format").
    auto dir = boardbrief::testing::scratch_dir("dialogue-mixed-spelling");
    const std::string path = (dir / "m.db").string();
    boardbrief::testing::make_db(path, boardbrief::testing::schema_sql() + R"sql(
      INSERT INTO channel VALUES (1, 'x', '@a', 'A', 'own');
      INSERT INTO interaction VALUES (1, 1, '2026-09-30T21:00:00Z', 'message', 1, NULL, NULL, NULL),
                                     (2, 1, '2026-09-30 23:00:00', 'message', 1, NULL, NULL, NULL);
    )sql");
    const date::local_days as_of{date::year{2026} / date::November / 2};
    const auto set = series::make_period_set(calendar::parse_period("2026-10", as_of));
    const calendar::TimeZone tz("Europe/Copenhagen");
    const auto chans = channels();
    series::DialogueBuilder builder(set, chans, tz, tz.start_of(as_of).time_since_epoch().count(), 72 * 3600);
    store::Database db(path);
    std::vector<std::int64_t> order;
    db.scan_interactions(builder.scan_begin(), builder.scan_end(), [&](const model::InteractionRow& r) {
      order.push_back(r.received);
      builder.add(r);
    });
    CHECK(order.size() == 1);
    CHECK(db.data_quality().bad_received_at == 1);
    auto out = builder.finish();
    const auto& all = out.at(series::Scope::all_own().key());
    CHECK(all.periods[set.previous].needs_reply == 1);
    CHECK(all.periods[set.report].needs_reply == 0);
  }

  TEST_CASE("business time measured for the report period only gives that period the same median") {
    const date::local_days as_of{date::year{2026} / date::November / 2};
    const auto set = series::make_period_set(calendar::parse_period("2026-10", as_of));
    const calendar::TimeZone tz("Europe/Copenhagen");
    const auto chans = channels();
    const std::int64_t cutoff = tz.start_of(as_of).time_since_epoch().count();
    // A stand-in clock: business time is two thirds of the calendar time (any function will do).
    std::int64_t calls_all = 0, calls_one = 0;
    series::DialogueBuilder all(set, chans, tz, cutoff, 72 * 3600), one(set, chans, tz, cutoff, 72 * 3600);
    all.measure_business_time([&](std::int64_t a, std::int64_t b) {
      ++calls_all;
      return (b - a) * 2 / 3;
    });
    one.measure_business_time(
        [&](std::int64_t a, std::int64_t b) {
          ++calls_one;
          return (b - a) * 2 / 3;
        },
        set.report);
    std::mt19937_64 rng(3);
    std::vector<model::InteractionRow> rows;
    for (int i = 0; i < 5000; ++i) {
      model::InteractionRow r;
      r.channel_id = 1 + static_cast<std::int64_t>(rng() % 3);
      r.received = all.scan_begin() +
                   static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(all.scan_end() - all.scan_begin()));
      r.needs_reply = true;
      if (rng() % 4) r.first_reply = r.received + 60 * static_cast<std::int64_t>(rng() % 3000);
      rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.received < b.received; });
    for (const auto& r : rows) {
      all.add(r);
      one.add(r);
    }
    const auto a = all.finish(), o = one.finish();
    for (const auto& [key, series_all] : a) {
      const auto& series_one = o.at(key);
      for (std::size_t p = 0; p < set.all.size(); ++p) {
        CAPTURE(key);
        CAPTURE(p);
        if (p == set.report) {
          REQUIRE(series_all.periods[p].business_p50.has_value() == series_one.periods[p].business_p50.has_value());
          if (series_all.periods[p].business_p50)
            CHECK(series_all.periods[p].business_p50->seconds == series_one.periods[p].business_p50->seconds);
        } else {
          CHECK_FALSE(series_one.periods[p].business_p50.has_value());
        }
      }
    }
    CHECK(a.at("all").periods[set.report].business_p50.has_value());
    CHECK(calls_one > 0);
    CHECK(calls_one * 5 < calls_all);  // one month of thirteen
  }
}
