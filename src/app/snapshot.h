// The report's second stage (docs/architecture.md, "The report command"): everything a report
// reads from the database, in one read transaction, so every figure comes from one snapshot even
// under a concurrent writer. The data-quality policy (store/data_quality.h) runs here too: bad
// daily values or a partial period are judged before anything is computed from them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/as_of.h"
#include "app/data_quality_notices.h"
#include "calendar/time_zone.h"
#include "model/period.h"
#include "model/rows.h"
#include "series/breakdown.h"
#include "series/build.h"
#include "series/daily.h"
#include "series/report_data.h"

namespace boardbrief::app {

struct SnapshotRequest {
  std::string db_path;
  int timeout_seconds = 600;  // --timeout: every read's deadline
  model::Period period;
  const calendar::TimeZone& tz;
  AsOf as_of;
  int response_window_hours = 72;
  // The template's business hours; empty: calendar time only.
  series::DialogueBuilder::BusinessClock business_clock;
  bool strict = false;  // --strict: data-quality warnings stop the report
};

struct Snapshot {
  series::ReportData data;  // metric series and dialogue figures per period and scope
  std::vector<model::TargetRow> targets;
  series::DailyCounts daily;                       // dialogue counts per day over the spike window
  std::vector<series::DailyMetric> daily_metrics;  // metric_daily sums per day over the spike window
  std::vector<model::DailyValue> window_days;      // the spike window's and the report period's daily rows
  series::Breakdown breakdown;                     // topics and channels behind company-wide changes
  DataQualityVerdict quality;
  // For the provenance block (docs/templates.md, "Provenance").
  int schema_version = 1;
  std::string fingerprint;
  std::int64_t fingerprint_rows = 0;
  std::int64_t aggregate_rows = 0;   // MetricAggregate rows
  std::int64_t report_day_rows = 0;  // daily rows in the report period
};

class StageTimer;

// Throws DataError (exit 3) when own channels have no data in the period, when figures cannot be
// trusted (store/data_quality.h), or under --strict for any data-quality warning; prints the
// warnings on stderr otherwise. Laps "open", "metrics", "scan" and "store_rest" on `timer`.
Snapshot read_snapshot(const SnapshotRequest& request, StageTimer& timer);

}  // namespace boardbrief::app
