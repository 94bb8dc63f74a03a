#include "app/snapshot.h"

#include <algorithm>

#include "app/row_pipeline.h"
#include "app/stage_timer.h"
#include "base/error.h"
#include "calendar/periods.h"
#include "series/backlog.h"
#include "series/reply_info.h"
#include "store/data_quality.h"
#include "store/database.h"
#include "store/interaction_span.h"

namespace boardbrief::app {

namespace {

// Stops on untrustworthy daily figures before they are read (store/data_quality.h); the
// warnings it returns are kept for the verdict.
std::vector<std::string> check_daily_tables(store::Database& db, const series::PeriodSet& periods) {
  const auto ranges = series::day_ranges(periods);
  model::DayRange window = ranges.front();
  for (const auto& r : ranges) window = {std::min(window.first, r.first), std::max(window.last, r.last)};
  store::check_column_types(db);
  store::check_duplicate_keys(db, window);
  return store::check_daily_metric(db, window);
}

// One ordered scan of the interactions feeds every accumulator: the dialogue figures per period,
// the daily counts for spikes, the topic breakdown and the backlog. Returns the last message
// received in the report period (for the partial-period check).
std::optional<std::int64_t> scan_dialogue(store::Database& db, const SnapshotRequest& r, Snapshot& out) {
  auto& data = out.data;
  series::DialogueBuilder dialogue(data.periods, data.channels, r.tz, r.as_of.instant, data.response_window_seconds);
  // Only the report period's median is shown (docs/performance.md: 8 % of the time at 10M rows).
  if (r.business_clock) dialogue.measure_business_time(r.business_clock, data.periods.report);
  series::DailyAccumulator daily(r.period, data.channels, r.tz);
  // Attribution of company-wide changes to topics and channels (docs/findings-method.md).
  series::BreakdownAccumulator breakdown(r.period, data.periods.all[data.periods.previous], data.channels, r.tz,
                                         r.as_of.instant, data.response_window_seconds);
  const auto report_utc = r.tz.utc_range(r.period);
  const std::int64_t report_begin = report_utc.begin.time_since_epoch().count();
  const std::int64_t report_end = report_utc.end.time_since_epoch().count();
  series::BacklogCounter backlog(report_end);
  // Counts before the database's first message and after its last are missing, not zero.
  daily.data_span(store::interaction_span(db));
  std::optional<std::int64_t> last_received;
  {
    // The scan steps SQLite and parses on this thread; the accumulators run on a second one.
    RowPipeline pipeline([&](const model::InteractionRow& row) {
      dialogue.add(row);
      daily.add(row);
      breakdown.add(row);
      if (row.received >= report_begin && row.received < report_end)
        last_received = row.received;  // the scan is in received_at order
      backlog.add(row);
    });
    db.scan_interactions(std::min(dialogue.scan_begin(), daily.scan_begin()),
                         std::max(dialogue.scan_end(), daily.scan_end()),
                         [&](const model::InteractionRow& row) { pipeline.push(row); });
    pipeline.finish();
  }
  out.breakdown = breakdown.finish(db.topics());
  out.daily = daily.counts();
  data.dialogue = dialogue.finish();
  series::drop_absent_reply_info(data);  // no reply anywhere in the window: reply data absent, not "never answered"
  data.interactions_read = dialogue.rows();
  data.backlog_at_end = backlog.result();  // in the scan: a query over all history cost 1 s at 10M rows
  return last_received;
}

// One read of daily values for the spike window (docs/findings-method.md §1) and the report
// period (coverage check, provenance count); a year's period is longer than the window.
void read_daily_values(store::Database& db, const model::Period& period, Snapshot& out) {
  out.window_days = db.daily_values({std::min(series::spike_window_first(period), period.first), period.last});
  out.daily_metrics = series::daily_metric_totals(out.window_days, out.data.channels, out.data.metrics, period);
  out.report_day_rows = std::count_if(out.window_days.begin(), out.window_days.end(),
                                      [&](const model::DailyValue& v) { return v.day >= period.first; });
}

// A report about nothing is refused: own channels need a value or a message in the period.
void require_own_data(const SnapshotRequest& r, const series::ReportData& data) {
  for (const auto& [key, s] : data.metric_series)
    if (s.scope.kind == series::Scope::Kind::AllOwn && s.values[data.periods.report]) return;
  const auto* all_dialogue = data.find_dialogue(series::Scope::all_own());
  if (all_dialogue && all_dialogue->periods[data.periods.report].inbound > 0) return;
  const auto& p = r.period;
  throw DataError(r.db_path + ": no data for own channels in " + p.key + " (" + calendar::format_day(p.first) + " to " +
                  calendar::format_day(p.last) + "); run `boardbrief check --db " + r.db_path + "`");
}

// The verdict on the interactions skipped by the scan and on data that end before the period.
void judge_quality(store::Database& db, const SnapshotRequest& r, std::optional<std::int64_t> last_received,
                   DataQualityVerdict& dq) {
  if (auto w = store::judge_interactions(r.db_path, db.data_quality())) dq.warnings.push_back(*w);
  dq.skipped = db.data_quality().interactions_skipped();
  dq.scanned = db.data_quality().interactions_scanned;
  auto last_day = store::last_metric_day(db, {r.period.first, r.period.last});
  if (last_received) {
    auto d = r.tz.local_day(calendar::Instant{std::chrono::seconds{*last_received}});
    if (!last_day || d > *last_day) last_day = d;
  }
  if (auto w = store::stale_data_warning(r.db_path, r.period, last_day, r.as_of.day())) {
    dq.warnings.push_back(*w);
    dq.partial_end = last_day;
  }
  report_warnings(dq, r.strict);
}

}  // namespace

Snapshot read_snapshot(const SnapshotRequest& r, StageTimer& timer) {
  store::Database db(r.db_path, 5000, r.timeout_seconds);  // every read below in one read transaction
  Snapshot out;
  auto& data = out.data;
  data.periods = series::make_period_set(r.period);
  data.channels = db.channels();
  data.metrics = db.metrics();
  data.response_window_seconds = static_cast<std::int64_t>(r.response_window_hours) * 3600;
  out.targets = db.targets();
  out.quality.warnings = check_daily_tables(db, data.periods);
  timer.lap("open");
  const auto aggregates = db.aggregate_metrics(series::day_ranges(data.periods));
  timer.lap("metrics");
  data.metric_series = series::build_metric_series(data.periods, data.channels, data.metrics, aggregates);
  data.daily_rows = out.aggregate_rows = static_cast<std::int64_t>(aggregates.size());
  const auto last_received = scan_dialogue(db, r, out);
  timer.lap("scan");
  read_daily_values(db, r.period, out);
  timer.lap("store_rest");
  require_own_data(r, data);
  judge_quality(db, r, last_received, out.quality);
  out.schema_version = db.schema_version();
  out.fingerprint = db.fingerprint();
  out.fingerprint_rows = db.fingerprinted_rows();
  return out;
}

}  // namespace boardbrief::app
