#include "layout/style.h"

#include <string>
#include <string_view>

namespace boardbrief::layout::style {

// Matching ignores ASCII case ("TikTok" == "tiktok"); X was formerly Twitter.
Color platform_color(const char* platform) {
  // Okabe–Ito colours, fixed per platform so a colour means one platform everywhere.
  struct Entry {
    std::string_view name;
    const char* rgb;
  };
  static constexpr Entry kTable[] = {
      {"facebook", "#0072B2"}, {"instagram", "#CC79A7"}, {"x", "#000000"},       {"twitter", "#000000"},
      {"linkedin", "#56B4E9"}, {"tiktok", "#E69F00"},    {"youtube", "#F0E442"},
  };
  if (platform == nullptr) return kInk60;
  std::string lower(platform);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const Entry& e : kTable) {
    if (e.name == lower) return hex(e.rgb);
  }
  return kInk60;
}

}  // namespace boardbrief::layout::style
