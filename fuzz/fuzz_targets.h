// The bodies of the libFuzzer targets, shared with tests/robustness/fuzz_corpus_test.cpp so the
// seed corpora (tests/fuzz/<target>/) and every input that once crashed run in the normal suite.
// Each returns normally for any input; a broken invariant calls std::abort().
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "base/error.h"
#include "calendar/periods.h"
#include "options/template_spec.h"
#include "store/data_quality.h"
#include "store/database.h"
#include "store/violations.h"
#include "text/strings.h"

namespace boardbrief::fuzz {

inline std::string scratch_file(const char* name) {
  return "/tmp/boardbrief-fuzz-" + std::string(name) + "-" + std::to_string(::getpid());
}

inline void write_bytes(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

// The report template reader: a TemplateSpec within its documented ranges, or a DataError.
inline void template_target(const std::uint8_t* data, std::size_t size) {
  static const std::string path = scratch_file("template") + ".toml";  // load_template reads a path
  write_bytes(path, data, size);
  try {
    auto spec = options::load_template(path);
    if (spec.sections.summary_findings < 1 || spec.sections.summary_findings > 5) std::abort();
    if (spec.response_window_hours < 1 || spec.response_window_hours > 720) std::abort();
  } catch (const DataError&) {}
}

// The period and day parsers: a well-formed period whose neighbours can be computed, or a
// UsageError. The first two bytes pick the as-of day (1970 to 2149), the rest is the spec.
inline void period_target(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  date::local_days as_of = date::local_days{date::year{2026} / 11 / 2};
  if (size >= 2) {
    as_of = date::local_days{date::days{(data[0] << 8 | data[1]) % 65536}};
    text.remove_prefix(2);
  }
  try {
    auto p = calendar::parse_period(text, as_of);
    if (p.first > p.last) std::abort();
    auto window = calendar::trailing_window(p, 13);
    if (window.size() != 13 || window.back().first != p.first) std::abort();
    auto y = calendar::year_earlier(p);
    if (y.first > y.last) std::abort();
  } catch (const UsageError&) {}
  if (auto d = calendar::try_parse_day(text))
    if (calendar::format_day(*d) != text) std::abort();  // a day round-trips exactly
}

// The language-file reader: Strings whose every key can be read and formatted, or a DataError.
inline void strings_target(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    auto s = text::Strings::parse(text, "fuzz.toml", {"summary.title"});
    for (const auto& key : s.keys()) {
      (void)s.get(key);
      try {
        (void)s.format_sentence(key, {{"value", "1"}, {"name", "ø"}});
      } catch (const DataError&) {
        // a placeholder without a value is a documented error
      }
    }
  } catch (const DataError&) {}
}

// The database reader and the check rules on a (mutated) SQLite file: figures or a DataError.
inline void database_target(const std::uint8_t* data, std::size_t size) {
  static const std::string path = scratch_file("db") + ".db";
  write_bytes(path, data, size);
  try {
    store::Database db(path, 0);
    (void)db.channels();
    (void)db.metrics();
    (void)db.targets();
    model::DayRange oct{date::local_days{date::year{2026} / 10 / 1}, date::local_days{date::year{2026} / 10 / 31}};
    (void)db.aggregate_metrics({oct});
    (void)db.daily_values(oct);
    db.scan_interactions(0, 4102444800, [](const model::InteractionRow&) {});
    (void)db.count_rows("interaction");
    (void)store::find_violations(db);
    (void)store::last_metric_day(db, oct);
    store::check_column_types(db);
    store::check_duplicate_keys(db, oct);
    (void)store::check_daily_metric(db, oct);
    (void)store::judge_interactions(path, db.data_quality());
    (void)store::missing_indexes(db);
  } catch (const DataError&) {}
}

}  // namespace boardbrief::fuzz
