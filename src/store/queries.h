// The SQL of the report's bulk reads, in one place so that tests/store/query_plan_test.cpp can
// check with EXPLAIN QUERY PLAN that they stay on the indexes the data contract lists
// (docs/data-contract.md, "Indexes"): ranges, never a full scan or an automatic index.
#pragma once

namespace boardbrief::store {

// Daily rows of catalogued channels and metrics with ?1 <= day <= ?2, in primary-key order
// (channel, metric, day). The CROSS JOINs fix the plan: one primary-key range per channel and
// metric, read sequentially. The day index would find the same rows, but every hit then costs
// a second B-tree descent into the WITHOUT ROWID table: 8x slower at 1.5M rows
// (docs/performance.md).
inline constexpr const char* kDailyByKeySql =
    "SELECT d.channel_id, d.metric, d.day, d.value "
    "FROM channel c NOT INDEXED CROSS JOIN metric m CROSS JOIN daily_metric d "
    "WHERE d.channel_id = c.id AND d.metric = m.key AND d.day BETWEEN ?1 AND ?2";

// The same rows for one channel (?1) and metric (?2) with ?3 <= day <= ?4: the aggregation
// steps this once per catalogued channel and metric, so each row only hands over its day and
// value (no per-row channel and metric columns to read and compare). ORDER BY day is what makes
// `last` the latest day: the primary key gives that order for free (no sort in the plan), but a
// table without it (the contract allows one) returns rows in insertion order, and a corrected
// day re-inserted after later days would win (docs/data-contract.md, "aggregation").
inline constexpr const char* kDailyOfSeriesSql =
    "SELECT day, value FROM daily_metric WHERE channel_id = ?1 AND metric = ?2 AND day BETWEEN ?3 AND ?4 "
    "ORDER BY day";

// Every catalogued channel and metric, in the order of the primary key.
inline constexpr const char* kSeriesSql = "SELECT c.id, m.key FROM channel c CROSS JOIN metric m ORDER BY c.id, m.key";

// Interactions with ?1 <= received_at < ?2 in received_at order: one range on the received_at
// index. The bounds are text in the contract's fixed format, so text order is time order.
inline constexpr const char* kInteractionScanSql =
    "SELECT id, channel_id, received_at, needs_reply, first_reply_at, sentiment, topic "
    "FROM interaction WHERE received_at >= ?1 AND received_at < ?2 ORDER BY received_at";

// Interactions whose received_at cannot be placed in time, so the range scan above never meets
// them: numbers (a Unix epoch written as an integer sorts before all text), text before 1970 in
// text order (an epoch written as text, '1729000000'), and text after year 9999 (words such as
// 'yesterday', blobs). Two ranges on the received_at index: nothing is read when all is well.
inline constexpr const char* kUnplacedInteractionsSql =
    "SELECT id, received_at FROM interaction WHERE received_at < '1970-01-01T00:00:00Z' UNION ALL "
    "SELECT id, received_at FROM interaction WHERE received_at > '9999-12-31T23:59:59Z'";

}  // namespace boardbrief::store
