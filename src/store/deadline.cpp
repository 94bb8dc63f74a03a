#include "store/deadline.h"

#include <cctype>

namespace boardbrief::store {

namespace {

// Set on the thread that steps the interrupted statement, read by its error path.
thread_local std::string last_message;

// The first name after FROM in `sql` (the table or view the statement reads), or the start of
// the statement when there is none.
std::string table_of(const std::string& sql) {
  std::string upper = sql;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto at = upper.find("FROM ");
  if (at == std::string::npos) return "query \"" + sql.substr(0, 60) + "\"";
  at += 5;
  while (at < sql.size() && (sql[at] == ' ' || sql[at] == '\n' || sql[at] == '(')) ++at;
  std::string name;
  while (at < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[at])) || sql[at] == '_')) name += sql[at++];
  return name.empty() ? "query \"" + sql.substr(0, 60) + "\"" : "table " + name;
}

}  // namespace

Deadline::Deadline(sqlite3* db, int seconds)
    : db_(db), seconds_(seconds), end_(std::chrono::steady_clock::now() + std::chrono::seconds(seconds)) {
  if (seconds_ <= 0) return;
  // Every 10,000 steps: a clock read costs far less than the steps between two reads.
  sqlite3_progress_handler(db_, 10000, &Deadline::check, this);
}

Deadline::~Deadline() {
  if (seconds_ <= 0) return;
  sqlite3_progress_handler(db_, 0, nullptr, nullptr);
}

int Deadline::check(void* p) {
  auto* self = static_cast<Deadline*>(p);
  if (std::chrono::steady_clock::now() < self->end_) return 0;
  // Remember what was running: the busy statement's SQL names the table. The list starts with
  // the newest statement, the inner one of two nested loops.
  for (sqlite3_stmt* s = sqlite3_next_stmt(self->db_, nullptr); s; s = sqlite3_next_stmt(self->db_, s)) {
    if (sqlite3_stmt_busy(s) && sqlite3_sql(s)) {
      self->interrupted_sql_ = sqlite3_sql(s);
      break;
    }
  }
  last_message = self->message();
  return 1;  // interrupts: the statement fails with SQLITE_INTERRUPT
}

std::string Deadline::message() const {
  return "reading " + (interrupted_sql_.empty() ? std::string("the database") : table_of(interrupted_sql_)) +
         " took longer than --timeout " + std::to_string(seconds_) +
         " s (a view with an unbounded query, or a database far larger than expected?)";
}

std::string timeout_message() { return last_message; }

}  // namespace boardbrief::store
