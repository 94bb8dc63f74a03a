#include "store/fingerprint.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstring>

namespace boardbrief::store {

RowHash& RowHash::add(std::string_view text) {
  mix(text.size(), kTextTag);  // length first: ("ab","c") and ("a","bc") differ
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, text.data() + i, 8);
    mix(w, kTextTag);
  }
  std::uint64_t tail = 0;
  if (i < text.size()) std::memcpy(&tail, text.data() + i, text.size() - i);
  mix(tail, kTextTag);
  return *this;
}

std::uint64_t RowHash::finish() const {
  // splitmix64's finaliser: without it, a sum of FNV hashes of rows differing in the last
  // byte could cancel out more easily.
  std::uint64_t z = h_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string Fingerprint::hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(sum_));
  return buf;
}

namespace {

void fingerprint_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* fp = static_cast<Fingerprint*>(sqlite3_user_data(ctx));
  auto* count = static_cast<sqlite3_int64*>(sqlite3_aggregate_context(ctx, sizeof(sqlite3_int64)));
  RowHash h;
  for (int i = 0; i < argc; ++i) {
    switch (sqlite3_value_type(argv[i])) {
      case SQLITE_INTEGER: h.add(static_cast<std::int64_t>(sqlite3_value_int64(argv[i]))); break;
      case SQLITE_FLOAT: h.add(sqlite3_value_double(argv[i])); break;
      case SQLITE_NULL: h.add_null(); break;
      default: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
        h.add(std::string_view(p ? p : "", static_cast<std::size_t>(sqlite3_value_bytes(argv[i]))));
      }
    }
  }
  fp->add_row(h.finish());
  if (count) ++*count;
}

void fingerprint_final(sqlite3_context* ctx) {
  auto* count = static_cast<sqlite3_int64*>(sqlite3_aggregate_context(ctx, 0));
  sqlite3_result_int64(ctx, count ? *count : 0);
}

}  // namespace

void register_fingerprint_function(sqlite3* db, Fingerprint& fp) {
  sqlite3_create_function_v2(db, "bb_fingerprint", -1, SQLITE_UTF8, &fp, nullptr, fingerprint_step, fingerprint_final,
                             nullptr);
}

}  // namespace boardbrief::store
