// INI config values as users write them: `org = "NORDLYS KOSMETIK A/S"` means the name without
// the quotes (docs/scheduling.md, "The config file").
#pragma once

#include <string>

namespace boardbrief::options {

// Drops one pair of matching surrounding quotes ("…" or '…'); inner quotes stay, and a value
// with a quote at one end only is kept as written.
inline std::string unquote_config_value(std::string v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return v.substr(1, v.size() - 2);
  return v;
}

}  // namespace boardbrief::options
