// INI config values as users write them: `org = "NORDLYS KOSMETIK A/S"` means the name without
// the quotes (docs/scheduling.md, "The config file").
#pragma once

#include <boost/program_options.hpp>

#include <string>

namespace boardbrief::options {

// Drops one pair of matching surrounding quotes ("…" or '…'); inner quotes stay, and a value
// with a quote at one end only is kept as written.
inline std::string unquote_config_value(std::string v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return v.substr(1, v.size() - 2);
  return v;
}

// Reads the INI file `path` (--config) against `options` into `vm`, every value unquoted as
// above. `skip_unknown`: keys `options` does not name are ignored (import reads only db and tz
// of the report's config). Throws UsageError "--config '<path>': ..." when the file is missing,
// not a regular file, too large or malformed.
void read_config_file(const std::string& path, const boost::program_options::options_description& options,
                      boost::program_options::variables_map& vm, bool skip_unknown);

}  // namespace boardbrief::options
