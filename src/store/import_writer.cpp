#include "store/import_writer.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>

#include "base/error.h"
#include "store/bind.h"
#include "store/database.h"
#include "store/id_sorter.h"

namespace boardbrief::store {

namespace {

constexpr int kBusyMs = 5000;
constexpr const char* kMainCache = "-8192";  // KiB

bool is_busy(const SQLite::Exception& e) {
  return e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
}

std::string locked(const std::string& path) {
  return "cannot write '" + path + "': the database is locked by another process (gave up after " +
         std::to_string(kBusyMs / 1000) + " s)";
}

enum class Upsert { Inserted, Updated, Unchanged };

// Counters that the apply statements bump from inside SQLite (see the SQL functions below), so
// that one INSERT ... SELECT yields the summary's counts without a second pass.
struct Tally {
  std::size_t rows = 0;      // staged rows that reached the insert
  std::size_t repeated = 0;  // staged rows beyond the first of their key
  std::size_t existing = 0;  // distinct keys already in the table
};

// bb_row(n): a key staged n times reached the insert (the staged rows are grouped by key).
// Always true.
void bb_row(sqlite3_context* c, int, sqlite3_value** v) {
  auto* t = static_cast<Tally*>(sqlite3_user_data(c));
  const auto n = static_cast<std::size_t>(sqlite3_value_int64(v[0]));
  t->rows += n;
  t->repeated += n - 1;
  sqlite3_result_int(c, 1);
}

// bb_existing(): the key conflicted with a stored row (called from DO UPDATE's WHERE, which
// SQLite evaluates once per conflicting row). Always true.
void bb_existing(sqlite3_context* c, int, sqlite3_value**) {
  ++static_cast<Tally*>(sqlite3_user_data(c))->existing;
  sqlite3_result_int(c, 1);
}

constexpr const char* kStageSql =
    "DROP TABLE IF EXISTS temp.stage_daily;"
    "CREATE TEMP TABLE stage_daily (channel_id INTEGER NOT NULL, metric TEXT NOT NULL, day TEXT NOT NULL,"
    " value REAL NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL);";

// Interactions come from IdSorter in id order, one upsert each (%ROWS%: the row's VALUES; the
// repeats of an id are dropped before it). bb_existing() says whether a row conflicted with a
// stored one.
constexpr const char* kUpsertInteractions =
    "INSERT INTO main.interaction (id, channel_id, received_at, kind, needs_reply, first_reply_at, sentiment, topic)"
    " %ROWS%"
    " ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, received_at = excluded.received_at,"
    " kind = excluded.kind, needs_reply = excluded.needs_reply, first_reply_at = excluded.first_reply_at,"
    " sentiment = excluded.sentiment, topic = excluded.topic"
    " WHERE bb_existing() AND (channel_id IS NOT excluded.channel_id OR received_at IS NOT excluded.received_at"
    " OR kind IS NOT excluded.kind OR needs_reply IS NOT excluded.needs_reply"
    " OR first_reply_at IS NOT excluded.first_reply_at OR sentiment IS NOT excluded.sentiment"
    " OR topic IS NOT excluded.topic)";
constexpr const char* kOneInteraction = "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
// The same values as a row, for tables written row by row (upsert_interaction() reads rows).
constexpr const char* kInteractionValues = "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8";

// One value per (channel, metric, day), in primary-key order; n > 1 is a repeated key.
constexpr const char* kDailyByKey =
    "SELECT channel_id, metric, day, value, count(*) AS n FROM temp.stage_daily GROUP BY channel_id, metric, day";

constexpr const char* kUpsertDaily =
    "INSERT INTO main.daily_metric (channel_id, metric, day, value)"
    " SELECT channel_id, metric, day, value FROM (%ROWS%) WHERE bb_row(n)"
    " ON CONFLICT (channel_id, metric, day) DO UPDATE SET value = excluded.value"
    " WHERE bb_existing() AND value IS NOT excluded.value";

std::string with_rows(const char* sql, const std::string& rows) {
  std::string s(sql);
  s.replace(s.find("%ROWS%"), 6, rows);
  return s;
}

bool same_optional_text(const SQLite::Column& c, const SQLite::Column& v) {
  if (c.isNull()) return v.isNull();
  return !v.isNull() && c.getString() == v.getString();
}

}  // namespace

struct ImportWriter::Impl {
  std::string path;
  bool created = false;
  bool in_transaction = false;
  std::optional<SQLite::Database> db;
  std::optional<SQLite::Statement> find_channel, insert_channel;
  std::optional<SQLite::Statement> get_daily, insert_daily, update_daily;
  std::optional<SQLite::Statement> get_interaction, insert_interaction, update_interaction;
  std::map<std::pair<std::string, std::string>, std::int64_t> channels;  // (platform, handle) -> id
  const std::pair<const std::pair<std::string, std::string>, std::int64_t>* last_channel = nullptr;
  std::optional<SQLite::Statement> stage_daily;
  std::unique_ptr<IdSorter> sorter;   // the interactions of the file being read
  std::string kind_text, topic_text;  // upsert_sorted()'s binds, their capacity kept
  std::size_t staged = 0;
  bool staged_with_id = false;
  Tally tally;

