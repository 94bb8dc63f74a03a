// Untrusted text (database values, CSV cells, server replies) inside messages: control
// characters and invalid UTF-8 escaped, so nothing can break the one-line message or forge a
// line of its own ("boardbrief: wrote ..."), and long values cut with their length shown
// (docs/errors.md, "Quoting").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace boardbrief {

// `'text'` with control characters (U+0000-U+001F, U+007F-U+009F) as \n, \r, \t or \xHH and bytes
// that are not UTF-8 as \xHH; longer than `max_bytes`: cut on a character boundary, "…" added
// inside the quotes and the length after them: 'abc…' (5242880 bytes).
std::string quote(std::string_view text, std::size_t max_bytes = 120);

// The same escaping without quotes, for a whole message line (main's last line of defence):
// cut beyond `max_bytes` with the length shown.
std::string one_line(std::string_view text, std::size_t max_bytes = 4000);

}  // namespace boardbrief
