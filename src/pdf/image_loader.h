// Loads the template's logo into the document once. PNGs are decoded with libpng's simplified
// API (libharu's own PNG path aborts the process on a corrupt file, notes/libharu.md §5.6);
// JPEGs go to libharu, which embeds them as they are. Internal to the pdf backend.
#pragma once

#include <hpdf.h>

#include <string>

namespace boardbrief::pdf {

// Throws DataError "<file>: cannot read the logo (...)" when the file is not a readable PNG or
// JPEG; the caller's HaruDoc::check() covers libharu failures.
HPDF_Image load_image(HPDF_Doc doc, const std::string& file);

}  // namespace boardbrief::pdf
