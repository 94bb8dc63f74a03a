// Fuzzes the database reader (store/database + the check rules) with mutated small SQLite
// files: any file gives figures or a DataError, never a crash or a hang.
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "base/error.h"
#include "store/database.h"
#include "store/violations.h"

using namespace boardbrief;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/boardbrief-fuzz-db-" + std::to_string(::getpid()) + ".db";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    store::Database db(path, 0);
    (void)db.channels();
    (void)db.metrics();
    (void)db.targets();
    using date::literals::operator""_y;
    model::DayRange oct{date::local_days{2026_y / 10 / 1}, date::local_days{2026_y / 10 / 31}};
    (void)db.aggregate_metrics({oct});
    (void)db.daily_values(oct);
    std::int64_t rows = 0;
    db.scan_interactions(0, 4102444800, [&](const model::InteractionRow&) { ++rows; });
    (void)db.backlog_at(1793491200);
    (void)db.count_rows("interaction");
    (void)store::find_violations(db);
    (void)store::missing_indexes(db);
  } catch (const DataError&) {
  }
  return 0;
}
