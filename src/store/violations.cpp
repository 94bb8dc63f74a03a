#include "store/violations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>

#include "base/quote.h"
#include "store/contract.h"
#include "store/database.h"

namespace boardbrief::store {

namespace {

// NOTE: SQLite's date() accepts day 31 in every month; a '+0 days' modifier normalises the
// value, so comparing with the original detects impossible days such as 2026-02-30.
struct Rule {
  const char* table;
  const char* rule;
  const char* where;    // SQL condition on the table's rows (constant text, never user input)
  const char* example;  // SQL expression describing one offending row
};

// What may follow the seconds of a UTC instant: fractional seconds, then nothing, "Z" or
// "+00:00" — exactly what the report's parser (store/timestamp.cpp) accepts, so `check` and
// `report` judge every row alike. A macro because the rules below are constant text.
#define UTC_SUFFIX_OK(col)                                                           \
  "(CASE WHEN substr(" col ", 20, 1) = '.' THEN substr(" col                         \
  ", 21, 1) GLOB '[0-9]' AND "                                                       \
  "ltrim(substr(" col ", 21), '0123456789') IN ('', 'Z', '+00:00') ELSE substr(" col \
  ", 20) "                                                                           \
  "IN ('', 'Z', '+00:00') END)"

// Each rule is a constant SQL fragment; no user text is ever spliced into SQL.
const Rule kRules[] = {
    {"daily_metric", "day is not a real day in the form YYYY-MM-DD",
     "typeof(day) != 'text' OR day IS NOT date(day, '+0 days')",
     "'channel ' || channel_id || ', ' || metric || ': ' || quote(day)"},
    {"daily_metric", "metric is not in the metric catalogue", "metric NOT IN (SELECT key FROM metric)",
     "'channel ' || channel_id || ', day ' || day || ': ' || quote(metric)"},
    {"daily_metric", "channel_id is not in table channel", "channel_id NOT IN (SELECT id FROM channel)",
     "'channel ' || quote(channel_id) || ', ' || metric || ', ' || day"},
    {"daily_metric", "value is not a number", "typeof(value) NOT IN ('integer', 'real')",
     "'channel ' || channel_id || ', ' || metric || ', ' || day || ': ' || quote(value)"},
    {"daily_metric", "value is negative", "typeof(value) IN ('integer', 'real') AND value < 0",
     "'channel ' || channel_id || ', ' || metric || ', ' || day || ': ' || value"},
    {"daily_metric", "value is absurdly large (over 1e12)",
     "typeof(value) IN ('integer', 'real') AND abs(value) > 1e12",
     "'channel ' || channel_id || ', ' || metric || ', ' || day || ': ' || value"},
    {"interaction", "received_at is not a UTC instant YYYY-MM-DDTHH:MM:SSZ",
     "typeof(received_at) != 'text' OR length(received_at) < 19 OR "
     "substr(received_at, 1, 19) IS NOT strftime('%Y-%m-%dT%H:%M:%S', received_at, '+0 seconds') OR "
     "NOT " UTC_SUFFIX_OK("received_at"),
     "'row id ' || id || ': ' || quote(received_at)"},
    {"interaction", "first_reply_at is not a UTC instant YYYY-MM-DDTHH:MM:SSZ",
     "first_reply_at IS NOT NULL AND (typeof(first_reply_at) != 'text' OR length(first_reply_at) < 19 OR "
     "substr(first_reply_at, 1, 19) IS NOT strftime('%Y-%m-%dT%H:%M:%S', first_reply_at, '+0 seconds') OR "
     "NOT " UTC_SUFFIX_OK("first_reply_at") ")",
     "'row id ' || id || ': ' || quote(first_reply_at)"},
    {"interaction", "first_reply_at is before received_at",
     "first_reply_at IS NOT NULL AND julianday(first_reply_at) < julianday(received_at)",
     "'row id ' || id || ': received ' || received_at || ', replied ' || first_reply_at"},
    {"interaction", "channel_id is not in table channel", "channel_id NOT IN (SELECT id FROM channel)",
     "'row id ' || id || ': channel ' || quote(channel_id)"},
    {"interaction", "needs_reply is not 0 or 1", "needs_reply NOT IN (0, 1)",
     "'row id ' || id || ': ' || quote(needs_reply)"},
    {"interaction", "sentiment is outside [-1, 1]",
     "sentiment IS NOT NULL AND (typeof(sentiment) NOT IN ('integer', 'real') OR sentiment < -1 OR sentiment > 1)",
     "'row id ' || id || ': ' || quote(sentiment)"},
    {"channel", "id is not unique", "id IN (SELECT id FROM channel GROUP BY id HAVING COUNT(*) > 1)",
     "'id ' || quote(id)"},
    {"metric", "key is not unique", "key IN (SELECT key FROM metric GROUP BY key HAVING COUNT(*) > 1)", "quote(key)"},
    {"daily_metric", "(channel_id, metric, day) is not unique",
     "(channel_id, metric, day) IN (SELECT channel_id, metric, day FROM daily_metric GROUP BY 1, 2, 3 HAVING COUNT(*) "
     "> 1)",
     "'channel ' || channel_id || ', ' || metric || ', ' || day"},
    {"daily_metric", "value is infinite", "typeof(value) = 'real' AND abs(value) > 1e308",
     "'channel ' || channel_id || ', ' || metric || ', ' || day"},
    {"channel", "owner is neither 'own' nor 'competitor'", "owner NOT IN ('own', 'competitor')",
     "'id ' || id || ': ' || quote(owner)"},
    {"metric", "aggregation is not sum, last, mean or max", "aggregation NOT IN ('sum', 'last', 'mean', 'max')",
     "quote(key) || ': ' || quote(aggregation)"},
    {"metric", "better is not up, down or none", "better NOT IN ('up', 'down', 'none')",
     "quote(key) || ': ' || quote(better)"},
};
#undef UTC_SUFFIX_OK

// The target table is optional and small: its rows are judged in C++ with the bounds the report
// applies (store/contract.h), so `check` and the report cannot disagree.
void add_target_violations(Database& db, std::vector<Violation>& out) {
  if (db.count_rows("target") == 0) return;  // absent or empty
  Violation not_number{"target", "value is not a number", 0, ""};
  Violation outside{"target",
                    "value is outside the bounds of its metric (shares 0..1, net_sentiment -100..100, "
                    "first_response_* 0..43200 minutes, counts 0..1e15)",
                    0, ""};
  Violation bad_day{"target", "valid_from or valid_to is not a real day in the form YYYY-MM-DD", 0, ""};
  auto add = [](Violation& v, const std::string& example) {
    if (v.rows++ == 0) v.example = example;
  };
  db.query_rows(
      "SELECT rowid, metric, typeof(value), quote(value), valid_from IS date(valid_from, '+0 days'), "
      "valid_to IS date(valid_to, '+0 days'), quote(valid_from), quote(valid_to) FROM target ORDER BY rowid",
      [&](const std::vector<std::string>& r) {
        const std::string row = "row " + r[0] + ", " + r[1] + ": ";
        if (r[4] != "1" || r[5] != "1") add(bad_day, row + r[6] + " to " + r[7]);
        if (r[2] != "integer" && r[2] != "real") {
          add(not_number, row + r[3]);
          return;
        }
        const double v = std::strtod(r[3].c_str(), nullptr);
        const TargetBounds b = target_bounds(r[1]);
        if (!(v >= b.low && v <= b.high)) add(outside, row + r[3]);
      });
  for (auto* v : {&not_number, &outside, &bad_day})
    if (v->rows > 0) out.push_back(*v);
}

}  // namespace

std::vector<Violation> find_violations(Database& db) {
  std::vector<Violation> out;
  for (const Rule& r : kRules) {
    // Each rule reads at most one example and the count: one scan per rule.
    std::string sql = std::string("SELECT COUNT(*), (SELECT ") + r.example + " FROM " + r.table + " WHERE " + r.where +
                      " LIMIT 1) FROM " + r.table + " WHERE " + r.where;
    auto [count, example] = db.query_count_and_text(sql);
    if (count == 0) continue;
    out.push_back({r.table, r.rule, count, one_line(example, 200)});  // database text: one line (base/quote.h)
  }
  add_target_violations(db, out);
  return out;
}

std::vector<std::string> missing_indexes(Database& db) {
  std::vector<std::string> out;
  if (!db.has_index_on("interaction", "received_at")) out.push_back("interaction(received_at)");
  // The primary key (channel_id, metric, day): the report reads one key range per channel and
  // metric (store/queries.h). The day index is no longer needed by reports.
  if (!db.has_index_on("daily_metric", "channel_id")) out.push_back("daily_metric(channel_id, metric, day)");
  return out;
}

}  // namespace boardbrief::store
