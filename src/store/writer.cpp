#include "store/writer.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "base/choice.h"
#include "base/error.h"
#include "schema_sql.h"
#include "store/contract.h"

namespace boardbrief::store {

namespace fs = std::filesystem;

namespace {

// Creates an empty, unique "<path>.tmp-XXXXXX" beside `path` (mkstemp: never an existing
// file), with the permissions a new file gets from the umask, and returns its name. Only this
// file is ever removed again: a "<path>.tmp" of the user's is left alone.
std::string make_temporary(const std::string& path) {
  std::string name = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(name.data());
  if (fd < 0) throw OutputError("cannot create '" + path + "': " + std::strerror(errno));
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  return name;
}

const char* owner_text(model::Owner o) { return o == model::Owner::Own ? "own" : "competitor"; }

}  // namespace

std::string format_instant(date::sys_seconds t) {
  // Hand-formatted: this runs once or twice per interaction (millions of rows in the benchmark
  // and in a large import), and both date::format and snprintf cost more than the insert.
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const auto secs = static_cast<int>((t - day).count());
  std::string out = "0000-00-00T00:00:00Z";
  const auto put = [&](std::size_t at, int v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10)
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
  };
  put(0, static_cast<int>(ymd.year()), 4);
  put(5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  put(8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  put(11, secs / 3600, 2);
  put(14, secs / 60 % 60, 2);
  put(17, secs % 60, 2);
  return out;
}

std::string format_day(date::local_days d) {
  const date::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

struct DatabaseWriter::Impl {
  std::string path;
  std::string tmp_path;
  // Declared before the statements so that it is destroyed after them.
  std::optional<SQLite::Database> db;
  std::optional<SQLite::Statement> insert_channel;
  std::optional<SQLite::Statement> insert_metric;
  std::optional<SQLite::Statement> insert_daily;
  std::optional<SQLite::Statement> insert_interaction;
  std::optional<SQLite::Statement> insert_target;
  std::int64_t next_interaction_id = 1;
  std::vector<std::string> deferred_indexes;  // CREATE INDEX statements, run again at commit

  void close() {
    insert_channel.reset();
    insert_metric.reset();
    insert_daily.reset();
    insert_interaction.reset();
    insert_target.reset();
    db.reset();
  }

  // Runs a bound statement once and makes it ready for the next row. `describe` names the row
  // and is only called on failure: building that text for every row would cost more than
  // the insert.
  template <class Describe>
  void step(SQLite::Statement& s, Describe&& describe) {
    try {
      s.exec();
      s.reset();
    } catch (const SQLite::Exception& e) {
      s.tryReset();
      throw OutputError("writing " + describe() + " to '" + path + "': " + e.what());
    }
  }
};

DatabaseWriter::DatabaseWriter(const std::string& path, bool replace) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  std::error_code ec;
  if (fs::exists(path, ec) && !replace) {
    throw OutputError("'" + path + "' exists (use --force to replace it)");
  }
  if (fs::is_directory(path, ec)) throw OutputError("cannot create '" + path + "': it is a directory");
  impl_->tmp_path = make_temporary(path);
  try {
    impl_->db.emplace(impl_->tmp_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    auto& db = *impl_->db;
    // Nobody reads the temporary file before the rename, and a crash only loses the temporary:
    // journalling and fsync would only cost time.
    db.exec(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
        "PRAGMA cache_size = -65536;");
    db.exec(kSchemaSql);
    db.exec("BEGIN");
    // Secondary indexes are dropped while loading and rebuilt at commit from their own CREATE
    // text: building an index from the finished table is several times faster than growing
    // it row by row in random key order (1.4 M daily rows: 6 s -> under 2 s).
    {
      SQLite::Statement q(
          db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid");
      std::vector<std::string> names;
      while (q.executeStep()) {
        names.push_back(q.getColumn(0).getString());
        impl_->deferred_indexes.push_back(q.getColumn(1).getString());
      }
      for (const auto& name : names) db.exec("DROP INDEX \"" + name + "\"");
    }
    impl_->insert_channel.emplace(db, "INSERT INTO channel (id, platform, handle, name, owner) VALUES (?, ?, ?, ?, ?)");
    impl_->insert_metric.emplace(db,
                                 "INSERT INTO metric (key, label, aggregation, unit, better) VALUES (?, ?, ?, ?, ?)");
    impl_->insert_daily.emplace(db, "INSERT INTO daily_metric (channel_id, day, metric, value) VALUES (?, ?, ?, ?)");
    impl_->insert_interaction.emplace(
        db,
        "INSERT INTO interaction (id, channel_id, received_at, kind, needs_reply, first_reply_at, sentiment, topic) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    impl_->insert_target.emplace(
        db, "INSERT INTO target (metric, channel_id, valid_from, valid_to, value) VALUES (?, ?, ?, ?, ?)");
  } catch (const SQLite::Exception& e) {
    impl_->close();
    fs::remove(impl_->tmp_path, ec);
    throw OutputError("cannot create '" + path + "': " + e.what());
  }
}

DatabaseWriter::~DatabaseWriter() {
  if (!impl_ || !impl_->db) return;  // committed (or moved-from)
  try {
    impl_->close();
  } catch (...) {
    // NOTE: closing cannot report anything useful here; the file is discarded below anyway.
  }
  std::error_code ec;
  fs::remove(impl_->tmp_path, ec);
}

void DatabaseWriter::add_channel(const model::Channel& c) {
  auto& s = *impl_->insert_channel;
  s.bind(1, c.id);
  s.bind(2, c.platform);
  s.bind(3, c.handle);
  s.bind(4, c.name);
  s.bind(5, owner_text(c.owner));
  impl_->step(s, [&] { return "channel '" + c.handle + "'"; });
}

void DatabaseWriter::add_metric(const model::MetricDef& m) {
  auto& s = *impl_->insert_metric;
  s.bind(1, m.key);
  s.bind(2, m.label);
  s.bind(3, std::string(choice_word(m.aggregation, kAggregationWords)));
  s.bind(4, m.unit);
  s.bind(5, std::string(choice_word(m.better, kBetterWords)));
  impl_->step(s, [&] { return "metric '" + m.key + "'"; });
}

void DatabaseWriter::add_daily(std::int64_t channel_id, date::local_days day, const std::string& metric, double value) {
  auto& s = *impl_->insert_daily;
  s.bind(1, channel_id);
  s.bind(2, format_day(day));
  s.bindNoCopy(3, metric);  // `metric` outlives the step below
  s.bind(4, value);
  impl_->step(s, [&] {
    return "daily_metric (channel " + std::to_string(channel_id) + ", " + metric + ", " + format_day(day) + ")";
  });
}

std::int64_t DatabaseWriter::add_interaction(const InteractionRecord& r) {
  auto& s = *impl_->insert_interaction;
  const std::int64_t id = impl_->next_interaction_id;
  s.bind(1, id);
  s.bind(2, r.channel_id);
  s.bind(3, format_instant(r.received_at));
  s.bindNoCopy(4, r.kind);
  s.bind(5, r.needs_reply ? 1 : 0);
  if (r.first_reply_at) {
    s.bind(6, format_instant(*r.first_reply_at));
  } else {
    s.bind(6);
  }
  if (r.sentiment) {
    s.bind(7, *r.sentiment);
  } else {
    s.bind(7);
  }
  if (r.topic.empty()) {
    s.bind(8);
  } else {
    s.bindNoCopy(8, r.topic);
  }
  impl_->step(s, [&] { return "interaction " + std::to_string(id); });
  ++impl_->next_interaction_id;
  return id;
}

void DatabaseWriter::add_target(const TargetRecord& t) {
  auto& s = *impl_->insert_target;
  s.bind(1, t.metric);
  if (t.channel_id) {
    s.bind(2, *t.channel_id);
  } else {
    s.bind(2);
  }
  s.bind(3, format_day(t.valid_from));
  s.bind(4, format_day(t.valid_to));
  s.bind(5, t.value);
  impl_->step(s, [&] { return "target '" + t.metric + "'"; });
}

void DatabaseWriter::commit() {
  std::error_code ec;
  try {
    for (const auto& sql : impl_->deferred_indexes) impl_->db->exec(sql);
    impl_->db->exec("COMMIT");
    impl_->close();
  } catch (const SQLite::Exception& e) {
    impl_->close();
    fs::remove(impl_->tmp_path, ec);
    throw OutputError("cannot write '" + impl_->path + "': " + e.what());
  }
  fs::rename(impl_->tmp_path, impl_->path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(impl_->tmp_path, ignored);
    throw OutputError("cannot write '" + impl_->path + "': " + ec.message());
  }
}

}  // namespace boardbrief::store
