#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <cstdio>
#include <set>

#include "base/choice.h"
#include "base/error.h"
#include "base/input_file.h"
#include "base/quote.h"
#include "calendar/periods.h"
#include "store/contract.h"
#include "store/deadline.h"
#include "store/fingerprint.h"
#include "store/queries.h"
#include "store/timestamp.h"

namespace boardbrief::store {

namespace {

std::string day_text(date::local_days d) { return date::format("%F", d); }

// The interaction scan's values as parsed, so hashing costs a few multiplies per row.
std::uint64_t hash_row(std::int64_t id, const model::InteractionRow& r) {
  RowHash h;
  h.add(id).add(r.channel_id).add(r.received).add(static_cast<std::int64_t>(r.needs_reply));
  r.first_reply ? h.add(*r.first_reply) : h.add_null();
  r.sentiment ? h.add(*r.sentiment) : h.add_null();
  return h.finish();
}

// SQLite says "database is locked" or "file is not a database"; say which file and what to do.
[[noreturn]] void rethrow(const std::string& path, const SQLite::Exception& e) {
  int code = e.getErrorCode();
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    throw DataError(path + ": database is locked by another process (gave up after the busy timeout)");
  if (code == SQLITE_NOTADB) throw DataError(path + ": not an SQLite database");
  if (code == SQLITE_CORRUPT) throw DataError(path + ": the database file is corrupt (" + e.what() + ")");
  if (code == SQLITE_INTERRUPT) throw DataError(path + ": " + timeout_message());
  const int extended = e.getExtendedErrorCode();
  if (extended == SQLITE_READONLY_ROLLBACK || extended == SQLITE_READONLY_RECOVERY) {
    const std::string left = path + (extended == SQLITE_READONLY_ROLLBACK ? "-journal" : "-wal");
    throw DataError(path + ": an interrupted write (a killed import?) left " + left +
                    " to be rolled back, and boardbrief only reads; run the import again, or open the database "
                    "once read-write (sqlite3 " +
                    path + " 'PRAGMA quick_check'), then retry");
  }
  if (code == SQLITE_CANTOPEN) {
    std::error_code ec;
    if (std::filesystem::exists(path + "-wal", ec))
      throw DataError(path + ": cannot open the WAL database: reading it needs " + path +
                      "-shm, which this user cannot create or open (make the directory writable, or run as the "
                      "database's owner)");
    throw DataError(path + ": cannot open the database file (check the permissions of the file and its directory)");
  }
  // Only the target table is read by rowid (row numbers in messages).
  if (std::string_view(e.what()) == "no such column: rowid")
    throw DataError(path +
                    ": table target is a view or a WITHOUT ROWID table; schema version 1 declares it an ordinary "
                    "table (see schema.sql)");
  throw DataError(path + ": " + e.what());
}

// 15 significant digits, exponents as "1e15" (not "1e+15").
std::string short_number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  std::string out = buf;
  if (auto at = out.find("e+"); at != std::string::npos) out.erase(at + 1, 1);
  return out;
}

// A target's value, validated as strictly as a daily value: a number (NULL and text are not 0),
// finite, and inside the bounds of its metric's unit (store/contract.h).
double target_value(const SQLite::Column& c, const std::string& metric, const std::string& where) {
  if (c.isNull()) throw DataError(where + "value NULL is not a number");
  if (!c.isInteger() && !c.isFloat()) throw DataError(where + "value '" + c.getString() + "' is not a number");
  const double v = c.getDouble();
  if (!std::isfinite(v)) throw DataError(where + "value is not a finite number");
  const TargetBounds b = target_bounds(metric);
  if (v < b.low || v > b.high)
    throw DataError(where + "value " + short_number(v) + " for " + metric + " is outside [" + short_number(b.low) +
                    ", " + short_number(b.high) + "] (" + b.unit + ")");
  return v;
}

}  // namespace