  Upsert upsert_daily(std::int64_t channel_id, const std::string& day, const std::string& metric, double value);
  Upsert upsert_interaction(std::int64_t id, const SQLite::Statement& staged_row);
  Applied apply_sorted();
  void number_identities(std::int64_t (*id_of)(std::string_view));
  Upsert upsert_sorted(SQLite::Statement& upsert, const SortedInteraction& r, bool by_row);
  void create_stage();
  void drop_stage();
  Applied apply(const std::string& table, const std::string& upsert_sql, const char* rows_sql);
  std::vector<std::string> drop_indexes_if_empty(const std::string& table);
  void rebuild_indexes(const std::vector<std::string>& sqls);
  Applied upsert_row_by_row(const std::string& table, const char* rows_sql);

  [[noreturn]] void fail(const std::string& what, const SQLite::Exception& e) {
    if (is_busy(e)) throw OutputError(locked(path));
    throw OutputError("cannot write '" + path + "': " + what + ": " + e.what());
  }
};

ImportWriter::ImportWriter(const std::string& path, const std::vector<model::MetricDef>& catalogue)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    DatabaseWriter fresh(path, false);
    for (const auto& m : catalogue) fresh.add_metric(m);
    fresh.commit();
    impl_->created = true;
  }
  try {
    // One thread uses the connection at a time (app/batch_pipeline hands it over), so SQLite's
    // per-call mutexes are not needed: about 5 % of an import's instructions.
    impl_->db.emplace(path, SQLite::OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, kBusyMs);
  } catch (const SQLite::Exception& e) {
    if (!impl_->created) Database check(path);  // a missing or unreadable file says so (DataError)
    throw OutputError("cannot open '" + path + "' for writing: " + e.what());
  }
  if (!impl_->created) {
    // Take the write lock before the contract check, so that another process holding the
    // database is reported as what it is for an import (cannot write, exit 4), not as the
    // report's "locked while reading" (exit 3). Other failures are left to the check.
    std::optional<SQLite::Exception> probe;
    try {
      impl_->db->exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& e) {
      if (is_busy(e)) throw OutputError(locked(path));
      probe = e;
    }
    {
      Database check(path);  // the same contract check as the report: throws DataError
    }
    if (probe) throw OutputError("cannot open '" + path + "' for writing: " + probe->what());
    impl_->db->exec("ROLLBACK");
  }
  // SQLite quietly opens a file it may not write read-only; say so before any file is read.
  if (sqlite3_db_readonly(impl_->db->getHandle(), "main") == 1)
    throw OutputError("cannot write '" + path + "': the file is read-only");
  try {
    auto& db = *impl_->db;
    // The page caches bound the memory of an import (docs/import.md, "Speed and memory"): rows
    // are staged in a temporary table and written in key order, so a small cache is enough.
    // SQLite's sorter spills to temporary files past the main cache's size.
    db.exec(std::string("PRAGMA temp_store = FILE; PRAGMA temp.cache_size = -8192; PRAGMA main.cache_size = ") +
            kMainCache);
    sqlite3* h = db.getHandle();
    Tally* tally = &impl_->tally;
    sqlite3_create_function_v2(h, "bb_row", 1, SQLITE_UTF8, tally, bb_row, nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(h, "bb_existing", 0, SQLITE_UTF8, tally, bb_existing, nullptr, nullptr, nullptr);
    impl_->find_channel.emplace(db, "SELECT id FROM channel WHERE platform = ? AND handle = ?");
    impl_->insert_channel.emplace(db, "INSERT INTO channel (platform, handle, name, owner) VALUES (?, ?, ?, ?)");
    impl_->get_daily.emplace(db, "SELECT value FROM daily_metric WHERE channel_id = ? AND metric = ? AND day = ?");
    impl_->insert_daily.emplace(db, "INSERT INTO daily_metric (channel_id, day, metric, value) VALUES (?, ?, ?, ?)");
    impl_->update_daily.emplace(db,
                                "UPDATE daily_metric SET value = ? WHERE channel_id = ? AND metric = ? AND day = ?");
    impl_->get_interaction.emplace(db,
                                   "SELECT channel_id, received_at, kind, needs_reply, first_reply_at, sentiment, "
                                   "topic FROM interaction WHERE id = ?");
    impl_->insert_interaction.emplace(
        db,
        "INSERT INTO interaction (channel_id, received_at, kind, needs_reply, first_reply_at, sentiment, topic, id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    impl_->update_interaction.emplace(
        db,
        "UPDATE interaction SET channel_id = ?, received_at = ?, kind = ?, needs_reply = ?, first_reply_at = ?, "
        "sentiment = ?, topic = ? WHERE id = ?");
  } catch (const SQLite::Exception& e) {
    throw OutputError("cannot open '" + path + "' for writing: " + e.what());
  }
}

