// Loads the template's logo into the document once. PNGs are decoded with libpng's simplified
// API (libharu's own PNG path aborts the process on a corrupt file:
// docs/architecture.md, pdf);
// JPEGs go to libharu, which embeds them as they are. Internal to the pdf backend.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace boardbrief::pdf {

// A logo of more pixels is refused before decoding: decoding costs 8 bytes a pixel.
inline constexpr std::uint64_t kMaxLogoPixels = 16'000'000;

// Width and height from the start of a PNG (IHDR) or JPEG (frame header), without decoding.
std::optional<std::pair<std::uint32_t, std::uint32_t>> png_size(const std::string& head);
std::optional<std::pair<std::uint32_t, std::uint32_t>> jpeg_size(const std::string& head);

// Throws DataError "<file>: cannot read the logo (...)" when the file is not a readable PNG or
// JPEG, or "<file>: the logo is W x H pixels, more than ..." above kMaxLogoPixels. A JPEG that
// libharu then fails on returns null (the caller turns that into DataError too).
HPDF_Image load_image(HPDF_Doc doc, const std::string& file);

}  // namespace boardbrief::pdf
