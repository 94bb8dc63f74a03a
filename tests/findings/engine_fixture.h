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

// Worked examples: the unanswered share, Instagram impressions, Facebook reach and a day of
// negative messages, each with a real change, trend or spike.
// Example G: unanswered share Sep 2024..Oct 2025, Sep 52/200 and Oct 57/150 (example F).
inline std::vector<series::DialoguePeriod>& add_example_g(Fixture& fx) {
  std::vector<std::pair<int, int>> v;
  for (int pct : {40, 35, 31, 29, 33, 27, 25, 30, 28, 24, 26, 22}) v.emplace_back(pct * 2, 200);
  v.emplace_back(52, 200);
  v.emplace_back(57, 150);
  return fx.unanswered(v);
}

// Example H: Instagram impressions Oct 2024..Oct 2025.
inline void add_example_h(Fixture& fx) {
  std::vector<double> v;
  for (double x : {390, 425, 398, 440, 452, 447, 431, 460, 455, 470, 466, 480, 394}) v.push_back(x * 1000);
  fx.metric("impressions", "instagram", v);
}

// Example B: Facebook reach Nov 2024..Oct 2025.
inline void add_example_b(Fixture& fx) {
  std::vector<double> v;
  for (double x : {120.0, 118.5, 119.2, 115.0, 113.8, 114.1, 110.2, 108.9, 110.2, 105.3, 104.0, 101.7})
    v.push_back(x * 1000);
  fx.metric("reach", "facebook", v);
}

// Example E: negative-sentiment interactions per day, Mon 29 Sep – Sun 26 Oct 2025.
inline void add_example_e(Fixture& fx) {
  series::DailyCounts d;
  d.first = local_days{date::year{2025} / date::September / 29};
  d.report_begin = 2;
  d.negative = {14, 9, 11, 13, 8, 5, 6, 11, 12, 9, 10, 11, 7, 3, 13, 57, 12, 9, 10, 4, 6, 10, 11, 8, 12, 9, 8, 5};
  d.needs_reply.assign(d.negative.size(), 0);
  d.negative_needs_reply.assign(d.negative.size(), 0);
  fx.daily = d;
}

}  // namespace boardbrief::testing::findings_fixture
