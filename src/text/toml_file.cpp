#include "text/toml_file.h"

namespace boardbrief::text {

std::string toml_position(const std::string& source, const toml::source_region& region) {
  return source + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

toml::table parse_toml(std::string_view text, const std::string& source, ExitCode code) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    const std::string message = toml_position(source, e.source()) + ": " + std::string(e.description());
    if (code == ExitCode::Usage) throw UsageError(message);
    throw DataError(message);
  }
}

}  // namespace boardbrief::text
