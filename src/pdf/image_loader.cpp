#include "pdf/image_loader.h"

#include <png.h>

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

}  // namespace

HPDF_Image load_image(HPDF_Doc doc, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  unsigned char head[3] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  if (!in) throw DataError(file + ": cannot read the logo");
  if (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return HPDF_LoadJpegImageFromFile(doc, file.c_str());
  return load_png(doc, file);
}

}  // namespace boardbrief::pdf
