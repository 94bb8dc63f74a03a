// Output files are replaced atomically: written to a temporary file beside the target, flushed,
// and renamed over it. A failure leaves the previous file untouched and no temporary behind.
#pragma once

#include <string>
#include <string_view>

namespace boardbrief {

// Writes `bytes` to `path` atomically. Throws OutputError naming the path and the reason
// (directory missing or unwritable, target is a directory, disk full, ...).
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace boardbrief
