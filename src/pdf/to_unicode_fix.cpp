#include "pdf/to_unicode_fix.h"

#include <algorithm>
#include <cstdio>

namespace boardbrief::pdf {

namespace {

void append_hex4(std::string& out, char16_t code) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<%04X>", static_cast<unsigned>(code));
  out += buf;
}

}  // namespace

std::string identity_to_unicode_cmap(const std::vector<char16_t>& codes) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  constexpr std::size_t kBlock = 100;  // the limit per bfchar block in the CMap spec
  for (std::size_t begin = 0; begin < codes.size(); begin += kBlock) {
    const std::size_t end = std::min(codes.size(), begin + kBlock);
    out += std::to_string(end - begin) + " beginbfchar\n";
    for (std::size_t i = begin; i < end; ++i) {
      append_hex4(out, codes[i]);
      out += ' ';
      append_hex4(out, codes[i]);
      out += '\n';
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

HPDF_STATUS fix_to_unicode_cmap(HPDF_Font font) {
  // hpdf.h exposes libharu's structs on Linux (built without HPDF_SHARED); the fields used here
  // are the same in 2.3.0 and 2.4.6.
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (attr->type != HPDF_FONT_TYPE0_TT || attr->cmap_stream == nullptr) return HPDF_OK;
  HPDF_FontDef fontdef = attr->fontdef;
  auto* tt = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);

  // Character code = Unicode code point here (Identity-H with libharu's UTF-8 encoder), so the
  // map is the identity over the characters whose glyphs made it into the subset.
  std::vector<char16_t> codes;
  for (char32_t code = 0x20; code <= 0xFFFF; ++code) {
    if (code >= 0xD800 && code <= 0xDFFF) continue;
    const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(fontdef, static_cast<HPDF_UINT16>(code));
    if (gid != 0 && gid < tt->num_glyphs && tt->glyph_tbl.flgs[gid] != 0) {
      codes.push_back(static_cast<char16_t>(code));
    }
  }
  const std::string cmap = identity_to_unicode_cmap(codes);

  HPDF_Stream stream = attr->cmap_stream->stream;
  HPDF_MemStream_FreeData(stream);
  // Flate is applied when the document is saved.
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                           static_cast<HPDF_UINT>(cmap.size()));
}

}  // namespace boardbrief::pdf
