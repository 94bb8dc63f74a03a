#include "store/coverage.h"

#include "calendar/periods.h"
#include "store/database.h"
#include "store/timestamp.h"

namespace boardbrief::store {

namespace {

// Only days formatted here are spliced into SQL: digits and '-', never user text.
std::string day_literal(date::local_days d) { return "'" + date::format("%F", d) + "'"; }

// The SQL keeps only real YYYY-MM-DD days (date() round-trips them), so this cannot fail.
date::local_days parse_day(const std::string& text) { return *calendar::try_parse_day(text); }

// Per series, in key order: its first row, its last row, and every row followed by a gap.
// The window follows the primary key, so SQLite reads it in order without sorting.
std::string edges_sql(const std::optional<model::DayRange>& within) {
  std::string where = "day IS date(day, '+0 days')";
  if (within) where += " AND day BETWEEN " + day_literal(within->first) + " AND " + day_literal(within->last);
  return "SELECT channel_id, metric, day, next, n FROM (SELECT channel_id, metric, day, "
         "LEAD(day) OVER w AS next, ROW_NUMBER() OVER w AS n FROM daily_metric WHERE " +
         where +
         " WINDOW w AS (PARTITION BY channel_id, metric ORDER BY day)) "
         "WHERE n = 1 OR next IS NOT date(day, '+1 day')";
}

void add_gap(SeriesCoverage& s, date::local_days first, date::local_days last) {
  if (last < first) return;
  s.gaps.push_back({first, last});
  s.missing_days += (last - first).count() + 1;
}

}  // namespace

std::vector<SeriesCoverage> daily_coverage(Database& db, const std::optional<model::DayRange>& within,
                                           std::int64_t& series_seen) {
  std::vector<SeriesCoverage> all;
  SeriesCoverage current;
  date::local_days latest{};
  auto close = [&](date::local_days last_day) {
    current.measured.last = within ? within->last : last_day;
    if (within) add_gap(current, last_day + date::days{1}, within->last);  // stopped before the end
    latest = all.empty() ? last_day : std::max(latest, last_day);
    all.push_back(std::move(current));
    current = SeriesCoverage{};
  };
  db.query_rows(edges_sql(within), [&](const std::vector<std::string>& r) {
    const date::local_days day = parse_day(r[2]);
    if (r[4] == "1") {
      current.channel_id = std::stoll(r[0]);
      current.metric = r[1];
      current.measured.first = day;
    }
    if (r[3].empty()) {
      close(day);
      return;
    }
    add_gap(current, day + date::days{1}, parse_day(r[3]) - date::days{1});
  });
  series_seen = static_cast<std::int64_t>(all.size());
  std::vector<SeriesCoverage> out;
  for (auto& c : all) {
    if (!within && c.measured.last < latest) c.stopped = model::DayRange{c.measured.last + date::days{1}, latest};
    if (c.missing_days > 0 || c.stopped) out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::int64_t> message_hours(Database& db, std::optional<std::pair<std::int64_t, std::int64_t>> within) {
  std::string sql = "SELECT DISTINCT substr(received_at, 1, 13) FROM interaction";
  if (within)  // formatted instants: digits, '-', ':', 'T' and 'Z', never user text
    sql += " WHERE received_at >= '" + format_utc_instant(within->first) + "' AND received_at < '" +
           format_utc_instant(within->second) + "'";
  std::vector<std::int64_t> hours;
  db.query_rows(sql + " ORDER BY 1", [&](const std::vector<std::string>& r) {
    // Text that is no instant (an epoch number, "yesterday") has no hour: check lists it.
    if (auto t = parse_utc_instant(r[0] + ":00:00Z")) hours.push_back(*t);
  });
  return hours;
}

}  // namespace boardbrief::store
