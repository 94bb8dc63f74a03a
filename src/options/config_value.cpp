#include "options/config_value.h"

#include <sstream>

#include "base/error.h"
#include "base/input_file.h"

namespace boardbrief::options {

namespace po = boost::program_options;

void read_config_file(const std::string& path, const po::options_description& options, po::variables_map& vm,
                      bool skip_unknown) {
  if (!path_exists(path)) throw UsageError("--config '" + path + "': cannot open the file");
  // A FIFO or /dev/zero would block or grow without end (docs/errors.md, "Input files").
  std::istringstream in(read_input_file(path, {"--config", kMaxConfigBytes, ExitCode::Usage}));
  try {
    po::parsed_options parsed = po::parse_config_file(in, options, skip_unknown);
    for (auto& option : parsed.options)
      for (auto& value : option.value) value = unquote_config_value(value);
    po::store(parsed, vm);
  } catch (const po::error& e) {
    throw UsageError("--config '" + path + "': " + e.what());
  }
}

}  // namespace boardbrief::options