ImportWriter::~ImportWriter() { rollback(); }

bool ImportWriter::created() const { return impl_->created; }

SQLite::Database& ImportWriter::database() { return *impl_->db; }

void ImportWriter::fail(const std::string& what, const SQLite::Exception& e) { impl_->fail(what, e); }

namespace {

// The metric table is part of the data contract: a database whose table cannot be read is bad
// data (exit 3), never a bug.
std::vector<std::string> read_keys(SQLite::Database& db, const std::string& path, const char* sql) {
  std::vector<std::string> keys;
  try {
    SQLite::Statement q(db, sql);
    while (q.executeStep()) keys.push_back(q.getColumn(0).getString());
  } catch (const SQLite::Exception& e) {
    if (is_busy(e)) throw OutputError(locked(path));
    throw DataError("'" + path + "': cannot read the metric catalogue (table metric): " + e.what());
  }
  return keys;
}

}  // namespace

std::vector<std::string> ImportWriter::metric_keys() {
  return read_keys(*impl_->db, impl_->path, "SELECT key FROM metric ORDER BY key");
}

std::vector<std::string> ImportWriter::summed_metric_keys() {
  return read_keys(*impl_->db, impl_->path, "SELECT key FROM metric WHERE aggregation = 'sum' ORDER BY key");
}

void ImportWriter::begin() {
  try {
    impl_->db->exec("BEGIN IMMEDIATE");
    impl_->in_transaction = true;
  } catch (const SQLite::Exception& e) {
    impl_->fail("starting a transaction", e);
  }
  impl_->channels.clear();
  impl_->last_channel = nullptr;
  try {
    impl_->create_stage();
  } catch (const SQLite::Exception& e) {
    rollback();
    impl_->fail("creating the staging table", e);
  }
}

void ImportWriter::Impl::create_stage() {
  stage_daily.reset();
  db->exec(kStageSql);
  stage_daily.emplace(
      *db, "INSERT INTO temp.stage_daily (channel_id, metric, day, value, line, col) VALUES (?, ?, ?, ?, ?, ?)");
  staged = 0;
  staged_with_id = false;
  sorter.reset();
}

void ImportWriter::Impl::drop_stage() {
  stage_daily.reset();
  db->exec("DROP TABLE IF EXISTS temp.stage_daily");
}

