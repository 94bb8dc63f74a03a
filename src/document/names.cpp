#include "document/names.h"

#include <set>

namespace boardbrief::document {

std::string platform_name(const text::Strings& strings, const std::string& platform) {
  std::string key = "platform." + platform;
  return strings.contains(key) ? strings.get(key) : platform;
}

std::string own_platform_names(const text::Strings& strings, const std::vector<model::Channel>& channels) {
  std::string out;
  std::set<std::string> seen;
  for (const auto& c : channels) {
    if (c.owner != model::Owner::Own || !seen.insert(c.platform).second) continue;
    out += (out.empty() ? "" : ", ") + platform_name(strings, c.platform);
  }
  return out;
}

}  // namespace boardbrief::document
