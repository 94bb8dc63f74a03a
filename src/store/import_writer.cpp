#include "store/import_writer.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <optional>

#include "base/error.h"
#include "store/database.h"

namespace boardbrief::store {

namespace {

constexpr int kBusyMs = 5000;

bool is_busy(const SQLite::Exception& e) {
  return e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
}

std::string locked(const std::string& path) {
  return "cannot write '" + path + "': the database is locked by another process (gave up after " +
         std::to_string(kBusyMs / 1000) + " s)";
}

bool same_optional_text(const SQLite::Column& c, const std::optional<std::string>& v) {
  if (c.isNull()) return !v.has_value();
  return v && c.getString() == *v;
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
    impl_->db.emplace(path, SQLite::OPEN_READWRITE, kBusyMs);
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
    // One transaction per file touches B-tree pages all over the table: a 64 MiB page cache
    // keeps them in memory (500,000 rows: 11 s -> see docs/import.md).
    db.exec("PRAGMA cache_size = -65536");
    impl_->find_channel.emplace(db, "SELECT id FROM channel WHERE platform = ? AND handle = ?");
    impl_->insert_channel.emplace(db, "INSERT INTO channel (platform, handle, name, owner) VALUES (?, ?, ?, ?)");
    impl_->get_daily.emplace(db, "SELECT value FROM daily_metric WHERE channel_id = ? AND metric = ? AND day = ?");
    impl_->insert_daily.emplace(db, "INSERT INTO daily_metric (channel_id, day, metric, value) VALUES (?, ?, ?, ?)");
    impl_->update_daily.emplace(db, "UPDATE daily_metric SET value = ? WHERE channel_id = ? AND metric = ? AND day = ?");
    impl_->get_interaction.emplace(
        db, "SELECT channel_id, received_at, kind, needs_reply, first_reply_at, sentiment, topic FROM interaction WHERE id = ?");
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

std::vector<std::string> ImportWriter::metric_keys() {
  std::vector<std::string> keys;
  SQLite::Statement q(*impl_->db, "SELECT key FROM metric ORDER BY key");
  while (q.executeStep()) keys.push_back(q.getColumn(0).getString());
  return keys;
}

std::vector<std::string> ImportWriter::summed_metric_keys() {
  std::vector<std::string> keys;
  SQLite::Statement q(*impl_->db, "SELECT key FROM metric WHERE aggregation = 'sum' ORDER BY key");
  while (q.executeStep()) keys.push_back(q.getColumn(0).getString());
  return keys;
}

void ImportWriter::begin() {
  try {
    impl_->db->exec("BEGIN IMMEDIATE");
    impl_->in_transaction = true;
  } catch (const SQLite::Exception& e) {
    impl_->fail("starting a transaction", e);
  }
  impl_->channels.clear();
}

std::int64_t ImportWriter::channel(const std::string& platform, const std::string& handle, model::Owner owner,
                                   const std::string& name, bool& inserted) {
  inserted = false;
  auto key = std::make_pair(platform, handle);
  if (auto it = impl_->channels.find(key); it != impl_->channels.end()) return it->second;
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
    impl_->channels.emplace(key, id);
    return id;
  } catch (const SQLite::Exception& e) {
    impl_->find_channel->tryReset();
    impl_->insert_channel->tryReset();
    impl_->fail("channel " + platform + " " + handle, e);
  }
}

Upsert ImportWriter::upsert_daily(std::int64_t channel_id, date::local_days day, const std::string& metric,
                                  double value) {
  const std::string d = format_day(day);
  try {
    auto& g = *impl_->get_daily;
    g.bind(1, channel_id);
    g.bind(2, metric);
    g.bind(3, d);
    std::optional<double> old;
    if (g.executeStep()) old = g.getColumn(0).getDouble();
    g.reset();
    if (old && *old == value) return Upsert::Unchanged;
    auto& s = old ? *impl_->update_daily : *impl_->insert_daily;
    if (old) {
      s.bind(1, value), s.bind(2, channel_id), s.bind(3, metric), s.bind(4, d);
    } else {
      s.bind(1, channel_id), s.bind(2, d), s.bind(3, metric), s.bind(4, value);
    }
    s.exec();
    s.reset();
    return old ? Upsert::Updated : Upsert::Inserted;
  } catch (const SQLite::Exception& e) {
    impl_->get_daily->tryReset();
    impl_->insert_daily->tryReset();
    impl_->update_daily->tryReset();
    impl_->fail("daily_metric (channel " + std::to_string(channel_id) + ", " + metric + ", " + d + ")", e);
  }
}

Upsert ImportWriter::upsert_interaction(std::int64_t id, const InteractionRecord& r) {
  const std::string received = format_instant(r.received_at);
  const std::optional<std::string> reply =
      r.first_reply_at ? std::optional<std::string>(format_instant(*r.first_reply_at)) : std::nullopt;
  const std::optional<std::string> topic = r.topic.empty() ? std::nullopt : std::optional<std::string>(r.topic);
  try {
    auto& g = *impl_->get_interaction;
    g.bind(1, id);
    bool exists = false, same = false;
    if (g.executeStep()) {
      exists = true;
      const SQLite::Column sentiment = g.getColumn(5);
      same = g.getColumn(0).getInt64() == r.channel_id && g.getColumn(1).getString() == received &&
             g.getColumn(2).getString() == r.kind && (g.getColumn(3).getInt() != 0) == r.needs_reply &&
             same_optional_text(g.getColumn(4), reply) &&
             (sentiment.isNull() ? !r.sentiment : (r.sentiment && sentiment.getDouble() == *r.sentiment)) &&
             same_optional_text(g.getColumn(6), topic);
    }
    g.reset();
    if (same) return Upsert::Unchanged;
    auto& s = exists ? *impl_->update_interaction : *impl_->insert_interaction;
    s.bind(1, r.channel_id);
    s.bind(2, received);
    s.bind(3, r.kind);
    s.bind(4, r.needs_reply ? 1 : 0);
    if (reply) s.bind(5, *reply); else s.bind(5);
    if (r.sentiment) s.bind(6, *r.sentiment); else s.bind(6);
    if (topic) s.bind(7, *topic); else s.bind(7);
    s.bind(8, id);
    s.exec();
    s.reset();
    return exists ? Upsert::Updated : Upsert::Inserted;
  } catch (const SQLite::Exception& e) {
    impl_->get_interaction->tryReset();
    impl_->insert_interaction->tryReset();
    impl_->update_interaction->tryReset();
    impl_->fail("interaction " + std::to_string(id) + " received " + received, e);
  }
}

void ImportWriter::commit() {
  try {
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
  try {
    impl_->db->exec("ROLLBACK");
  } catch (...) {
    // NOTE: SQLite rolls back by itself when the connection closes; nothing more to do here.
  }
}

}  // namespace boardbrief::store
