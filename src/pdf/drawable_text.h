// UTF-8 clean-up before text reaches libharu. libharu only has a UCS-2 path: it draws code
// points above U+FFFF as spaces and characters missing from the font as the .notdef box, and
// it has no defined behaviour for malformed UTF-8. Measuring and drawing the same cleaned
// string keeps layout and output in agreement. Pure functions; no libharu here.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace boardbrief::pdf {

// `utf8` with '?' in place of every code point that cannot be drawn: each byte of a malformed
// sequence (including overlong forms and UTF-16 surrogates), every code point above U+FFFF,
// and every BMP code point for which `has_glyph` returns false.
std::string drawable_text(std::string_view utf8, const std::function<bool(char16_t)>& has_glyph);

// drawable_text() for strings that are not drawn with a font (document info, bookmark titles):
// libharu's UCS-2 encoder mangles them the same way, and a control character (NUL above all)
// has no place there either.
std::string metadata_text(std::string_view utf8);

// Splits valid UTF-8 into pieces of at most `max_bytes` bytes without cutting a code point
// (libharu limits one show-text call to 65535 bytes). REQUIRES: max_bytes >= 4.
std::vector<std::string_view> split_utf8(std::string_view utf8, std::size_t max_bytes);

}  // namespace boardbrief::pdf
