// The report's data-quality policy (docs/errors.md, "Bad rows"): which problems stop a report
// (exit 3, the figures would be untrustworthy) and which are counted, skipped and reported.
//
// Stop: a column declared with the wrong type; duplicate keys; in the report's days a
// daily_metric value that is not a finite number in [0, 1e12] or a day that is not a day; more
// than 1 % of the interaction rows read being bad.
// Warn (and skip): up to 1 % bad interaction rows; daily_metric rows of unknown channels or
// metrics; data that end before the report period does.
// Every check is one indexed query over the report's days, or counts kept by the existing scan.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "model/data_quality.h"
#include "model/period.h"
#include "model/rows.h"

namespace boardbrief::store {

class Database;

// Throws DataError when a contract column is declared with a type of another SQLite affinity
// ("<db>: table daily_metric, column day is declared INTEGER; schema version 1 declares it TEXT").
void check_column_types(Database& db);

// Whether daily_metric has a primary key or unique index on exactly (channel_id, metric, day),
// so the database itself refuses a second row for a day (schema.sql declares the primary key).
bool daily_key_is_unique(Database& db);

// Throws DataError for duplicate channel ids, metric keys or (channel_id, metric, day) keys.
void check_duplicate_keys(Database& db, const model::DayRange& days);

// Warning lines for daily_metric rows in `days` of unknown channels or metrics, which the report
// ignores. Bad values of known series (not a number, infinite, negative, over 1e12; a day that
// is not a real YYYY-MM-DD) stop the report in Database::aggregate_metrics, during its one pass.
std::vector<std::string> check_daily_metric(Database& db, const model::DayRange& days);

// The last day in `days` with a daily value (any channel), if any.
std::optional<date::local_days> last_metric_day(Database& db, const model::DayRange& days);

// Judges the interaction scan's counters: throws DataError when more than 1 % of the rows read
// were bad; returns a warning line when some were skipped.
std::optional<std::string> judge_interactions(const std::string& db_path, const model::DataQuality& q);

// A warning when the data end more than a day before the period does although `as_of` is
// after it (the pipeline stopped): "<db>: data end on <day>, <n> days before <period> ends ...".
std::optional<std::string> stale_data_warning(const std::string& db_path, const model::Period& period,
                                              std::optional<date::local_days> last_data_day, date::local_days as_of);

}  // namespace boardbrief::store
