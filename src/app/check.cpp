// `boardbrief check`: the contract rules, the warnings a report cannot give (missing indexes, a
// daily_metric table that does not refuse a second row for a day) and the coverage, each series
// measured over its own days (docs/data-contract.md, "Missing days").
#include <iostream>
#include <map>
#include <set>

#include "app/as_of.h"
#include "app/report.h"
#include "base/quote.h"
#include "calendar/periods.h"
#include "calendar/time_zone.h"
#include "store/coverage.h"
#include "store/data_quality.h"
#include "store/database.h"
#include "store/violations.h"

namespace boardbrief::app {

namespace {

// " 2026-10-05..2026-10-07 2026-10-09", at most six spans, then " …".
std::string spans_text(const std::vector<model::DayRange>& spans) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& s : spans) {
    if (shown++ == 6) return out + " …";
    out += " " + calendar::format_day(s.first);
    if (s.last != s.first) out += ".." + calendar::format_day(s.last);
  }
  return out;
}

std::string days_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// The days check measures, when --period is given: the report's 13-period window, up to the
// day before --as-of (later days cannot have data yet).
std::optional<model::DayRange> check_window(const options::CheckOptions& o, const calendar::TimeZone& tz) {
  if (o.period.empty()) return std::nullopt;
  AsOf as_of = resolve_as_of(o.as_of, tz);
  auto window = calendar::trailing_window(calendar::parse_period(o.period, as_of.day()), 13);
  model::DayRange range{window.front().first, std::min(window.back().last, as_of.day() - date::days{1})};
  if (range.last < range.first) range.last = range.first;
  return range;
}

// Returns whether any day is missing.
bool print_daily_coverage(store::Database& db, const std::vector<model::Channel>& channels,
                          const std::optional<model::DayRange>& window) {
  std::int64_t seen = 0;
  auto gaps = store::daily_coverage(db, window, seen);
  std::cout << "coverage of daily values";
  if (window)
    std::cout << " " << calendar::format_day(window->first) << " to " << calendar::format_day(window->last)
              << " (each channel and metric from its first day there)";
  else
    std::cout << " (each channel and metric from its first to its last day)";
  if (seen == 0) {
    std::cout << ": no daily values\n";
    return false;
  }
  std::int64_t missing = 0, missing_series = 0, stopped = 0;
  for (const auto& g : gaps) {
    missing += g.missing_days;
    missing_series += g.missing_days > 0;
    stopped += g.stopped.has_value();
  }
  std::cout << ": "
            << (missing == 0 ? "no missing days in " + std::to_string(seen) + " series"
                             : std::to_string(missing_series) + " of " + std::to_string(seen) + " series miss days, " +
                                   days_text(missing) + " in all");
  if (stopped > 0)
    std::cout << "; " << stopped << " series " << (stopped == 1 ? "stops" : "stop")
              << " before the latest day with data";
  std::cout << "\n";
  std::map<std::int64_t, const model::Channel*> by_id;
  for (const auto& c : channels) by_id[c.id] = &c;
  for (const auto& g : gaps) {
    auto it = by_id.find(g.channel_id);
    std::string name = it == by_id.end()
                           ? "channel " + std::to_string(g.channel_id)
                           : one_line(it->second->name, 200) + " (" + one_line(it->second->platform, 60) + ")";
    std::cout << "  " << name << ", " << g.metric << ":";
    if (g.missing_days > 0)
      std::cout << " " << days_text(g.missing_days) << " missing of " << calendar::format_day(g.measured.first)
                << " to " << calendar::format_day(g.measured.last) << ":" << spans_text(g.gaps)
                << (g.stopped ? ";" : "");
    if (g.stopped)
      std::cout << " no data after " << calendar::format_day(g.measured.last) << " (latest day with data "
                << calendar::format_day(g.stopped->last) << "):" << spans_text({*g.stopped});
    std::cout << "\n";
  }
  return !gaps.empty();
}

