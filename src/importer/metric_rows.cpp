#include "importer/metric_rows.h"

#include <algorithm>

#include "base/error.h"
#include "base/quote.h"
#include "importer/values.h"

namespace boardbrief::importer {

namespace {

std::string or_default(const std::string& v, const char* d) { return v.empty() ? d : v; }

// "Link clicks" -> "link_clicks": header names of a wide export as catalogue keys.
std::string as_key(const std::string& name) {
  std::string k = lower(name);
  std::replace(k.begin(), k.end(), ' ', '_');
  return k;
}

}  // namespace

MetricRowConverter::MetricRowConverter(const Mapping& m, const Header& header, std::vector<std::string> metrics)
    : m_(m),
      path_(header.path()),
      header_fields_(header.size()),
      header_names_(header.names()),
      metrics_(std::move(metrics)) {
  std::sort(metrics_.begin(), metrics_.end());
  day_format_ = or_default(m.day_format, "%Y-%m-%d");
  aggregate_ = m.aggregate == Aggregation::Sum;
  if (aggregate_) {
    instants_.emplace(m.tz);  // naive timestamps are local time in --tz, like interactions
    if (!m.tz.empty()) zone_ = date::locate_zone(m.tz);
  }
  const std::string day_col = or_default(m.day_column, "day");
  const std::string metric_col = or_default(m.metric_column, "metric");
  const std::string value_col = or_default(m.value_column, "value");
  if (m.form == MetricsForm::Detect)
    wide_ = !m.columns.empty() || !header.find(metric_col) || !header.find(value_col);
  else
    wide_ = m.form == MetricsForm::Wide;

  day_ = header.require(day_col, "for the day (use --day-column)");
  channel_.emplace(m, header);
  const std::string hdr = path_ + ":" + std::to_string(header.line());

  if (!m.count_rows.empty()) {
    if (!known_metric(m.count_rows)) unknown_metric(m.count_rows, "--count-rows " + m.count_rows);
    for (const auto& [metric, column] : m.columns)
      if (metric == m.count_rows)
        throw UsageError("--count-rows " + metric + ": the metric is also read from column '" + column + "'");
  }
  if (!wide_) {
    metric_ = header.require(metric_col, "for the metric key (use --metric-column, or --form wide)");
    value_ = header.require(value_col, "for the value (use --value-column)");
    return;
  }
  if (!m.columns.empty()) {
    for (const auto& [metric, column] : m.columns) {
      if (!known_metric(metric)) unknown_metric(metric, "--column " + metric + "=" + column);
      values_.push_back({header.require(column, "for metric '" + metric + "'"), metric});
    }
    return;
  }
  // Wide form without a mapping: every other column is named after a catalogue metric.
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (i == day_ || channel_->holds(i)) continue;
    const std::string key = as_key(header.names()[i]);
    if (!known_metric(key))
      throw DataError(
          hdr + ":" + std::to_string(i + 1) + ": column '" + header.names()[i] +
          "' is not a catalogue metric; map the columns to import with --column METRIC=COLUMN (catalogue: " +
          catalogue_list() + ")");
    values_.push_back({i, key});
  }
  if (values_.empty()) throw DataError(hdr + ": no metric columns besides the day column");
}

bool MetricRowConverter::known_metric(const std::string& key) const {
  return std::binary_search(metrics_.begin(), metrics_.end(), key);
}

std::string MetricRowConverter::catalogue_list() const {
  std::string list;
  for (const auto& k : metrics_) list += (list.empty() ? "" : ", ") + k;
  return list;
}

void MetricRowConverter::unknown_metric(const std::string& key, const std::string& where) const {
  throw DataError(where + ": unknown metric '" + key + "' (catalogue: " + catalogue_list() + ")");
}

void MetricRowConverter::convert(const CsvRecord& r, std::vector<DailyRow>& out, Problems& problems) {
  if (!has_header_fields(r, header_fields_, problems)) return;
  const auto col = [](std::size_t i) { return i + 1; };
  auto day = day_of(r, problems);
  std::string platform, handle;
  const bool ok = channel_->read(r, platform, handle, problems) && day.has_value();

  auto add = [&](std::size_t vi, const std::string& metric, const std::string& column_name) {
    const std::string& cell = r.fields[vi];
    if (is_missing(cell)) {
      ++empty_cells_;
      return;
    }
    auto v = parse_number(cell);
    if (!v) {
      problems.error(r.line, col(vi), "value " + quote(cell) + " is not a number (column " + column_name + ")");
      return;
    }
    if (*v < 0) {
      problems.error(r.line, col(vi), "value " + quote(cell) + " is negative (column " + column_name + ")");
      return;
    }
    if (!ok) return;
    out.push_back({platform, handle, *day, metric, *v, r.line, col(vi)});
  };

  if (ok && !m_.count_rows.empty()) out.push_back({platform, handle, *day, m_.count_rows, 1.0});
  if (!wide_) {
    const std::string& metric = r.fields[metric_];
    if (!known_metric(metric)) {
      problems.error(r.line, col(metric_), "unknown metric '" + metric + "' (catalogue: " + catalogue_list() + ")");
      return;
    }
    add(value_, metric, header_names_[value_]);
    return;
  }
  for (const auto& vc : values_) add(vc.index, vc.metric, header_names_[vc.index]);
}

std::optional<date::local_days> MetricRowConverter::day_of(const CsvRecord& r, Problems& problems) const {
  const std::string& cell = r.fields[day_];
  const std::string column = " (column " + header_names_[day_] + ")";
  if (auto day = parse_day(cell, day_format_)) return day;
  if (!aggregate_) {
    problems.error(r.line, day_ + 1, "day " + quote(cell) + " does not match " + day_format_ + column);
    return std::nullopt;
  }
  ParsedInstant t = instants_->parse(cell);
  if (!t.value && t.error.find("offset") != std::string::npos) {
    problems.error(r.line, day_ + 1, t.error + column);
    return std::nullopt;
  }
  if (!t.value) {
    problems.error(r.line, day_ + 1, quote(cell) + " is neither a day (" + day_format_ + ") nor a timestamp" + column);
    return std::nullopt;
  }
  // An instant falls on different days in different zones: say which, never assume UTC.
  if (!zone_) {
    problems.error(r.line, day_ + 1, "timestamp " + quote(cell) + " needs --tz ZONE to tell its day" + column);
    return std::nullopt;
  }
  return date::floor<date::days>(zone_->to_local(*t.value));
}

}  // namespace boardbrief::importer