std::int64_t ImportWriter::channel(const std::string& platform, const std::string& handle, model::Owner owner,
                                   const std::string& name, bool& inserted) {
  inserted = false;
  // Consecutive rows mostly share a channel: compare with the last one before building a key.
  if (impl_->last_channel && impl_->last_channel->first.first == platform &&
      impl_->last_channel->first.second == handle)
    return impl_->last_channel->second;
  auto key = std::make_pair(platform, handle);
  if (auto it = impl_->channels.find(key); it != impl_->channels.end()) {
    impl_->last_channel = &*it;
    return it->second;
  }
  try {
    auto& f = *impl_->find_channel;
    f.bind(1, platform);
    f.bind(2, handle);
    std::int64_t id = 0;
    if (f.executeStep()) {
      id = f.getColumn(0).getInt64();
    } else {
      auto& ins = *impl_->insert_channel;
      ins.bind(1, platform);
      ins.bind(2, handle);
      ins.bind(3, name.empty() ? handle : name);
      ins.bind(4, owner == model::Owner::Own ? "own" : "competitor");
      ins.exec();
      ins.reset();
      id = impl_->db->getLastInsertRowid();
      inserted = true;
    }
    f.reset();
    impl_->last_channel = &*impl_->channels.emplace(key, id).first;
    return id;
  } catch (const SQLite::Exception& e) {
    impl_->find_channel->tryReset();
    impl_->insert_channel->tryReset();
    impl_->fail("channel " + platform + " " + handle, e);
  }
}

void ImportWriter::stage_interaction(std::optional<std::int64_t> id, const std::string& identity,
                                     const InteractionRecord& r) {
  if (!impl_->sorter) impl_->sorter = std::make_unique<IdSorter>("cannot write '" + impl_->path + "': ");
  SortedInteraction row;
  // Rows without an id are sorted by their identity first (apply_interactions() counts the equal
  // ones and gives them their ids); any hash groups equal identities.
  row.id = id ? *id : static_cast<std::int64_t>(std::hash<std::string_view>{}(identity) >> 1);
  row.identity = id ? std::string_view() : std::string_view(identity);
  row.channel_id = r.channel_id;
  row.received_at = r.received_at.time_since_epoch().count();
  if (r.first_reply_at) row.first_reply_at = r.first_reply_at->time_since_epoch().count();
  row.sentiment = r.sentiment;
  row.needs_reply = r.needs_reply;
  row.kind = r.kind;
  row.topic = r.topic;
  impl_->sorter->add(row);
  impl_->staged_with_id = id.has_value();
  ++impl_->staged;
}

void ImportWriter::stage_daily(std::int64_t channel_id, date::local_days day, const std::string& metric, double value,
                               std::size_t line, std::size_t column) {
  auto& s = *impl_->stage_daily;
  const std::string d = format_day(day);
  try {
    s.bind(1, channel_id);
    s.bindNoCopy(2, metric);  // `metric` outlives the step below
    s.bindNoCopy(3, d);
    s.bind(4, value);
    s.bind(5, static_cast<std::int64_t>(line));
    s.bind(6, static_cast<std::int64_t>(column));
    s.exec();
    s.reset();
  } catch (const SQLite::Exception& e) {
    s.tryReset();
    impl_->fail("staging daily_metric (channel " + std::to_string(channel_id) + ", " + metric + ", " + d + ")", e);
  }
  ++impl_->staged;
}

std::size_t ImportWriter::staged() const { return impl_->staged; }

Applied ImportWriter::apply_interactions(std::int64_t (*id_of)(std::string_view)) {
  if (!impl_->sorter) return {};
  if (!impl_->staged_with_id) impl_->number_identities(id_of);
  return impl_->apply_sorted();
}

