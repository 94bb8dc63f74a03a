// SHA-256 (FIPS 180-4) of a byte string as 64 lowercase hex digits: the hash of a small input
// file (the actions file) in the provenance, checkable with `sha256sum`.
#pragma once

#include <string>
#include <string_view>

namespace boardbrief {

std::string sha256_hex(std::string_view bytes);

}  // namespace boardbrief
