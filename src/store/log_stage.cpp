#include "store/log_stage.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>

#include "store/bind.h"

namespace boardbrief::store {

namespace {

constexpr const char* kDropSql =
    "DROP TABLE IF EXISTS temp.log_row; DROP TABLE IF EXISTS temp.log_first; DROP TABLE IF EXISTS temp.log_pair;"
    " DROP TABLE IF EXISTS temp.log_reply";

// log_row: the log as read (rowid = file order). log_first: the first row of each message id,
// in id order. log_pair: company replies that answer an inbound message, with their row.
// log_reply: the earliest of them per message.
constexpr const char* kCreateSql =
    "CREATE TEMP TABLE log_row (id TEXT NOT NULL, author TEXT NOT NULL, inbound INTEGER NOT NULL,"
    " at INTEGER NOT NULL, reply_to TEXT, mentions TEXT);"
    "CREATE TEMP TABLE log_first (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, author TEXT NOT NULL,"
    " inbound INTEGER NOT NULL, at INTEGER NOT NULL, reply_to TEXT, mentions TEXT) WITHOUT ROWID;"
    "CREATE TEMP TABLE log_pair (message TEXT NOT NULL, author TEXT NOT NULL, at INTEGER NOT NULL,"
    " seq INTEGER NOT NULL);"
    "CREATE TEMP TABLE log_reply (message TEXT PRIMARY KEY, author TEXT NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID";

// Sorted by key before the insert, so each B-tree is written in order (appends, sequential
// runs in the sorter) and DO NOTHING keeps the first row of a key.
constexpr const char* kFirstRowsSql =
    "INSERT INTO temp.log_first SELECT id, rowid, author, inbound, at, reply_to, mentions FROM temp.log_row"
    " WHERE true ORDER BY id, rowid ON CONFLICT (id) DO NOTHING";
constexpr const char* kRepliesSql =
    "SELECT r.reply_to, t.inbound, t.at, r.author, r.at, r.seq FROM temp.log_first r"
    " LEFT JOIN temp.log_first t ON t.id = r.reply_to WHERE r.inbound = 0";
constexpr const char* kEarliestSql =
    "INSERT INTO temp.log_reply SELECT message, author, at FROM temp.log_pair"
    " WHERE true ORDER BY message, at, seq ON CONFLICT (message) DO NOTHING";
constexpr const char* kMessagesSql =
    "SELECT m.id, m.at, m.mentions, r.author, r.at, a.author FROM temp.log_first m"
    " LEFT JOIN temp.log_reply r ON r.message = m.id"
    " LEFT JOIN temp.log_first a ON a.id = m.reply_to AND a.inbound = 0 WHERE m.inbound = 1";

std::string text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

}  // namespace

struct LogStage::Impl {
  ImportWriter& writer;
  SQLite::Database& db;
  std::optional<SQLite::Statement> insert;
  std::size_t rows = 0;

  Impl(ImportWriter& w, SQLite::Database& d) : writer(w), db(d) {}
  void classify_replies(model::LogSkips& skips);
};

LogStage::LogStage(ImportWriter& writer) : impl_(std::make_unique<Impl>(writer, writer.database())) {
  try {
    impl_->db.exec(kDropSql);
    impl_->db.exec(kCreateSql);
    impl_->insert.emplace(impl_->db,
                          "INSERT INTO temp.log_row (id, author, inbound, at, reply_to, mentions)"
                          " VALUES (?, ?, ?, ?, ?, ?)");
  } catch (const SQLite::Exception& e) {
    writer.fail("creating the conversation log's tables", e);
  }
}

LogStage::~LogStage() {
  impl_->insert.reset();
  try {
    impl_->db.exec(kDropSql);
  } catch (...) {
    // NOTE: the tables are temporary: they go with the connection, or with the rollback.
  }
}

void LogStage::add(const model::LogEntry& e) {
  auto& s = *impl_->insert;
  try {
    // Every bound string outlives the step below: no copies.
    s.bindNoCopy(1, e.id);
    s.bindNoCopy(2, e.author);
    s.bind(3, e.inbound ? 1 : 0);
    s.bind(4, e.at);
    bind_text_or_null(s, 5, e.reply_to);
    bind_text_or_null(s, 6, e.mentions);
    s.exec();
    s.reset();
  } catch (const SQLite::Exception& e) {
    s.tryReset();
    impl_->writer.fail("staging the conversation log", e);
  }
  ++impl_->rows;
}

// Sorts each company reply (the first row of its id) into a reason it is skipped or a pair
// (message, reply) in log_pair.
void LogStage::Impl::classify_replies(model::LogSkips& skips) {
  SQLite::Statement pair(db, "INSERT INTO temp.log_pair (message, author, at, seq) VALUES (?, ?, ?, ?)");
  SQLite::Statement q(db, kRepliesSql);
  while (q.executeStep()) {
    if (q.getColumn(0).isNull()) {
      ++skips.not_answering;
    } else if (q.getColumn(1).isNull()) {
      ++skips.unknown_message;
    } else if (q.getColumn(1).getInt() == 0) {
      ++skips.to_company;
    } else if (q.getColumn(4).getInt64() < q.getColumn(2).getInt64()) {
      ++skips.before_message;
    } else {
      pair.bind(1, q.getColumn(0).getString());
      pair.bind(2, q.getColumn(3).getString());
      pair.bind(3, q.getColumn(4).getInt64());
      pair.bind(4, q.getColumn(5).getInt64());
      pair.exec();
      pair.reset();
    }
  }
}

model::LogSkips LogStage::match(const std::function<void(const model::LogMessage&)>& each) {
  model::LogSkips skips;
  try {
    impl_->insert.reset();
    auto& db = impl_->db;
    ImportWriter::sorting_statements(db, {kFirstRowsSql});
    skips.repeated_ids = impl_->rows - static_cast<std::size_t>(db.getChanges());
    db.exec("DELETE FROM temp.log_row");
    impl_->classify_replies(skips);
    ImportWriter::sorting_statements(db, {kEarliestSql});
    db.exec("DELETE FROM temp.log_pair");
    SQLite::Statement q(db, kMessagesSql);
    model::LogMessage m;
    while (q.executeStep()) {
      m.id = q.getColumn(0).getString();
      m.at = q.getColumn(1).getInt64();
      m.mentions = text(q.getColumn(2));
      m.reply_author = text(q.getColumn(3));
      m.reply_at = q.getColumn(4).isNull() ? std::nullopt : std::optional<std::int64_t>(q.getColumn(4).getInt64());
      m.answered_author = text(q.getColumn(5));
      each(m);
    }
  } catch (const SQLite::Exception& e) {
    impl_->writer.fail("matching the conversation log", e);
  }
  return skips;
}

}  // namespace boardbrief::store
