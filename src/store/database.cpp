#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "base/error.h"
#include "store/contract.h"
#include "store/fingerprint.h"
#include "store/timestamp.h"

namespace boardbrief::store {

namespace {

std::string day_text(date::local_days d) {
  return date::format("%F", d);
}

std::optional<date::local_days> parse_day_text(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  date::year_month_day ymd{date::year{std::stoi(s.substr(0, 4))},
                           date::month{static_cast<unsigned>(std::stoi(s.substr(5, 2)))},
                           date::day{static_cast<unsigned>(std::stoi(s.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return date::local_days{ymd};
}

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
  throw DataError(path + ": " + e.what());
}

}  // namespace

struct Database::Impl {
  std::string path;
  SQLite::Database db;
  int version = 0;
  bool has_target = false;
  bool in_transaction = false;
  Fingerprint fingerprint;  // of every row a report reads (provenance)

  Impl(const std::string& p, int busy_ms)
      : path(p), db(p, SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX, busy_ms) {
    register_fingerprint_function(db.getHandle(), fingerprint);
  }
};

Database::Database(const std::string& path, int busy_timeout_ms) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw DataError(path + ": no such file");
  if (fs::is_directory(path, ec)) throw DataError(path + ": is a directory, not a database file");
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw DataError(path + ": cannot open the file for reading");
    char head[16] = {};
    probe.read(head, sizeof head);
    if (probe.gcount() > 0 && std::string(head, static_cast<std::size_t>(probe.gcount())) !=
                                  std::string("SQLite format 3\0", 16).substr(0, static_cast<std::size_t>(probe.gcount())))
      throw DataError(path + ": not an SQLite database");
    if (probe.gcount() == 0) throw DataError(path + ": empty file, not an SQLite database");
  }
  try {
    impl_ = std::make_unique<Impl>(path, busy_timeout_ms);
    // One read transaction for the whole report: the first SELECT fixes the snapshot.
    impl_->db.exec("BEGIN");
    impl_->in_transaction = true;
    impl_->version = impl_->db.execAndGet("PRAGMA user_version").getInt();
    std::set<std::string> tables;
    SQLite::Statement q(impl_->db, "SELECT name FROM sqlite_schema WHERE type IN ('table','view')");
    while (q.executeStep()) tables.insert(q.getColumn(0).getString());
    if (impl_->version != kSchemaVersion) {
      throw DataError(path + ": schema version " + std::to_string(impl_->version) + " (PRAGMA user_version), expected " +
                      std::to_string(kSchemaVersion) +
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
std::string Database::fingerprint() const { return impl_->fingerprint.hex(); }
std::int64_t Database::fingerprinted_rows() const { return impl_->fingerprint.rows(); }
int Database::schema_version() const { return impl_->version; }

std::vector<model::Channel> Database::channels() {
  std::vector<model::Channel> out;
  try {
    SQLite::Statement q(impl_->db, "SELECT id, platform, handle, name, owner FROM channel ORDER BY id");
    while (q.executeStep()) {
      model::Channel c;
      c.id = q.getColumn(0).getInt64();
      c.platform = q.getColumn(1).getString();
      c.handle = q.getColumn(2).getString();
      c.name = q.getColumn(3).getString();
      std::string owner = q.getColumn(4).getString();
      if (owner == "own") c.owner = model::Owner::Own;
      else if (owner == "competitor") c.owner = model::Owner::Competitor;
      else
        throw DataError(impl_->path + ": table channel, row id " + std::to_string(c.id) + ": owner '" + owner +
                        "' is neither 'own' nor 'competitor'");
      impl_->fingerprint.add_row(RowHash().add(c.id).add(c.platform).add(c.handle).add(c.name).add(owner).finish());
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
      auto where = impl_->path + ": table metric, key '" + m.key + "': ";
      if (agg == "sum") m.aggregation = model::Aggregation::Sum;
      else if (agg == "last") m.aggregation = model::Aggregation::Last;
      else if (agg == "mean") m.aggregation = model::Aggregation::Mean;
      else if (agg == "max") m.aggregation = model::Aggregation::Max;
      else throw DataError(where + "aggregation '" + agg + "' is not sum, last, mean or max");
      if (better == "up") m.better = model::Better::Up;
      else if (better == "down") m.better = model::Better::Down;
      else if (better == "none") m.better = model::Better::None;
      else throw DataError(where + "better '" + better + "' is not up, down or none");
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
      auto from = parse_day_text(q.getColumn(3).getString());
      auto to = parse_day_text(q.getColumn(4).getString());
      if (!from) throw DataError(where + "valid_from '" + q.getColumn(3).getString() + "' is not a day (YYYY-MM-DD)");
      if (!to) throw DataError(where + "valid_to '" + q.getColumn(4).getString() + "' is not a day (YYYY-MM-DD)");
      t.valid_from = *from;
      t.valid_to = *to;
      t.value = q.getColumn(5).getDouble();
      if (!std::isfinite(t.value)) throw DataError(where + "value is not a finite number");
      impl_->fingerprint.add_row(RowHash().add(t.metric).add(t.channel_id.value_or(-1)).add(q.getColumn(3).getString())
                                     .add(q.getColumn(4).getString()).add(t.value).finish());
      out.push_back(std::move(t));
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
  return out;
}

std::vector<MetricAggregate> Database::aggregate_metrics(const std::vector<DayRange>& ranges) {
  std::vector<MetricAggregate> out;
  try {
    // One grouped query per range, each a range scan on the day index. "last" uses SQLite's
    // documented bare-column rule: with a single max() aggregate, value comes from that row.
    SQLite::Statement sums(impl_->db,
                           "SELECT channel_id, metric, SUM(value), AVG(value), MAX(value), COUNT(*), "
                           "bb_fingerprint(channel_id, metric, day, value) FROM daily_metric WHERE day BETWEEN ?1 AND ?2 GROUP BY channel_id, metric");
    SQLite::Statement lasts(impl_->db,
                            "SELECT channel_id, metric, MAX(day), value "
                            "FROM daily_metric WHERE day BETWEEN ?1 AND ?2 GROUP BY channel_id, metric");
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      std::string first = day_text(ranges[i].first), last = day_text(ranges[i].last);
      sums.bind(1, first);
      sums.bind(2, last);
      std::size_t begin = out.size();
      while (sums.executeStep()) {
        MetricAggregate a;
        a.range = i;
        a.channel_id = sums.getColumn(0).getInt64();
        a.metric = sums.getColumn(1).getString();
        a.sum = sums.getColumn(2).getDouble();
        a.mean = sums.getColumn(3).getDouble();
        a.max = sums.getColumn(4).getDouble();
        a.days = sums.getColumn(5).getInt();
        out.push_back(std::move(a));
      }
      sums.reset();
      lasts.bind(1, first);
      lasts.bind(2, last);
      std::size_t k = begin;  // both queries group in the same (channel_id, metric) order
      while (lasts.executeStep()) {
        std::int64_t ch = lasts.getColumn(0).getInt64();
        std::string metric = lasts.getColumn(1).getString();
        while (k < out.size() && (out[k].channel_id != ch || out[k].metric != metric)) ++k;
        if (k < out.size()) out[k].last = lasts.getColumn(3).getDouble();
      }
      lasts.reset();
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
  for (const auto& a : out)
    if (!std::isfinite(a.sum) || !std::isfinite(a.last))
      throw DataError(impl_->path + ": table daily_metric, channel " + std::to_string(a.channel_id) + ", metric '" +
                      a.metric + "': value is not a finite number");
  return out;
}

std::vector<DailyValue> Database::daily_values(const DayRange& range, const std::vector<std::string>& metrics) {
  std::vector<DailyValue> out;
  try {
    SQLite::Statement q(impl_->db,
                        "SELECT channel_id, metric, day, value FROM daily_metric "
                        "WHERE day BETWEEN ?1 AND ?2 ORDER BY channel_id, metric, day");
    q.bind(1, day_text(range.first));
    q.bind(2, day_text(range.last));
    std::set<std::string> wanted(metrics.begin(), metrics.end());
    while (q.executeStep()) {
      std::string metric = q.getColumn(1).getString();
      if (!wanted.empty() && !wanted.count(metric)) continue;
      DailyValue v;
      v.channel_id = q.getColumn(0).getInt64();
      v.metric = std::move(metric);
      std::string day = q.getColumn(2).getString();
      auto d = parse_day_text(day);
      if (!d)
        throw DataError(impl_->path + ": table daily_metric, channel " + std::to_string(v.channel_id) + ", metric '" +
                        v.metric + "': day '" + day + "' is not a day (YYYY-MM-DD)");
      v.day = *d;
      v.value = q.getColumn(3).getDouble();
      out.push_back(std::move(v));
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
  return out;
}

void Database::scan_interactions(std::int64_t begin, std::int64_t end,
                                 const std::function<void(const InteractionRow&)>& visit) {
  try {
    // A range on the received_at index; the bounds are text in the contract's fixed format,
    // so text order is time order.
    // The hot loop reads millions of rows: use the C API directly (SQLiteCpp's Column copies a
    // shared_ptr per value) and parse the fixed-width instants without a general parser.
    sqlite3_stmt* raw = nullptr;
    const char* sql =
        "SELECT id, channel_id, received_at, needs_reply, first_reply_at, sentiment "
        "FROM interaction WHERE received_at >= ?1 AND received_at < ?2 ORDER BY received_at";
    if (sqlite3_prepare_v2(impl_->db.getHandle(), sql, -1, &raw, nullptr) != SQLITE_OK)
      throw DataError(impl_->path + ": " + sqlite3_errmsg(impl_->db.getHandle()));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
    std::string b = format_utc_instant(begin), e = format_utc_instant(end);
    sqlite3_bind_text(raw, 1, b.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(raw, 2, e.c_str(), -1, SQLITE_STATIC);
    InteractionRow row;
    for (;;) {
      int rc = sqlite3_step(raw);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        if (rc == SQLITE_BUSY) throw DataError(impl_->path + ": database is locked by another process (gave up after the busy timeout)");
        throw DataError(impl_->path + ": reading table interaction: " + sqlite3_errmsg(impl_->db.getHandle()));
      }
      sqlite3_stmt* s = raw;
      auto where = [&](const char* col) {
        return impl_->path + ": table interaction, row id " + std::to_string(sqlite3_column_int64(s, 0)) + ": " + col;
      };
      row.channel_id = sqlite3_column_int64(s, 1);
      auto text = [&](int i) {
        const char* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
        return std::string_view(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
      };
      auto received = parse_utc_instant(text(2));
      if (!received) throw DataError(where("received_at") + " '" + std::string(text(2)) + "' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)");
      row.received = *received;
      row.needs_reply = sqlite3_column_int(s, 3) != 0;
      row.first_reply.reset();
      if (sqlite3_column_type(s, 4) != SQLITE_NULL) {
        auto reply = parse_utc_instant(text(4));
        if (!reply) throw DataError(where("first_reply_at") + " '" + std::string(text(4)) + "' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)");
        if (*reply < row.received) throw DataError(where("first_reply_at") + " is before received_at");
        row.first_reply = *reply;
      }
      row.sentiment.reset();
      if (sqlite3_column_type(s, 5) != SQLITE_NULL) {
        double v = sqlite3_column_double(s, 5);
        if (!(v >= -1.0 && v <= 1.0)) throw DataError(where("sentiment") + " is outside [-1, 1]");
        row.sentiment = v;
      }
      impl_->fingerprint.add_row(hash_row(sqlite3_column_int64(s, 0), row));
      visit(row);
    }
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
}

std::vector<std::pair<std::int64_t, std::int64_t>> Database::backlog_at(std::int64_t at) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  try {
    SQLite::Statement q(impl_->db,
                        "SELECT channel_id, COUNT(*), bb_fingerprint(id, received_at, first_reply_at) FROM interaction "
                        "WHERE received_at < ?1 AND needs_reply = 1 AND (first_reply_at IS NULL OR first_reply_at >= ?1) "
                        "GROUP BY channel_id ORDER BY channel_id");
    q.bind(1, format_utc_instant(at));
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->path, e);
  }
  return out;
}

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
