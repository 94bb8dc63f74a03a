#include "app/stage_timer.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace boardbrief::app {

StageTimer::StageTimer() : start_(Clock::now()), last_(start_) {
  const char* env = std::getenv("BOARDBRIEF_TIMINGS");
  enabled_ = env && *env && std::strcmp(env, "0") != 0;
}

void StageTimer::lap(const std::string& name) {
  if (!enabled_) return;
  const auto now = Clock::now();
  laps_.emplace_back(name, std::chrono::duration<double, std::milli>(now - last_).count());
  last_ = now;
}

void StageTimer::print(std::ostream& out) const {
  if (!enabled_) return;
  char line[96];
  for (const auto& [name, ms] : laps_) {
    std::snprintf(line, sizeof line, "timing %-10s %9.1f ms\n", name.c_str(), ms);
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
