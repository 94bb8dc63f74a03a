// A hand-made briefing input for unit tests of document/: a report period (October 2026) and
// the one before it, own and competitor channels, metric values and dialogue counts set one by
// one, and the shipped language files. No database and no binary: the document parts are
// built straight from these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/periods.h"
#include "document/briefing.h"
#include "series/build.h"
#include "support/test_db.h"

namespace boardbrief::testing {

class BriefingFixture {
 public:
  explicit BriefingFixture(const char* lang = "en")
      : strings(text::Strings::load((source_dir() / "templates" / "lang" / (std::string(lang) + ".toml")).string())) {
    const auto as_of = date::local_days{date::year{2026} / date::November / 2};
    data.periods = series::make_period_set(calendar::parse_period("2026-10", as_of), 13);
  }

  std::size_t report() const { return data.periods.report; }
  std::size_t previous() const { return data.periods.previous; }

  // A channel; returns its id.
  std::int64_t channel(const std::string& platform, const std::string& name, model::Owner owner = model::Owner::Own) {
    const auto id = static_cast<std::int64_t>(data.channels.size()) + 1;
    data.channels.push_back({id, platform, "h" + std::to_string(id), name, owner});
    return id;
  }

  static series::Scope channel_scope(std::int64_t id) {
    series::Scope s;
    s.kind = series::Scope::Kind::Channel;
    s.channel_id = id;
    return s;
  }

  // `metric` of `scope` in the report period and the one before (missing where nullopt).
  void metric(const std::string& metric, const series::Scope& scope, std::optional<double> now,
              std::optional<double> before) {
    series::MetricSeries s;
    s.metric = metric;
    s.scope = scope;
    s.values.assign(data.periods.all.size(), std::nullopt);
    s.values[report()] = now;
    s.values[previous()] = before;
    data.metric_series[metric + "@" + scope.key()] = s;
  }

  // Dialogue counts of `scope` in the report period and the one before.
  void dialogue(const series::Scope& scope, const series::DialoguePeriod& now, const series::DialoguePeriod& before) {
    series::DialogueSeries s;
    s.scope = scope;
    s.periods.assign(data.periods.all.size(), series::DialoguePeriod{});
    s.periods[report()] = now;
    s.periods[previous()] = before;
    data.dialogue[scope.key()] = s;
    data.interactions_read += now.inbound + before.inbound;
  }

  // The input, built afresh so a test may change the data first.
  document::BriefingInput input() {
    document::BriefingInput in(strings, data, kpis, findings, gaps);
    in.language_code = strings.language().code();
    in.chart_periods = 2;
    return in;
  }

  text::Strings strings;
  series::ReportData data;
  std::vector<analysis::Kpi> kpis;
  std::vector<findings::Finding> findings;
  std::vector<analysis::Gap> gaps;
};

}  // namespace boardbrief::testing
