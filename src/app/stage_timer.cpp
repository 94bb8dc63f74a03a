#include "app/stage_timer.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace boardbrief::app {

StageTimer::StageTimer() : start_(Clock::now()), last_(start_) {
  const char* env = std::getenv("BOARDBRIEF_TIMINGS");
  enabled_ = env && *env && std::strcmp(env, "0") != 0;
}

namespace {

// Resident memory now, KiB (the second field of /proc/self/statm, in pages).
long resident_kib() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * 4;  // NOTE: 4 KiB pages on the x86-64 and arm64 Linux we run on
}

}  // namespace

void StageTimer::lap(const std::string& name) {
  if (!enabled_) return;
  const auto now = Clock::now();
  laps_.push_back({name, std::chrono::duration<double, std::milli>(now - last_).count(), resident_kib()});
  last_ = now;
}

void StageTimer::print(std::ostream& out) const {
  if (!enabled_) return;
  char line[96];
  for (const auto& lap : laps_) {
    std::snprintf(line, sizeof line, "timing %-10s %9.1f ms  rss %7ld KiB\n", lap.name.c_str(), lap.ms, lap.rss_kib);
    out << line;
  }
  std::snprintf(line, sizeof line, "timing %-10s %9.1f ms\n", "total",
                std::chrono::duration<double, std::milli>(last_ - start_).count());
  out << line;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  out << "timing peak_rss " << usage.ru_maxrss << " KiB\n";  // Linux reports KiB
}

}  // namespace boardbrief::app