struct Database::Impl {
  std::string path;
  SQLite::Database db;
  int version = 0;
  bool has_target = false;
  bool in_transaction = false;
  model::DataQuality quality;       // filled by scan_interactions
  Fingerprint fingerprint;          // of every row a report reads (provenance)
  std::vector<std::string> topics;  // distinct topics of the scan, in order of first sight
  Deadline deadline;
  std::vector<std::int64_t> channel_ids;  // sorted, from channels(): the scan skips rows of others

  Impl(const std::string& p, int busy_ms, int timeout_seconds)
      : path(p),
        db(p, SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX, busy_ms),
        deadline(db.getHandle(), timeout_seconds) {}
};

Database::Database(const std::string& path, int busy_timeout_ms, int timeout_seconds) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw DataError(path + ": no such file");
  if (fs::is_directory(path, ec)) throw DataError(path + ": is a directory, not a database file");
  // A FIFO would block SQLite's open() forever, a device would be read as pages: stat first.
  check_input_file(path, {"--db", 0, ExitCode::Data});
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw DataError(path + ": cannot open the file for reading");
    char head[16] = {};
    probe.read(head, sizeof head);
    if (probe.gcount() > 0 &&
        std::string(head, static_cast<std::size_t>(probe.gcount())) !=
            std::string("SQLite format 3\0", 16).substr(0, static_cast<std::size_t>(probe.gcount())))
      throw DataError(path + ": not an SQLite database");
    if (probe.gcount() == 0) throw DataError(path + ": empty file, not an SQLite database");
  }
  try {
    impl_ = std::make_unique<Impl>(path, busy_timeout_ms, timeout_seconds);
    // One read transaction for the whole report: the first SELECT fixes the snapshot.
    impl_->db.exec("BEGIN");
    impl_->in_transaction = true;
    impl_->version = impl_->db.execAndGet("PRAGMA user_version").getInt();
    std::set<std::string> tables;
    SQLite::Statement q(impl_->db, "SELECT name FROM sqlite_schema WHERE type IN ('table','view')");
    while (q.executeStep()) tables.insert(q.getColumn(0).getString());
    if (impl_->version != kSchemaVersion) {
      throw DataError(path + ": schema version " + std::to_string(impl_->version) +
                      " (PRAGMA user_version), expected " + std::to_string(kSchemaVersion) +
                      (tables.empty() ? "; the database is empty" : "; see docs/data-contract.md"));
    }
    for (const auto& t : contract_tables()) {
      if (!tables.count(t.name)) {
        if (t.optional) continue;
        throw DataError(path + ": table " + t.name + " is missing (schema version 1 expects it)");
      }
      if (t.name == "target") impl_->has_target = true;
      std::set<std::string> cols;
      SQLite::Statement c(impl_->db, "SELECT name FROM pragma_table_info(?)");
      c.bind(1, t.name);
      while (c.executeStep()) cols.insert(c.getColumn(0).getString());
      for (const auto& col : t.columns)
        if (!cols.count(col))
          throw DataError(path + ": table " + t.name + " lacks column " + col + " (schema version 1 expects it)");
    }
  } catch (const SQLite::Exception& e) {
    rethrow(path, e);
  }
}

Database::~Database() {
  if (impl_ && impl_->in_transaction) {
    try {
      impl_->db.exec("ROLLBACK");  // read-only: nothing to keep
    } catch (...) {
      // Destructors never throw; closing the connection ends the transaction anyway.
    }
  }
}

const std::string& Database::path() const { return impl_->path; }
const model::DataQuality& Database::data_quality() const { return impl_->quality; }
std::string Database::fingerprint() const { return impl_->fingerprint.hex(); }
std::int64_t Database::fingerprinted_rows() const { return impl_->fingerprint.rows(); }
int Database::schema_version() const { return impl_->version; }

