// libFuzzer entry point for fuzz_targets.h's strings_target.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  boardbrief::fuzz::strings_target(data, size);
  return 0;
}
