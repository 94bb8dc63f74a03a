// Works around libharu's invalid ToUnicode CMap for UTF-8 TrueType fonts (all versions up to
// 2.4.6): libharu writes its *encoding* CMap ("begincidrange") as /ToUnicode, and poppler
// prints "Syntax Warning: Invalid 'begincidrange' operator in ToUnicode CMap" for every font.
// See docs/architecture.md (pdf). Internal to the pdf backend.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

namespace boardbrief::pdf {

// The text of a standard ToUnicode CMap (Adobe-Identity-UCS) mapping each of `codes` to
// itself with bfchar blocks of at most 100 entries. REQUIRES: `codes` sorted, unique, BMP.
std::string identity_to_unicode_cmap(const std::vector<char16_t>& codes);

// Replaces the ToUnicode stream of `font` (a UTF-8 Type0 TrueType font) with
// identity_to_unicode_cmap() of the code points whose glyphs are in the subset. Call after all
// text has been drawn and measured, right before saving: glyphs used later would not be
// mapped. Returns the libharu status (errors are also reported to the document's handler).
HPDF_STATUS fix_to_unicode_cmap(HPDF_Font font);

}  // namespace boardbrief::pdf
