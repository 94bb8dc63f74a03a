// A TrueType font without its hinting, for embedding. libharu's subset keeps Lato's hinting
// programs (fpgm, prep, cvt and each glyph's instructions) while it renumbers glyphs, and
// ghostscript's TrueType interpreter then prints "Failed to interpret TT instructions" for
// every font (pdfwrite and txtwrite devices). Hinting only matters for screen rasterisers at
// small pixel sizes; PDF viewers render these fonts unhinted anyway. The shipped files in
// fonts/ stay unchanged (OFL): this derived copy exists only inside the PDF. Internal to pdf/.
#pragma once

#include <string>

namespace boardbrief::pdf {

// The font file's bytes with the fpgm, prep and cvt tables removed and every glyph's
// instructions emptied (loca rewritten in the long format, checksums recomputed). Returns the
// input unchanged when it is not a TrueType font this understands (no glyf/loca/head/maxp, or
// inconsistent offsets): the caller's own checks report those.
std::string unhinted_truetype(const std::string& font);

}  // namespace boardbrief::pdf
