#include "store/fingerprint.h"

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

}  // namespace boardbrief::store
