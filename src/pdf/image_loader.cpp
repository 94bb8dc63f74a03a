#include "pdf/image_loader.h"

#include <png.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

#include "base/error.h"

namespace boardbrief::pdf {

namespace {

HPDF_Image load_png(HPDF_Doc doc, const std::string& file) {
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, file.c_str()))
    throw DataError(file + ": cannot read the logo (" + img.message + ")");
  img.format = PNG_FORMAT_RGBA;
  std::vector<png_byte> rgba(PNG_IMAGE_SIZE(img));
  if (!png_image_finish_read(&img, nullptr, rgba.data(), 0, nullptr)) {
    std::string why = img.message;
    png_image_free(&img);
    throw DataError(file + ": cannot read the logo (" + why + ")");
  }
  const std::size_t n = static_cast<std::size_t>(img.width) * img.height;
  std::vector<HPDF_BYTE> rgb(n * 3), alpha(n);
  bool opaque = true;
  for (std::size_t i = 0; i < n; ++i) {
    std::memcpy(&rgb[i * 3], &rgba[i * 4], 3);
    alpha[i] = rgba[i * 4 + 3];
    opaque = opaque && alpha[i] == 255;
  }
  HPDF_Image image = HPDF_LoadRawImageFromMem(doc, rgb.data(), img.width, img.height, HPDF_CS_DEVICE_RGB, 8);
  if (image && !opaque) {
    HPDF_Image mask = HPDF_LoadRawImageFromMem(doc, alpha.data(), img.width, img.height, HPDF_CS_DEVICE_GRAY, 8);
    if (mask) HPDF_Image_AddSMask(image, mask);
  }
  return image;
}

std::uint32_t be(const std::string& b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return v;
}

}  // namespace

std::optional<std::pair<std::uint32_t, std::uint32_t>> png_size(const std::string& head) {
  // Signature (8), then the IHDR chunk: length (4), "IHDR", width (4), height (4).
  if (head.size() < 24 || head.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || head.compare(12, 4, "IHDR") != 0)
    return std::nullopt;
  return std::make_pair(be(head, 16, 4), be(head, 20, 4));
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> jpeg_size(const std::string& head) {
  // Markers after SOI (FFD8): FFxx, then a big-endian length covering the segment. The frame
  // header (SOF0..SOF15 but DHT C4, JPG C8, DAC CC) holds precision (1), height (2), width (2).
  std::size_t at = 2;
  while (at + 9 <= head.size()) {
    if (static_cast<unsigned char>(head[at]) != 0xFF) return std::nullopt;
    const unsigned marker = static_cast<unsigned char>(head[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    const std::uint32_t length = be(head, at + 2, 2);
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
      return std::make_pair(be(head, at + 7, 2), be(head, at + 5, 2));
    if (marker == 0xD9 || marker == 0xDA || length < 2) return std::nullopt;  // end or scan before a frame
    at += 2 + length;
  }
  return std::nullopt;
}

HPDF_Image load_image(HPDF_Doc doc, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(64 * 1024, '\0');  // a JPEG's frame header follows its metadata segments
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.size() < 3) throw DataError(file + ": cannot read the logo (not a PNG or JPEG file)");
  const bool jpeg = static_cast<unsigned char>(head[0]) == 0xFF && static_cast<unsigned char>(head[1]) == 0xD8 &&
                    static_cast<unsigned char>(head[2]) == 0xFF;
  // Refused before decoding: a small file can hold a huge image (docs/errors.md, "Input files").
  const auto size = jpeg ? jpeg_size(head) : png_size(head);
  if (!size)
    throw DataError(file + ": cannot read the logo (no " + std::string(jpeg ? "JPEG frame" : "PNG") +
                    " header with the image size)");
  if (size->first == 0 || size->second == 0 || static_cast<std::uint64_t>(size->first) * size->second > kMaxLogoPixels)
    throw DataError(file + ": the logo is " + std::to_string(size->first) + " x " + std::to_string(size->second) +
                    " pixels, more than the " + std::to_string(kMaxLogoPixels / 1000000) +
                    " million allowed; scale it down (a logo needs about 1000 pixels across)");
  if (jpeg) return HPDF_LoadJpegImageFromFile(doc, file.c_str());
  return load_png(doc, file);
}

}  // namespace boardbrief::pdf
