// One bundled TrueType font loaded into a libharu document for UTF-8 text (Type0, Identity-H,
// embedded and subset). Internal to the pdf backend.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>
#include <vector>

#include "pdf/haru_doc.h"

namespace boardbrief::pdf {

class EmbeddedFont {
 public:
  // Loads `path` into `doc`. Throws DataError naming `path` when the file is missing or
  // unreadable, is not a TrueType font with glyf outlines (libharu cannot embed CFF), or
  // libharu rejects it. REQUIRES: `doc` outlives this object.
  EmbeddedFont(HaruDoc& doc, const std::string& path);

  HPDF_Font handle() const { return font_; }

  // `utf8` with every code point this font cannot draw replaced by '?' (see drawable_text.h).
  std::string drawable(std::string_view utf8) const;

  // Advance width in points of `text`, which must already be drawable(); no kerning. libharu
  // uses the integer 1/1000-em widths it also writes into /W, so measured and drawn widths
  // agree and widths of concatenated strings add up. Marks the glyphs as used (subset).
  // Throws OutputError if libharu fails.
  double width_pt(std::string_view drawable_utf8, double size_pt) const;

  // Ascent above the baseline in points.
  double ascent_pt(double size_pt) const;

 private:
  bool has_glyph(char16_t code) const;

  HaruDoc& doc_;
  std::string path_;
  HPDF_Font font_ = nullptr;
  HPDF_FontDef fontdef_ = nullptr;
  // Per BMP code point: -1 not looked up yet, 0 missing, 1 present. The cmap lookup walks
  // the segment list, and layout measures every word many times.
  mutable std::vector<signed char> glyph_cache_;
};

// libharu shows at most this many bytes per show-text call (HPDF_LIMIT_MAX_STRING_LEN).
inline constexpr std::size_t kMaxShowTextBytes = 65535;

}  // namespace boardbrief::pdf