// Rows without a source id, sorted by identity (equal identities in file order): the n-th row
// of an identity gets the id of "<identity>\x1f<n>" and goes to a second sorter, by id. Its
// buffer is half the first's, which may still hold its rows: memory stays bounded.
void ImportWriter::Impl::number_identities(std::int64_t (*id_of)(std::string_view)) {
  sorter->finish();
  auto by_id = std::make_unique<IdSorter>("cannot write '" + path + "': ", 8u << 20);
  std::vector<std::pair<std::string, std::size_t>> seen;  // identities of one hash, with their count
  std::optional<std::int64_t> group;
  std::string key;
  SortedInteraction r;
  while (sorter->next(r)) {
    if (group != r.id) seen.clear(), group = r.id;
    auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& e) { return e.first == r.identity; });
    if (it == seen.end()) it = seen.insert(seen.end(), {std::string(r.identity), 0});
    key.assign(r.identity).append("\x1f").append(std::to_string(it->second++));
    r.id = id_of(key);
    r.identity = {};
    by_id->add(r);
  }
  sorter = std::move(by_id);
}

Applied ImportWriter::apply_daily() {
  return impl_->apply("daily_metric", with_rows(kUpsertDaily, kDailyByKey), kDailyByKey);
}

std::vector<DuplicateDaily> ImportWriter::duplicate_dailies(std::size_t limit) {
  std::vector<DuplicateDaily> out;
  try {
    // Only on the error path: the temporary index makes the join cheap.
    impl_->db->exec("CREATE INDEX IF NOT EXISTS temp.stage_daily_key ON stage_daily (channel_id, metric, day)");
    SQLite::Statement q(
        *impl_->db,
        "SELECT s.line, s.col, f.first_line, c.platform, c.handle, s.metric, s.day FROM temp.stage_daily s"
        " JOIN (SELECT channel_id, metric, day, min(rowid) AS first, min(line) AS first_line"
        "       FROM temp.stage_daily GROUP BY channel_id, metric, day HAVING count(*) > 1) f"
        "   ON f.channel_id = s.channel_id AND f.metric = s.metric AND f.day = s.day AND s.rowid > f.first"
        " JOIN main.channel c ON c.id = s.channel_id ORDER BY s.rowid LIMIT ?");
    q.bind(1, static_cast<std::int64_t>(limit));
    while (q.executeStep()) {
      DuplicateDaily d;
      d.line = static_cast<std::size_t>(q.getColumn(0).getInt64());
      d.column = static_cast<std::size_t>(q.getColumn(1).getInt64());
      d.first_line = static_cast<std::size_t>(q.getColumn(2).getInt64());
      d.platform = q.getColumn(3).getString();
      d.handle = q.getColumn(4).getString();
      d.metric = q.getColumn(5).getString();
      d.day = q.getColumn(6).getString();
      out.push_back(std::move(d));
    }
  } catch (const SQLite::Exception& e) {
    impl_->fail("finding repeated daily values", e);
  }
  return out;
}

// Into an empty table the indexes are dropped, to be built once at the end from the finished
// table (a sort) instead of being grown row by row in another order than the table's key.
// Returns their CREATE statements.
std::vector<std::string> ImportWriter::Impl::drop_indexes_if_empty(const std::string& table) {
  std::vector<std::string> rebuild;
  {
    SQLite::Statement q(*db, "SELECT 1 FROM main.\"" + table + "\" LIMIT 1");
    if (q.executeStep() || staged == 0) return rebuild;
  }
  std::vector<std::string> names;
  SQLite::Statement q(
      *db, "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL");
  q.bind(1, table);
  while (q.executeStep()) {
    names.push_back(q.getColumn(0).getString());
    rebuild.push_back(q.getColumn(1).getString());
  }
  for (const auto& name : names) db->exec("DROP INDEX main.\"" + name + "\"");
  return rebuild;
}

void ImportWriter::Impl::rebuild_indexes(const std::vector<std::string>& sqls) {
  if (sqls.empty()) return;
  sorting_statements(*db, sqls);
}

void ImportWriter::sorting_statements(SQLite::Database& db, const std::vector<std::string>& sqls) {
  // SQLite's sorter sorts in memory up to the main page cache's size, then merges. Runs of
  // 2 MiB sort faster than runs of 16 MiB (they stay in the processor's caches: CREATE INDEX
  // on 1M interactions 1.1 -> 0.65 s, docs/performance.md) and keep the peak memory lower.
  db.exec("PRAGMA main.cache_size = -2048");
  for (const auto& sql : sqls) db.exec(sql);
  db.exec(std::string("PRAGMA main.cache_size = ") + kMainCache);
}

