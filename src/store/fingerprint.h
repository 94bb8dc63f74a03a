// A fingerprint of the rows a report read, accumulated while they are read (docs/templates.md, "Provenance").
// Each row is hashed on its own (FNV-1a over its values, then a final mix) and the row hashes
// are added: the result does not depend on the order SQLite returns rows in, so the same data
// gives the same fingerprint, and one changed value changes that row's hash and the sum.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

namespace boardbrief::store {

// FNV-1a style over one row's values, a whole 64-bit word per step, each value's type folded
// into its word; finish() mixes the result so nearby inputs spread out. Inline: the interaction
// scan hashes millions of rows (docs/performance.md).
class RowHash {
 public:
  RowHash& add(std::int64_t v) {
    mix(static_cast<std::uint64_t>(v), kIntTag);
    return *this;
  }
  RowHash& add(double v) {  // by bit pattern; -0.0 and 0.0 count as the same value
    if (v == 0) v = 0;
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    mix(bits, kRealTag);
    return *this;
  }
  RowHash& add(std::string_view text);
  RowHash& add_null() {
    mix(0, kNullTag);
    return *this;
  }
  std::uint64_t finish() const;

 private:
  static constexpr std::uint64_t kIntTag = 0x9e3779b97f4a7c15ULL, kRealTag = 0xc2b2ae3d27d4eb4fULL,
                                 kTextTag = 0x165667b19e3779f9ULL, kNullTag = 0x27d4eb2f165667c5ULL;
  void mix(std::uint64_t w, std::uint64_t tag) {
    h_ ^= w + tag;
    h_ *= 0x100000001b3ULL;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

class Fingerprint {
 public:
  void add_row(std::uint64_t row_hash) {
    sum_ += row_hash;
    ++rows_;
  }
  std::uint64_t value() const { return sum_; }
  std::int64_t rows() const { return rows_; }
  std::string hex() const;  // 16 lower-case hex digits

 private:
  std::uint64_t sum_ = 0;
  std::int64_t rows_ = 0;
};

}  // namespace boardbrief::store
