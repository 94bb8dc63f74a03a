// The findings tests' ReportData built by hand: report period October 2025 in a 14-month
// window (Sep 2024 .. Oct 2025, so the year-ago month is in it), two own channels, and helpers
// to set a platform's or all channels' values, the unanswered share and targets.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calendar/periods.h"
#include "findings/engine.h"
#include "series/build.h"
#include "support/test_db.h"

namespace boardbrief::testing::findings_fixture {

using date::days;
using date::local_days;

inline text::Strings lang_file(const char* code) {
  return text::Strings::load((testing::source_dir() / "templates" / "lang" / (std::string(code) + ".toml")).string());
}
inline const text::Strings& en() {
  static const text::Strings s = lang_file("en");
  return s;
}
inline const text::Strings& da() {
  static const text::Strings s = lang_file("da");
  return s;
}

inline constexpr auto kOct2025 = local_days{date::year{2025} / date::October / 1};

// Report period October 2025; a 14-period window (Sep 2024 .. Oct 2025) holds the year-ago month.
struct Fixture {
  series::ReportData data;
  std::vector<analysis::Kpi> kpis;
  std::vector<analysis::Gap> gaps;
  std::optional<series::DailyCounts> daily;
  std::vector<series::DailyMetric> daily_metrics;

  Fixture() {
    data.periods = series::make_period_set(calendar::parse_period("2025-10", kOct2025 + days{40}), 14);
    data.channels = {{1, "instagram", "@naae", "Nørre Ålbæk Energi", model::Owner::Own},
                     {2, "facebook", "naae", "Nørre Ålbæk Energi", model::Owner::Own}};
    data.metrics = {{"impressions", "Impressions", model::Aggregation::Sum, "count", model::Better::Up},
                    {"reach", "Reach", model::Aggregation::Sum, "count", model::Better::Up},
                    {"followers", "Followers", model::Aggregation::Last, "count", model::Better::Up},
                    {"mentions", "Mentions", model::Aggregation::Sum, "count", model::Better::Up}};
  }

  // Values for the last values.size() window periods of one platform, oldest first.
  void metric(const std::string& key, const std::string& platform, const std::vector<double>& values) {
    series::MetricSeries s;
    s.metric = key;
    s.scope.kind = series::Scope::Kind::Platform;
    s.scope.platform = platform;
    const auto& all = data.periods.all;
    std::size_t offset = data.periods.window_size - values.size();
    for (std::size_t i = 0; i < all.size(); ++i) {
      bool in = i >= offset && i < data.periods.window_size;
      s.values.push_back(in ? std::optional<double>(values[i - offset]) : std::nullopt);
      s.days_with_data.push_back(in ? all[i].days() : 0);
    }
    data.metric_series[key + "@" + s.scope.key()] = s;
  }

  // Values for all own channels together.
  void metric_all(const std::string& key, const std::vector<double>& values) {
    metric(key, "x", values);
    auto node = data.metric_series.extract(key + "@platform:x");
    node.mapped().scope = series::Scope::all_own();
    node.key() = key + "@all";
    data.metric_series.insert(std::move(node));
  }

  // Unanswered out of mature messages needing a reply, for the last periods of the window.
  std::vector<series::DialoguePeriod>& unanswered(const std::vector<std::pair<int, int>>& hits_total) {
    series::DialogueSeries ds;
    std::size_t offset = data.periods.window_size - hits_total.size();
    for (std::size_t i = 0; i < data.periods.all.size(); ++i) {
      series::DialoguePeriod p;
      if (i >= offset && i < data.periods.window_size) {
        auto [hits, total] = hits_total[i - offset];
        p.inbound = p.needs_reply = p.mature = total;
        p.answered = total - hits;
      }
      ds.periods.push_back(p);
    }
    data.dialogue["all"] = ds;
    return data.dialogue["all"].periods;
  }

  std::vector<model::TargetRow> targets;

  findings::EngineInput input() const {
    return {data, kpis, gaps, daily ? &*daily : nullptr, &daily_metrics, &targets};
  }
  findings::Considered consider(const text::Strings& s) const { return findings::consider_findings(input(), s); }
  std::vector<findings::Finding> run(const text::Strings& s, const findings::EngineRules& r = {}) const {
    return findings::find_findings(input(), s, r);
  }
};

inline const findings::Finding* find(const std::vector<findings::Finding>& all, findings::Type type,
                                     const std::string& metric, const std::string& baseline = "*") {
  for (const auto& f : all)
    if (f.type == type && f.metric == metric && (baseline == "*" || f.baseline == baseline)) return &f;
  return nullptr;
}

}  // namespace boardbrief::testing::findings_fixture
