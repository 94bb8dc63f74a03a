// Per-stage wall times of one report for the benchmark (bench/run.sh). Enabled by the
// environment variable BOARDBRIEF_TIMINGS=1 so that normal output never changes; when enabled,
// print() writes one line per stage and the peak resident memory to stderr.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace boardbrief::app {

class StageTimer {
 public:
  StageTimer();
  bool enabled() const { return enabled_; }
  // Ends the running stage under `name` and starts the next one.
  void lap(const std::string& name);
  // "timing <stage> <ms> ms  rss <KiB> KiB" lines, then "timing total ..." and "timing peak_rss <KiB> KiB".
  void print(std::ostream& out) const;

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_ = false;
  Clock::time_point start_, last_;
  struct Lap {
    std::string name;
    double ms = 0;
    long rss_kib = 0;  // resident memory at the end of the stage
  };
  std::vector<Lap> laps_;
};

}  // namespace boardbrief::app