std::vector<model::Channel> Database::channels() {
  std::vector<model::Channel> out;
  try {
    impl_->channel_ids.clear();
    SQLite::Statement q(impl_->db, "SELECT id, platform, handle, name, owner FROM channel ORDER BY id");
    while (q.executeStep()) {
      model::Channel c;
      c.id = q.getColumn(0).getInt64();
      c.platform = q.getColumn(1).getString();
      c.handle = q.getColumn(2).getString();
      c.name = q.getColumn(3).getString();
      std::string owner = q.getColumn(4).getString();
      if (owner == "own")
        c.owner = model::Owner::Own;
      else if (owner == "competitor")
        c.owner = model::Owner::Competitor;
      else
        throw DataError(impl_->path + ": table channel, row id " + std::to_string(c.id) + ": owner " + quote(owner) +
                        " is neither 'own' nor 'competitor'");
      impl_->fingerprint.add_row(RowHash().add(c.id).add(c.platform).add(c.handle).add(c.name).add(owner).finish());
      impl_->channel_ids.push_back(c.id);
      out.push_back(std::move(c));
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
  return out;
}

std::vector<model::MetricDef> Database::metrics() {
  std::vector<model::MetricDef> out;
  try {
    SQLite::Statement q(impl_->db, "SELECT key, label, aggregation, unit, better FROM metric ORDER BY key");
    while (q.executeStep()) {
      model::MetricDef m;
      m.key = q.getColumn(0).getString();
      m.label = q.getColumn(1).getString();
      std::string agg = q.getColumn(2).getString(), better = q.getColumn(4).getString();
      m.unit = q.getColumn(3).getString();
      auto where = impl_->path + ": table metric, key " + quote(m.key) + ": ";
      const auto aggregation = find_choice(agg, kAggregationWords);
      if (!aggregation) throw DataError(where + "aggregation " + quote(agg) + " is not sum, last, mean or max");
      m.aggregation = *aggregation;
      const auto direction = find_choice(better, kBetterWords);
      if (!direction) throw DataError(where + "better " + quote(better) + " is not up, down or none");
      m.better = *direction;
      out.push_back(std::move(m));
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
  return out;
}

std::vector<TargetRow> Database::targets() {
  std::vector<TargetRow> out;
  if (!impl_->has_target) return out;
  try {
    SQLite::Statement q(impl_->db,
                        "SELECT rowid, metric, channel_id, valid_from, valid_to, value FROM target ORDER BY rowid");
    while (q.executeStep()) {
      TargetRow t;
      auto where = impl_->path + ": table target, row " + std::to_string(q.getColumn(0).getInt64()) + ": ";
      t.metric = q.getColumn(1).getString();
      if (!q.getColumn(2).isNull()) t.channel_id = q.getColumn(2).getInt64();
      auto from = calendar::try_parse_day(q.getColumn(3).getString());
      auto to = calendar::try_parse_day(q.getColumn(4).getString());
      if (!from)
        throw DataError(where + "valid_from " + quote(q.getColumn(3).getString()) + " is not a day (YYYY-MM-DD)");
      if (!to) throw DataError(where + "valid_to " + quote(q.getColumn(4).getString()) + " is not a day (YYYY-MM-DD)");
      t.valid_from = *from;
      t.valid_to = *to;
      t.value = target_value(q.getColumn(5), t.metric, where);
      impl_->fingerprint.add_row(RowHash()
                                     .add(t.metric)
                                     .add(t.channel_id.value_or(-1))
                                     .add(q.getColumn(3).getString())
                                     .add(q.getColumn(4).getString())
                                     .add(t.value)
                                     .finish());
      out.push_back(std::move(t));
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
  return out;
}

namespace {

using RawStatement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

RawStatement prepare_raw(sqlite3* db, const std::string& path, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) throw DataError(path + ": " + sqlite3_errmsg(db));
  return RawStatement(raw, sqlite3_finalize);
}

// Steps a raw statement; false when done. Throws DataError naming `table` on failure.
bool step_raw(sqlite3* db, sqlite3_stmt* s, const std::string& path, const char* table) {
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  if (rc == SQLITE_BUSY)
    throw DataError(path + ": database is locked by another process (gave up after the busy timeout)");
  if (rc == SQLITE_INTERRUPT) throw DataError(path + ": " + timeout_message());
  throw DataError(path + ": reading table " + table + ": " + sqlite3_errmsg(db));
}

std::string_view column_text(sqlite3_stmt* s, int i) {
  const char* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return std::string_view(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
}

// YYYYMMDD from "YYYY-MM-DD"; -1 for text of another shape (never inside a range: the SQL
// bounds already kept it out unless it sorts between two days, and then it is not a day).
int day_number(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return -1;
  int n = 0;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    const char c = d[i];
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// A real calendar day: YYYYMMDD from day_number() (-1 for text of another shape).
bool real_day(int ymd) {
  if (ymd < 0) return false;
  return date::year_month_day{date::year{ymd / 10000}, date::month{static_cast<unsigned>(ymd / 100 % 100)},
                              date::day{static_cast<unsigned>(ymd % 100)}}
      .ok();
}

// Why a daily row cannot be summed (store/data_quality.h: the report's bad-row policy), in the
// words `boardbrief check` uses; empty when the row is fine. Checked during the one pass, so
// the policy costs no second read of the window (docs/performance.md).
// `col` is the value's column.
std::string daily_row_problem(sqlite3_stmt* s, int ymd, int col = 1) {
  if (!real_day(ymd)) return "day is not a real day (YYYY-MM-DD)";
  const int type = sqlite3_column_type(s, col);
  if (type == SQLITE_NULL) return "value NULL is not a number";
  if (type != SQLITE_INTEGER && type != SQLITE_FLOAT) return "value " + quote(column_text(s, col)) + " is not a number";
  const double v = sqlite3_column_double(s, col);
  if (std::isinf(v)) return "value is infinite";
  if (v < 0) return "value " + std::string(column_text(s, col)) + " is negative";
  if (v > 1e12) return "value " + std::string(column_text(s, col)) + " is absurdly large (over 1e12)";
  return {};
}

}  // namespace

namespace {

// The ranges' days as numbers YYYYMMDD read off the fixed-width text, which order like the text
// the SQL BETWEEN compares, and the union's first and last day.
struct RangeDays {
  std::vector<int> first, last;
  date::local_days lo, hi;
};

RangeDays range_days(const std::vector<DayRange>& ranges) {
  RangeDays d{{}, {}, ranges.front().first, ranges.front().last};
  for (const auto& r : ranges) {
    d.first.push_back(day_number(day_text(r.first)));
    d.last.push_back(day_number(day_text(r.last)));
    d.lo = std::min(d.lo, r.first);
    d.hi = std::max(d.hi, r.last);
  }
  return d;
}

// One series' running figures over one range; the query orders by day, so the latest comes last.
struct RangeAcc {
  double sum = 0, max = 0, last = 0;
  int days = 0;
  void add(double v) {
    sum += v;
    max = days == 0 ? v : std::max(max, v);
    last = v;
    ++days;
  }
};

// The catalogued (channel, metric) series in key order.
std::vector<std::pair<std::int64_t, std::string>> catalogued_series(sqlite3* db, const std::string& path) {
  std::vector<std::pair<std::int64_t, std::string>> series;
  RawStatement list = prepare_raw(db, path, kSeriesSql);
  while (step_raw(db, list.get(), path, "channel"))
    series.emplace_back(sqlite3_column_int64(list.get(), 0), std::string(column_text(list.get(), 1)));
  return series;
}

// The order callers saw from the grouped SQL: range, then channel, then metric. The series
// come in (channel, metric) order, so a stable partition by range gives it in linear time.
void order_by_range(std::vector<MetricAggregate>& out, std::size_t ranges) {
  std::vector<std::vector<MetricAggregate>> by_range(ranges);
  for (auto& a : out) by_range[a.range].push_back(std::move(a));
  out.clear();
  for (auto& r : by_range)
    for (auto& a : r) out.push_back(std::move(a));
}

}  // namespace

std::vector<MetricAggregate> Database::aggregate_metrics(const std::vector<DayRange>& ranges) {
  std::vector<MetricAggregate> out;
  if (ranges.empty()) return out;
  // One pass over the union of the ranges, one primary-key range per catalogued channel and
  // metric; each row is added to every range holding its day.
  const RangeDays days = range_days(ranges);
  sqlite3* db = impl_->db.getHandle();
  const auto series = catalogued_series(db, impl_->path);
  RawStatement stmt = prepare_raw(db, impl_->path, kDailyOfSeriesSql);
  sqlite3_stmt* s = stmt.get();
  const std::string b = day_text(days.lo), e = day_text(days.hi);
  sqlite3_bind_text(s, 3, b.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 4, e.c_str(), -1, SQLITE_STATIC);
  std::vector<RangeAcc> acc(ranges.size());
  std::int64_t bad_rows = 0;
  std::string first_bad;
  for (const auto& [channel, metric] : series) {
    sqlite3_bind_int64(s, 1, channel);
    sqlite3_bind_text(s, 2, metric.c_str(), static_cast<int>(metric.size()), SQLITE_STATIC);
    while (step_raw(db, s, impl_->path, "daily_metric")) {
      const std::string_view day_text_value = column_text(s, 0);
      const int day = day_number(day_text_value);
      const double v = sqlite3_column_double(s, 1);
      impl_->fingerprint.add_row(RowHash().add(channel).add(metric).add(day_text_value).add(v).finish());
      if (std::string problem = daily_row_problem(s, day); !problem.empty()) {
        if (bad_rows++ == 0)
          first_bad = "channel " + std::to_string(channel) + ", metric " + quote(metric) + ", day " +
                      quote(day_text_value) + ": " + problem;
        continue;
      }
      for (std::size_t i = 0; i < ranges.size(); ++i)
        if (day >= days.first[i] && day <= days.last[i]) acc[i].add(v);
    }
    sqlite3_reset(s);
    for (std::size_t i = 0; i < acc.size(); ++i) {
      if (acc[i].days == 0) continue;
      const RangeAcc& r = acc[i];
      out.push_back({i, channel, metric, r.sum, r.sum / r.days, r.max, r.last, r.days});
      acc[i] = RangeAcc{};
    }
  }
  if (bad_rows > 0)
    throw DataError(impl_->path + ": table daily_metric, " + first_bad + " (" + std::to_string(bad_rows) + " bad row" +
                    (bad_rows == 1 ? "" : "s") + " in the report's days; the figures would be wrong)");
  order_by_range(out, ranges.size());
  for (const auto& a : out)
    if (!std::isfinite(a.sum) || !std::isfinite(a.last))
      throw DataError(impl_->path + ": table daily_metric, channel " + std::to_string(a.channel_id) + ", metric " +
                      quote(a.metric) + ": value is not a finite number");
  return out;
}

std::vector<DailyValue> Database::daily_values(const DayRange& range, const std::vector<std::string>& metrics) {
  std::vector<DailyValue> out;
  sqlite3* db = impl_->db.getHandle();
  RawStatement stmt = prepare_raw(db, impl_->path, kDailyByKeySql);
  const std::string b = day_text(range.first), e = day_text(range.last);
  sqlite3_bind_text(stmt.get(), 1, b.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(stmt.get(), 2, e.c_str(), -1, SQLITE_STATIC);
  std::set<std::string, std::less<>> wanted(metrics.begin(), metrics.end());
  while (step_raw(db, stmt.get(), impl_->path, "daily_metric")) {
    sqlite3_stmt* s = stmt.get();
    const std::string_view metric = column_text(s, 1);
    if (!wanted.empty() && !wanted.count(metric)) continue;
    DailyValue v;
    v.channel_id = sqlite3_column_int64(s, 0);
    v.metric.assign(metric);
    const std::string_view day = column_text(s, 2);
    auto d = calendar::try_parse_day(day);  // fixed width, without allocating
    if (!d)
      throw DataError(impl_->path + ": table daily_metric, channel " + std::to_string(v.channel_id) + ", metric " +
                      quote(v.metric) + ": day " + quote(day) + " is not a day (YYYY-MM-DD)");
    v.day = *d;
    // The same policy as aggregate_metrics: a bad value in the report's days is never a figure.
    if (std::string problem = daily_row_problem(s, day_number(day), 3); !problem.empty())
      throw DataError(impl_->path + ": table daily_metric, channel " + std::to_string(v.channel_id) + ", metric " +
                      quote(v.metric) + ", day " + quote(day) + ": " + problem +
                      " (in the report's days; the figures would be wrong)");
    v.value = sqlite3_column_double(s, 3);
    out.push_back(std::move(v));
  }
  // The plan reads channels by rowid, so the rows usually come sorted already: check (linear)
  // before sorting (n log n string comparisons).
  const auto by_key = [](const DailyValue& x, const DailyValue& y) {
    if (x.channel_id != y.channel_id) return x.channel_id < y.channel_id;
    if (x.metric != y.metric) return x.metric < y.metric;
    return x.day < y.day;
  };
  if (!std::is_sorted(out.begin(), out.end(), by_key)) std::sort(out.begin(), out.end(), by_key);
  return out;
}

void Database::count_unplaced_interactions() {
  sqlite3* db = impl_->db.getHandle();
  RawStatement stmt = prepare_raw(db, impl_->path, kUnplacedInteractionsSql);
  model::DataQuality& dq = impl_->quality;
  while (step_raw(db, stmt.get(), impl_->path, "interaction")) {
    sqlite3_stmt* s = stmt.get();
    const int type = sqlite3_column_type(s, 1);
    // A real instant before 1970 is readable, only outside every report: not a bad row.
    if (type == SQLITE_TEXT && parse_utc_instant(column_text(s, 1))) continue;
    ++dq.interactions_scanned;
    ++dq.bad_received_at;
    if (!dq.first_example.empty()) continue;
    const std::string value(column_text(s, 1));
    const bool number = type == SQLITE_INTEGER || type == SQLITE_FLOAT;
    const bool digits = !value.empty() && value.find_first_not_of("0123456789.") == std::string::npos;
    dq.first_example = impl_->path + ": table interaction, row id " + std::to_string(sqlite3_column_int64(s, 0)) +
                       ": received_at " + (number ? value : quote(value)) +
                       " is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ" +
                       (digits ? "; it looks like a Unix epoch number)" : ")");
  }
}

namespace {

// Few distinct topics, many rows: the last one seen is checked first, then a hash map. A
// free-text column would make the list huge: past kMaxTopics new topics count as none.
class TopicIndex {
 public:
  explicit TopicIndex(std::vector<std::string>& topics) : list_(topics) {
    for (std::size_t i = 0; i < list_.size(); ++i) ids_[list_[i]] = static_cast<std::int32_t>(i);
  }
  // The topic's index in the list (added when new); -1 for none.
  std::int32_t operator()(std::string_view t, bool null) {
    if (null || t.empty()) return -1;
    if (last_ >= 0 && list_[static_cast<std::size_t>(last_)] == t) return last_;
    auto it = ids_.find(std::string(t));
    if (it != ids_.end()) return last_ = it->second;
    if (list_.size() >= kMaxTopics) return -1;
    list_.emplace_back(t);
    ids_.emplace(list_.back(), static_cast<std::int32_t>(list_.size() - 1));
    return last_ = static_cast<std::int32_t>(list_.size() - 1);
  }

 private:
  static constexpr std::size_t kMaxTopics = 1000;
  std::vector<std::string>& list_;
  std::unordered_map<std::string, std::int32_t> ids_;
  std::int32_t last_ = -1;
};

// Reads the rows of kInteractionScanSql. Data-quality hook: a bad row is counted and skipped,
// not fatal; store/data_quality decides afterwards whether there were too many (DataQuality,
// filled here only).
class InteractionReader {
 public:
  InteractionReader(const std::string& path, const std::vector<std::int64_t>& channel_ids,
                    std::vector<std::string>& topics, model::DataQuality& dq)
      : path_(path), channel_ids_(channel_ids), topics_(topics), dq_(dq) {}

  // Fills `row` from the statement's current row; false when the row is bad (counted in dq).
  bool read(sqlite3_stmt* s, InteractionRow& row) {
    ++dq_.interactions_scanned;
    row.channel_id = sqlite3_column_int64(s, 1);
    auto received = received_parser_.parse(column_text(s, 2));
    if (!received)
      return skip(dq_.bad_received_at, where(s, "received_at") + " " + quote(column_text(s, 2)) +
                                           " is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)");
    row.received = *received;
    if (!known_channel(s, row.channel_id) || !read_needs_reply(s, row) || !read_first_reply(s, row) ||
        !read_sentiment(s, row))
      return false;
    row.topic = topics_(column_text(s, 6), sqlite3_column_type(s, 6) == SQLITE_NULL);
    return true;
  }

 private:
  bool skip(std::int64_t& counter, const std::string& problem) {
    if (dq_.first_example.empty()) dq_.first_example = problem;
    ++counter;
    return false;
  }

  std::string where(sqlite3_stmt* s, const char* col) const {
    return path_ + ": table interaction, row id " + std::to_string(sqlite3_column_int64(s, 0)) + ": " + col;
  }

  // A message of a channel that does not exist belongs to no scope: a bad row, as check says,
  // so a column of wrong channel ids stops the report instead of emptying its dialogue.
  bool known_channel(sqlite3_stmt* s, std::int64_t channel_id) {
    if (channel_ids_.empty() || std::binary_search(channel_ids_.begin(), channel_ids_.end(), channel_id)) return true;
    const int type = sqlite3_column_type(s, 1);
    return skip(dq_.unknown_channel, where(s, "channel_id") + " " +
                                         (type == SQLITE_INTEGER ? std::string(column_text(s, 1))
                                          : type == SQLITE_NULL  ? std::string("NULL")
                                                                 : quote(column_text(s, 1))) +
                                         " is not in table channel");
  }

  // The number 0 or 1 only, as `boardbrief check` demands: 'yes' would read as 0 and 2 as 1.
  bool read_needs_reply(sqlite3_stmt* s, InteractionRow& row) {
    const int type = sqlite3_column_type(s, 3);
    const double needs = sqlite3_column_double(s, 3);
    if ((type != SQLITE_INTEGER && type != SQLITE_FLOAT) || (needs != 0.0 && needs != 1.0)) {
      const std::string shown = type == SQLITE_NULL   ? "NULL"
                                : type == SQLITE_TEXT ? quote(column_text(s, 3))
                                                      : std::string(column_text(s, 3));
      return skip(dq_.bad_needs_reply, where(s, "needs_reply") + " " + shown + " is not 0 or 1");
    }
    row.needs_reply = needs == 1.0;
    return true;
  }

  bool read_first_reply(sqlite3_stmt* s, InteractionRow& row) {
    row.first_reply.reset();
    // sqlite3_column_text gives a null pointer exactly for NULL (an empty text is ""):
    // one call instead of asking for the type first.
    const char* p = reinterpret_cast<const char*>(sqlite3_column_text(s, 4));
    if (!p) return true;
    const std::string_view reply_text(p, static_cast<std::size_t>(sqlite3_column_bytes(s, 4)));
    auto reply = reply_parser_.parse(reply_text);
    if (!reply)
      return skip(dq_.bad_first_reply_at, where(s, "first_reply_at") + " " + quote(reply_text) +
                                              " is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)");
    if (*reply < row.received)
      return skip(dq_.reply_before_received, where(s, "first_reply_at") + " is before received_at");
    row.first_reply = *reply;
    return true;
  }

  bool read_sentiment(sqlite3_stmt* s, InteractionRow& row) {
    row.sentiment.reset();
    const int type = sqlite3_column_type(s, 5);
    if (type == SQLITE_NULL) return true;
    const double v = sqlite3_column_double(s, 5);
    if (!(v >= -1.0 && v <= 1.0) || (type != SQLITE_INTEGER && type != SQLITE_FLOAT))
      return skip(dq_.bad_sentiment, where(s, "sentiment") + " is outside [-1, 1]");
    row.sentiment = v;
    return true;
  }

  const std::string& path_;
  const std::vector<std::int64_t>& channel_ids_;
  TopicIndex topics_;
  model::DataQuality& dq_;
  InstantParser received_parser_, reply_parser_;
};

}  // namespace

void Database::scan_interactions(std::int64_t begin, std::int64_t end,
                                 const std::function<void(const InteractionRow&)>& visit) {
  count_unplaced_interactions();  // rows the range below never meets, counted before its rows
  try {
    // The hot loop reads millions of rows: use the C API directly (SQLiteCpp's Column copies a
    // shared_ptr per value) and parse the fixed-width instants without a general parser.
    sqlite3* handle = impl_->db.getHandle();
    RawStatement stmt = prepare_raw(handle, impl_->path, kInteractionScanSql);
    sqlite3_stmt* s = stmt.get();
    std::string b = format_utc_instant(begin), e = format_utc_instant(end);
    sqlite3_bind_text(s, 1, b.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, e.c_str(), -1, SQLITE_STATIC);
    InteractionReader reader(impl_->path, impl_->channel_ids, impl_->topics, impl_->quality);
    InteractionRow row;
    while (step_raw(handle, s, impl_->path, "interaction")) {
      if (!reader.read(s, row)) continue;
      impl_->fingerprint.add_row(hash_row(sqlite3_column_int64(s, 0), row));
      visit(row);
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
}

const std::vector<std::string>& Database::topics() const { return impl_->topics; }

std::int64_t Database::count_rows(const std::string& table) {
  for (const auto& t : contract_tables()) {
    if (t.name != table) continue;  // only contract tables: the name is never user text
    if (t.optional && !impl_->has_target) return 0;
    try {
      return impl_->db.execAndGet("SELECT COUNT(*) FROM " + table).getInt64();
    } catch (const SQLite::Exception& e) {
      rethrow(impl_->path, e);
    }
  }
  return 0;
}

std::pair<std::int64_t, std::string> Database::query_count_and_text(const std::string& sql) {
  try {
    SQLite::Statement q(impl_->db, sql);
    if (!q.executeStep()) return {0, ""};
    return {q.getColumn(0).getInt64(), q.getColumn(1).isNull() ? "" : q.getColumn(1).getString()};
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
}

void Database::query_rows(const std::string& sql, const std::function<void(const std::vector<std::string>&)>& row) {
  try {
    SQLite::Statement q(impl_->db, sql);
    std::vector<std::string> columns(static_cast<std::size_t>(q.getColumnCount()));
    while (q.executeStep()) {
      for (int i = 0; i < q.getColumnCount(); ++i)
        columns[static_cast<std::size_t>(i)] = q.getColumn(i).isNull() ? "" : q.getColumn(i).getString();
      row(columns);
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
}

bool Database::has_index_on(const std::string& table, const std::string& column) {
  try {
    SQLite::Statement list(impl_->db, "SELECT name FROM pragma_index_list(?1)");
    list.bind(1, table);
    while (list.executeStep()) {
      SQLite::Statement info(impl_->db, "SELECT name FROM pragma_index_info(?1) WHERE seqno = 0");
      info.bind(1, list.getColumn(0).getString());
      if (info.executeStep() && info.getColumn(0).getString() == column) return true;
    }
    // A WITHOUT ROWID primary key is not always listed by index_list's origin 'pk' first column.
    return false;
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
}

}  // namespace boardbrief::store
