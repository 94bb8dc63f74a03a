// libFuzzer entry point for fuzz_targets.h's database_target.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  boardbrief::fuzz::database_target(data, size);
  return 0;
}
