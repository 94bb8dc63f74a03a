#include "store/data_quality.h"

#include <cctype>

#include "base/error.h"
#include "base/quote.h"
#include "calendar/periods.h"
#include "store/database.h"

namespace boardbrief::store {

namespace {

// Only days formatted here are spliced into SQL: digits and '-', never user text.
std::string day_literal(date::local_days d) { return "'" + date::format("%F", d) + "'"; }

std::string day_where(const model::DayRange& days) {
  return "day BETWEEN " + day_literal(days.first) + " AND " + day_literal(days.last);
}

// SQLite's column affinity rules (sqlite.org/datatype3.html §3.1), in their order.
enum class Affinity { Integer, Text, Blob, Real, Numeric };

Affinity affinity_of(std::string type) {
  for (auto& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto has = [&](const char* s) { return type.find(s) != std::string::npos; };
  if (has("INT")) return Affinity::Integer;
  if (has("CHAR") || has("CLOB") || has("TEXT")) return Affinity::Text;
  if (type.empty() || has("BLOB")) return Affinity::Blob;
  if (has("REAL") || has("FLOA") || has("DOUB")) return Affinity::Real;
  return Affinity::Numeric;
}

struct ColumnType {
  const char* table;
  const char* column;
  const char* declared;  // as in schema.sql
};

// Columns whose values are compared or summed: a different affinity changes what is stored
// (day INTEGER turns '2026-10-01' into nothing the report's day ranges can find).
const ColumnType kTypes[] = {
    {"channel", "id", "INTEGER"},
    {"daily_metric", "channel_id", "INTEGER"},
    {"daily_metric", "day", "TEXT"},
    {"daily_metric", "metric", "TEXT"},
    {"daily_metric", "value", "REAL"},
    {"interaction", "channel_id", "INTEGER"},
    {"interaction", "received_at", "TEXT"},
    {"interaction", "first_reply_at", "TEXT"},
    {"interaction", "needs_reply", "INTEGER"},
    {"interaction", "sentiment", "REAL"},
    {"metric", "key", "TEXT"},
};

bool compatible(Affinity want, Affinity got) {
  if (got == Affinity::Blob) return true;  // no declared type: values are stored as given
  if (want == Affinity::Text) return got == Affinity::Text;
  return got != Affinity::Text;  // any numeric affinity keeps numbers numbers
}

}  // namespace

void check_column_types(Database& db) {
  for (const auto& t : kTypes) {
    auto [found, type] = db.query_count_and_text(std::string("SELECT COUNT(*), MAX(type) FROM pragma_table_info('") +
                                                 t.table + "') WHERE name = '" + t.column + "'");
    if (found == 0) continue;  // the open checks already named a missing column
    if (!compatible(affinity_of(t.declared), affinity_of(type)))
      throw DataError(db.path() + ": table " + t.table + ", column " + t.column + " is declared " + type +
                      "; schema version 1 declares it " + t.declared);
  }
}

bool daily_key_is_unique(Database& db) {
  auto [unique, unused] = db.query_count_and_text(
      "SELECT COUNT(*), '' FROM pragma_index_list('daily_metric') il WHERE il.\"unique\" = 1 AND "
      "(SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(il.name) ORDER BY name)) "
      "= 'channel_id,day,metric'");
  (void)unused;
  return unique > 0;
}

void check_duplicate_keys(Database& db, const model::DayRange& days) {
  auto dup = [&](const char* table, const std::string& sql, const std::string& what) {
    auto [n, example] = db.query_count_and_text(sql);
    if (n > 0)
      throw DataError(db.path() + ": table " + table + ": " + std::to_string(n) + " duplicate " + what + ", e.g. " +
                      one_line(example, 200) + "; every key must be unique (schema version 1)");
  };
  dup("channel", "SELECT COUNT(*), MIN(id) FROM (SELECT id FROM channel GROUP BY id HAVING COUNT(*) > 1)",
      "channel ids");
  dup("metric", "SELECT COUNT(*), MIN(quote(key)) FROM (SELECT key FROM metric GROUP BY key HAVING COUNT(*) > 1)",
      "metric keys");
  // With schema.sql's primary key the key cannot repeat: only look when it is absent.
  if (daily_key_is_unique(db)) return;
  dup("daily_metric",
      "SELECT COUNT(*), MIN('channel ' || channel_id || ', ' || metric || ', ' || day) FROM (SELECT channel_id, "
      "metric, day FROM daily_metric WHERE " +
          day_where(days) + " GROUP BY channel_id, metric, day HAVING COUNT(*) > 1)",
      "(channel_id, metric, day) keys");
}

std::vector<std::string> check_daily_metric(Database& db, const model::DayRange& days) {
  // Bad values of catalogued series stop the report inside Database::aggregate_metrics, which
  // reads every such row anyway; a query here cost two more passes (2 s at 1.4M rows).
  const std::string in_days = day_where(days);
  std::vector<std::string> warnings;
  auto [unknown, ex] = db.query_count_and_text(
      "SELECT COUNT(*), MIN('channel ' || quote(channel_id) || ', metric ' || quote(metric) || ', day ' || day) "
      "FROM daily_metric WHERE " +
      in_days + " AND (metric NOT IN (SELECT key FROM metric) OR channel_id NOT IN (SELECT id FROM channel))");
  if (unknown > 0)
    warnings.push_back(db.path() + ": ignored " + std::to_string(unknown) + " daily_metric row" +
                       (unknown == 1 ? "" : "s") + " of an unknown channel or metric (e.g. " + ex + ")");
  return warnings;
}

std::optional<date::local_days> last_metric_day(Database& db, const model::DayRange& days) {
  auto [n, last] = db.query_count_and_text("SELECT COUNT(*), MAX(day) FROM daily_metric WHERE " + day_where(days));
  if (n == 0) return std::nullopt;
  return calendar::try_parse_day(last);
}

std::optional<std::string> judge_interactions(const std::string& db_path, const model::DataQuality& q) {
  std::int64_t bad = q.interactions_skipped();
  if (bad == 0) return std::nullopt;
  std::string example = q.first_example;
  if (example.rfind(db_path + ": ", 0) == 0) example = example.substr(db_path.size() + 2);
  std::string counts = std::to_string(bad) + " of " + std::to_string(q.interactions_scanned) + " interaction rows";
  if (bad * 100 > q.interactions_scanned)
    throw DataError(db_path + ": " + counts + " read for the report are bad (more than 1 %), the first: " + example +
                    "; run `boardbrief check --db " + db_path + "`");
  return db_path + ": skipped " + counts + " read for the report, the first: " + example;
}

std::optional<std::string> stale_data_warning(const std::string& db_path, const model::Period& period,
                                              std::optional<date::local_days> last_data_day, date::local_days as_of) {
  if (as_of <= period.last || !last_data_day) return std::nullopt;
  if (*last_data_day >= period.last - date::days{1}) return std::nullopt;
  auto missing = (period.last - *last_data_day).count();
  return db_path + ": data end on " + date::format("%F", *last_data_day) + ", " + std::to_string(missing) + " day" +
         (missing == 1 ? "" : "s") + " before " + period.key + " ends (" + date::format("%F", period.last) +
         "): the figures are partial and no trends or changes are claimed";
}

}  // namespace boardbrief::store
