// Upper-casing the first letter of a UTF-8 sentence or heading.
#pragma once

#include <string>
#include <string_view>

namespace boardbrief::text {

// `text` with its first character in upper case: "oktober 2026" -> "Oktober 2026",
// "ændring" -> "Ændring", "østlige" -> "Østlige", "årets" -> "Årets". Covers ASCII and the
// Latin-1 letters (U+00E0–U+00FE, including æ ø å é ü); anything else is returned unchanged,
// as is text that already starts in upper case, with a digit or with punctuation.
std::string capitalise_first(std::string_view text);

// Every ASCII and Latin-1 letter in upper case ("Nørre Ålbæk" -> "NØRRE ÅLBÆK"), for the
// CAPS kicker; other characters unchanged.
std::string to_upper(std::string_view text);

}  // namespace boardbrief::text