Applied ImportWriter::Impl::apply(const std::string& table, const std::string& upsert_sql, const char* rows_sql) {
  Applied a;
  tally = {};
  try {
    const std::vector<std::string> rebuild = drop_indexes_if_empty(table);
    std::optional<SQLite::Statement> upsert;
    try {
      upsert.emplace(*db, upsert_sql);
    } catch (const SQLite::Exception& e) {
      // A table without the key as PRIMARY KEY or UNIQUE (the contract allows it) cannot take
      // ON CONFLICT: such tables are written row by row below, still in key order.
      if (std::string(e.what()).find("ON CONFLICT") == std::string::npos) throw;
    }
    if (upsert) {
      upsert->exec();
      const auto changes = static_cast<std::size_t>(sqlite3_changes64(db->getHandle()));
      a.inserted = tally.rows - tally.repeated - tally.existing;
      a.updated = changes - a.inserted;
      a.unchanged = tally.existing - a.updated;
      a.repeated = tally.repeated;
    } else {
      a = upsert_row_by_row(table, rows_sql);
    }
    rebuild_indexes(rebuild);
  } catch (const SQLite::Exception& e) {
    fail("writing " + table, e);
  }
  return a;
}

Applied ImportWriter::Impl::upsert_row_by_row(const std::string& table, const char* rows_sql) {
  Applied a;
  SQLite::Statement rows(*db, rows_sql);
  const bool daily = table == "daily_metric";
  while (rows.executeStep()) {
    const Upsert u = daily ? upsert_daily(rows.getColumn(0).getInt64(), rows.getColumn(2).getString(),
                                          rows.getColumn(1).getString(), rows.getColumn(3).getDouble())
                           : upsert_interaction(rows.getColumn(0).getInt64(), rows);
    a.inserted += u == Upsert::Inserted;
    a.updated += u == Upsert::Updated;
    a.unchanged += u == Upsert::Unchanged;
    a.repeated += static_cast<std::size_t>(rows.getColumn(daily ? 4 : 8).getInt64() - 1);
  }
  return a;
}

Applied ImportWriter::Impl::apply_sorted() {
  Applied a;
  tally = {};
  try {
    sorter->finish();
    const std::vector<std::string> rebuild = drop_indexes_if_empty("interaction");
    std::optional<SQLite::Statement> upsert;
    try {
      upsert.emplace(*db, with_rows(kUpsertInteractions, kOneInteraction));
    } catch (const SQLite::Exception& e) {
      // A table without the key as PRIMARY KEY (the contract allows it) cannot take ON
      // CONFLICT: each row is then looked up and written (upsert_interaction).
      if (std::string(e.what()).find("ON CONFLICT") == std::string::npos) throw;
      upsert.emplace(*db, kInteractionValues);
    }
    const bool by_row = upsert->getQuery() == kInteractionValues;
    SortedInteraction r;
    std::optional<std::int64_t> last;
    while (sorter->next(r)) {
      if (last == r.id) {  // a repeat of the id just written: the first row is kept
        ++a.repeated;
        continue;
      }
      last = r.id;
      const Upsert u = upsert_sorted(*upsert, r, by_row);
      const Upsert done = by_row ? upsert_interaction(r.id, *upsert) : u;
      if (by_row) upsert->reset();
      a.inserted += done == Upsert::Inserted;
      a.updated += done == Upsert::Updated;
      a.unchanged += done == Upsert::Unchanged;
    }
    sorter.reset();
    rebuild_indexes(rebuild);
  } catch (const SQLite::Exception& e) {
    fail("writing interaction", e);
  }
  return a;
}

