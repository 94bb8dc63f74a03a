// Fuzzes the report template reader (options/template_spec): any bytes give a TemplateSpec or
// a DataError, never a crash, and a spec that loads has its documented ranges.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "base/error.h"
#include "options/template_spec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // load_template reads a path: the bytes go to a per-process scratch file.
  static const std::string path = "/tmp/boardbrief-fuzz-template-" + std::to_string(::getpid()) + ".toml";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    auto spec = boardbrief::options::load_template(path);
    if (spec.summary_findings < 1 || spec.summary_findings > 5) std::abort();
    if (spec.response_window_hours < 1 || spec.response_window_hours > 720) std::abort();
  } catch (const boardbrief::DataError&) {
  }
  return 0;
}