// Local days without any message between the first message and the last (or the window's end).
bool print_message_coverage(store::Database& db, const calendar::TimeZone& tz,
                            const std::optional<model::DayRange>& window) {
  std::optional<std::pair<std::int64_t, std::int64_t>> utc;
  if (window) {
    auto r = tz.utc_range(calendar::custom_period(window->first, window->last));
    utc = std::make_pair(r.begin.time_since_epoch().count(), r.end.time_since_epoch().count());
  }
  std::set<date::local_days> days;
  for (std::int64_t hour : store::message_hours(db, utc))
    days.insert(tz.local_day(calendar::Instant{std::chrono::seconds{hour}}));
  std::cout << "coverage of messages";
  if (days.empty()) {
    std::cout << ": no messages with a readable received_at\n";
    return false;
  }
  const model::DayRange measured{*days.begin(), window ? window->last : *days.rbegin()};
  std::vector<model::DayRange> gaps;
  std::int64_t missing = 0;
  for (auto d = measured.first; d <= measured.last; d += date::days{1}) {
    if (days.count(d)) continue;
    ++missing;
    if (!gaps.empty() && gaps.back().last + date::days{1} == d)
      gaps.back().last = d;
    else
      gaps.push_back({d, d});
  }
  std::cout << " " << calendar::format_day(measured.first) << " to " << calendar::format_day(measured.last)
            << " (local days in " << tz.name() << "): "
            << (missing == 0 ? "a message on every day"
                             : days_text(missing) + " without any message:" + spans_text(gaps))
            << "\n";
  return missing > 0;
}

}  // namespace

ExitCode run_check(const options::CheckOptions& o) {
  calendar::TimeZone tz(o.tz);
  store::Database db(o.db, 5000, o.timeout_seconds);
  store::check_column_types(db);  // a wrong affinity makes every rule below misleading
  auto channels = db.channels();
  auto metrics = db.metrics();
  std::int64_t daily = db.count_rows("daily_metric"), inter = db.count_rows("interaction");
  std::cout << o.db << ": schema version " << db.schema_version() << ", " << channels.size() << " channels, "
            << metrics.size() << " metrics, " << daily << " daily values, " << inter << " interactions\n";
  if (inter == 0)  // absent, not zero: reports say the message data are missing (docs/figures.md)
    std::cout << "warning: table interaction is empty: reports will show the dialogue figures (messages needing a "
                 "reply, unanswered share, response times, sentiment) as missing\n";

  auto violations = store::find_violations(db);
  if (violations.empty()) {
    std::cout << "contract: ok\n";
  } else {
    for (const auto& v : violations)
      std::cout << "contract violation: table " << v.table << ": " << v.rule << " (" << v.rows << " rows; e.g. "
                << v.example << ")\n";
  }
  for (const auto& idx : store::missing_indexes(db))
    std::cout << "warning: no index on " << idx << ": reports will scan the whole table (see docs/data-contract.md)\n";
  if (!store::daily_key_is_unique(db))
    std::cout << "warning: table daily_metric has no primary key or unique index on (channel_id, metric, day): "
                 "nothing stops a second row for a day (a correction inserted without deleting the old row), and a "
                 "report stops on such duplicates; schema.sql declares the primary key\n";

  const auto window = check_window(o, tz);
  const bool daily_gaps = print_daily_coverage(db, channels, window);
  const bool message_gaps = print_message_coverage(db, tz, window);
  if (daily_gaps || message_gaps)
    std::cout << "what a missing day means: no daily_metric row for that channel, metric and day (or no message\n"
                 "  at all that day). Reports never count it as 0 nor fill it in: a period's sums lack the day and\n"
                 "  its KPI tiles are marked provisional.\n"
                 "what to do: load those days again from the monitoring pipeline (or with `boardbrief import`);\n"
                 "  where the platform really had nothing that day, store 0 (per-post exports:\n"
                 "  `boardbrief import metrics ... --aggregate sum --zero-days FROM:TO`).\n";
  return violations.empty() ? ExitCode::Ok : ExitCode::Data;
}

}  // namespace boardbrief::app