// Binds the row to `upsert` (kUpsertOneInteraction, or kInteractionValues, then left on its row)
// and steps it. For the upsert: whether the row was inserted, updated or unchanged.
Upsert ImportWriter::Impl::upsert_sorted(SQLite::Statement& upsert, const SortedInteraction& r, bool by_row) {
  const std::string received = format_instant(date::sys_seconds{std::chrono::seconds{r.received_at}});
  const std::string reply =
      r.first_reply_at ? format_instant(date::sys_seconds{std::chrono::seconds{*r.first_reply_at}}) : std::string();
  auto& s = upsert;
  // The row of kInteractionValues outlives this function: its texts are copied; the upsert's
  // are not (the strings outlive its step).
  kind_text.assign(r.kind);
  topic_text.assign(r.topic);
  s.bind(1, r.id);
  bind_columns(s, 2, {r.channel_id, received, kind_text, r.needs_reply, reply, r.sentiment, topic_text}, by_row);
  const std::size_t existing = tally.existing;
  if (by_row) {
    s.executeStep();
    return Upsert::Inserted;  // upsert_interaction() decides
  }
  const int changes = s.exec();
  s.reset();
  if (tally.existing == existing) return Upsert::Inserted;
  return changes > 0 ? Upsert::Updated : Upsert::Unchanged;
}

Upsert ImportWriter::Impl::upsert_daily(std::int64_t channel_id, const std::string& day, const std::string& metric,
                                        double value) {
  auto& g = *get_daily;
  g.bind(1, channel_id);
  g.bind(2, metric);
  g.bind(3, day);
  std::optional<double> old;
  if (g.executeStep()) old = g.getColumn(0).getDouble();
  g.reset();
  if (old && *old == value) return Upsert::Unchanged;
  auto& s = old ? *update_daily : *insert_daily;
  if (old) {
    s.bind(1, value), s.bind(2, channel_id), s.bind(3, metric), s.bind(4, day);
  } else {
    s.bind(1, channel_id), s.bind(2, day), s.bind(3, metric), s.bind(4, value);
  }
  s.exec();
  s.reset();
  return old ? Upsert::Updated : Upsert::Inserted;
}

// `r`: a row of kInteractionsBy*: id, channel_id, received_at, kind, needs_reply, first_reply_at,
// sentiment, topic.
Upsert ImportWriter::Impl::upsert_interaction(std::int64_t id, const SQLite::Statement& r) {
  auto& g = *get_interaction;
  g.bind(1, id);
  bool exists = false, same = false;
  if (g.executeStep()) {
    exists = true;
    same = true;
    for (int i = 0; i < 7 && same; ++i) {
      const SQLite::Column old = g.getColumn(i), now = r.getColumn(i + 1);
      if (i == 5 && !old.isNull() && !now.isNull())
        same = old.getDouble() == now.getDouble();
      else if (i == 0 || i == 3)
        same = old.getInt64() == now.getInt64();
      else
        same = same_optional_text(old, now);
    }
  }
  g.reset();
  if (same) return Upsert::Unchanged;
  auto& s = exists ? *update_interaction : *insert_interaction;
  for (int i = 0; i < 7; ++i) {
    const SQLite::Column c = r.getColumn(i + 1);
    if (c.isNull())
      s.bind(i + 1);
    else if (c.isInteger())
      s.bind(i + 1, c.getInt64());
    else if (c.isFloat())
      s.bind(i + 1, c.getDouble());
    else
      s.bind(i + 1, c.getString());
  }
  s.bind(8, id);
  s.exec();
  s.reset();
  return exists ? Upsert::Updated : Upsert::Inserted;
}

void ImportWriter::commit() {
  try {
    impl_->drop_stage();
    impl_->db->exec("COMMIT");
    impl_->in_transaction = false;
  } catch (const SQLite::Exception& e) {
    rollback();
    impl_->fail("committing", e);
  }
}

void ImportWriter::rollback() {
  if (!impl_ || !impl_->in_transaction) return;
  impl_->in_transaction = false;
  impl_->channels.clear();
  impl_->last_channel = nullptr;
  impl_->stage_daily.reset();
  impl_->sorter.reset();
  try {
    impl_->db->exec("ROLLBACK");
  } catch (...) {
    // NOTE: SQLite rolls back by itself when the connection closes; nothing more to do here.
  }
}

}  // namespace boardbrief::store
