// --timeout for database reads: SQLite's progress handler checks the clock every few thousand
// virtual-machine steps and interrupts the statement past the deadline, so a view holding an
// unbounded recursive query cannot make a report run forever (docs/errors.md, "Hangs").
// Internal to the store.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <string>

namespace boardbrief::store {

class Deadline {
 public:
  // Installs the handler on `db`; `seconds` <= 0 means no deadline. Must outlive `db`'s use.
  Deadline(sqlite3* db, int seconds);
  ~Deadline();
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  // "reading table T took longer than --timeout N s (...)", naming the table the interrupted
  // statement reads; for a statement that failed with SQLITE_INTERRUPT.
  std::string message() const;

 private:
  static int check(void* self);
  sqlite3* db_;
  int seconds_;
  std::chrono::steady_clock::time_point end_;
  std::string interrupted_sql_;
};

// The message of the last interrupt on this thread: for error paths that only hold the
// SQLITE_INTERRUPT code.
std::string timeout_message();

}  // namespace boardbrief::store
