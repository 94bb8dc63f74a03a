#include "pdf/embedded_font.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <unistd.h>

#include "base/error.h"
#include "base/input_file.h"
#include "pdf/drawable_text.h"
#include "pdf/unhinted_font.h"

namespace boardbrief::pdf {

namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

// Checks what libharu 2.3.0 does not: that the file exists, is readable and is a TrueType font
// with glyf outlines. libharu rejects some bad files silently (a NULL name with no error) and
// loads others into a broken PDF, so a clear message has to come from here.
void check_truetype_file(const std::string& path) {
  // A FIFO would block fopen(), /dev/zero would be read without end (docs/errors.md, "Input files").
  if (path_exists(path)) check_input_file(path, {"a font", kMaxImageBytes, ExitCode::Data});
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) throw DataError("cannot read font '" + path + "': " + std::strerror(errno));
  unsigned char header[12];
  errno = 0;
  if (std::fread(header, 1, sizeof header, file.get()) != sizeof header) {
    if (errno != 0) throw DataError("cannot read font '" + path + "': " + std::strerror(errno));
    throw DataError("font '" + path + "' is not a TrueType font (file too short)");
  }
  const std::uint32_t magic = be32(header);
  if (magic != 0x00010000 && magic != 0x74727565 /* 'true' */) {
    throw DataError("font '" + path + "' is not a TrueType font");
  }
  const unsigned tables = (unsigned{header[4]} << 8) | header[5];
  for (unsigned i = 0; i < tables; ++i) {
    unsigned char record[16];
    if (std::fread(record, 1, sizeof record, file.get()) != sizeof record) break;
    if (std::memcmp(record, "glyf", 4) == 0) return;
  }
  throw DataError("font '" + path + "' is not a TrueType font (no glyf outlines)");
}

// The font without hinting (unhinted_font.h) in a private temporary file, for libharu, which
// only loads fonts from files. The file is removed as soon as libharu has opened it: libharu
// keeps its stream open and reads the glyphs from it when the PDF is saved.
class UnhintedCopy {
 public:
  explicit UnhintedCopy(const std::string& original) {
    std::ifstream in(original, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string font = unhinted_truetype(bytes.str());
    std::string pattern = (std::filesystem::temp_directory_path() / "boardbrief-font-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw OutputError("cannot write a temporary font file in " + pattern + ": " + std::strerror(errno));
    path_ = pattern;
    std::size_t done = 0;
    while (done < font.size()) {
      const ssize_t n = ::write(fd, font.data() + done, font.size() - done);
      if (n <= 0) {
        ::close(fd);
        ::unlink(path_.c_str());
        throw OutputError("cannot write a temporary font file " + path_ + ": " + std::strerror(errno));
      }
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~UnhintedCopy() { ::unlink(path_.c_str()); }
  UnhintedCopy(const UnhintedCopy&) = delete;
  UnhintedCopy& operator=(const UnhintedCopy&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

EmbeddedFont::EmbeddedFont(HaruDoc& doc, const std::string& path) : doc_(doc), path_(path), glyph_cache_(0x10000, -1) {
  check_truetype_file(path);
  const UnhintedCopy copy(path);
  const char* name = HPDF_LoadTTFontFromFile(doc.get(), copy.path().c_str(), HPDF_TRUE);
  if (doc.failed()) throw DataError(doc.describe_error("cannot load font '" + path + "'"));
  if (name == nullptr) throw DataError("cannot load font '" + path + "': damaged TrueType file");
  font_ = HPDF_GetFont(doc.get(), name, "UTF-8");
  if (doc.failed()) throw DataError(doc.describe_error("cannot load font '" + path + "'"));
  if (font_ == nullptr) throw DataError("cannot load font '" + path + "': libharu returned no font");
  // hpdf.h exposes the structs on Linux (no HPDF_SHARED); the Type0 font keeps its TrueType
  // definition, whose cmap tells which characters have glyphs.
  fontdef_ = static_cast<HPDF_FontAttr>(font_->attr)->fontdef;
}

bool EmbeddedFont::has_glyph(char16_t code) const {
  signed char& known = glyph_cache_[code];
  if (known < 0) known = HPDF_TTFontDef_GetGlyphid(fontdef_, code) != 0 ? 1 : 0;
  return known == 1;
}

std::string EmbeddedFont::drawable(std::string_view utf8) const {
  return drawable_text(utf8, [this](char16_t code) { return has_glyph(code); });
}

double EmbeddedFont::width_pt(std::string_view drawable_utf8, double size_pt) const {
  // Sum the integer 1/1000-em widths first so that widths of concatenations add up exactly.
  double units = 0;
  for (std::string_view piece : split_utf8(drawable_utf8, kMaxShowTextBytes)) {
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(font_, reinterpret_cast<const HPDF_BYTE*>(piece.data()),
                                                  static_cast<HPDF_UINT>(piece.size()));
    units += tw.width;
  }
  doc_.check("measuring text in font '" + path_ + "'");
  return units * size_pt / 1000.0;
}

double EmbeddedFont::ascent_pt(double size_pt) const {
  const HPDF_INT ascent = HPDF_Font_GetAscent(font_);
  doc_.check("reading the ascent of font '" + path_ + "'");
  return ascent * size_pt / 1000.0;
}

}  // namespace boardbrief::pdf
