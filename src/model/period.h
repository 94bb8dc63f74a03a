// A reporting period: a whole number of local calendar days, inclusive at both ends.
#pragma once

#include <date/date.h>

#include <string>

namespace boardbrief::model {

enum class Granularity { Week, Month, Quarter, Year, Custom };

struct Period {
  Granularity kind = Granularity::Month;
  date::local_days first;  // first local day in the period
  date::local_days last;   // last local day in the period (inclusive)
  std::string key;         // "2026-10", "2026-Q3", "2026", "2026-W53", "2026-07-01_2026-09-30"

  // Number of days in the period, >= 1.
  int days() const { return static_cast<int>((last - first).count()) + 1; }
  bool contains(date::local_days d) const { return d >= first && d <= last; }
  friend bool operator==(const Period& a, const Period& b) {
    return a.kind == b.kind && a.first == b.first && a.last == b.last;
  }
};

}  // namespace boardbrief::model
