// Values per period, the input of the analysis: every metric for all own channels together,
// per platform and per channel, and the customer-dialogue figures per period and scope.
// Missing periods stay missing (nullopt), never zero.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.h"
#include "model/period.h"

namespace boardbrief::series {

// The periods a report looks at. `all` holds the trailing window (oldest first, report period
// last among them) followed by the year-earlier period when it is not inside the window.
struct PeriodSet {
  std::vector<model::Period> all;
  std::size_t window_size = 0;  // all[0 .. window_size) is the trailing window
  std::size_t report = 0;       // index of the report period
  std::size_t previous = 0;     // index of the previous period
  std::size_t year_ago = 0;     // index of the same period one year earlier
};

// Who a value is about. key(): "all", "platform:tiktok", "channel:7", "competitors", "market".
struct Scope {
  enum class Kind { AllOwn, Platform, Channel, Competitors, Market } kind = Kind::AllOwn;
  std::string platform;
  std::int64_t channel_id = 0;
  std::string key() const;
  static Scope all_own() { return {}; }
};

// One metric of one scope over PeriodSet::all (values.size() == all.size()).
struct MetricSeries {
  std::string metric;
  Scope scope;
  std::vector<std::optional<double>> values;
  std::vector<int> days_with_data;  // per period, the minimum over the scope's channels
};

// A duration that may be "not answered within the window" (infinite).
struct Duration {
  std::int64_t seconds = 0;
  bool infinite = false;
};

// Customer-dialogue figures of one scope in one period (cohort by local received day).
struct DialoguePeriod {
  std::int64_t inbound = 0;            // all interactions received
  std::int64_t needs_reply = 0;        // of which need a reply
  std::int64_t mature = 0;             // needing a reply and old enough to judge (window passed)
  std::int64_t answered = 0;           // mature and answered within the response window
  std::int64_t unanswered_at_end = 0;  // needing a reply, received in the period, no reply by its end
  std::optional<Duration> frt_p50;     // nearest rank over mature messages, unanswered = infinite
  std::optional<Duration> frt_p90;
  std::optional<Duration> answered_median;  // among answered messages only
  std::optional<Duration> business_p50;     // nearest-rank median in business hours (when configured)
  std::int64_t positive = 0, negative = 0, neutral = 0, unclassified = 0;
  bool provisional = false;  // some messages were too recent to judge
  // The own channels received at least one interaction in the period. Otherwise its counts are
  // missing, not zero: a database that begins in September says nothing about June.
  bool covered = true;
  // False when no message of the scope got a reply in the whole window: reply data are
  // absent, and the reply figures above were dropped (reply_info.h).
  bool reply_info = true;
  std::optional<double> response_rate() const;
  std::optional<double> unanswered_share() const;
};

struct DialogueSeries {
  Scope scope;
  std::vector<DialoguePeriod> periods;  // over PeriodSet::all
};

struct ReportData {
  PeriodSet periods;
  std::vector<model::Channel> channels;
  std::vector<model::MetricDef> metrics;
  std::map<std::string, MetricSeries> metric_series;                  // key: metric + "@" + scope.key()
  std::map<std::string, DialogueSeries> dialogue;                     // key: scope.key()
  std::vector<std::pair<std::int64_t, std::int64_t>> backlog_at_end;  // channel -> open at report end
  std::int64_t response_window_seconds = 72 * 3600;
  std::int64_t interactions_read = 0;
  std::int64_t daily_rows = 0;

  const MetricSeries* find(const std::string& metric, const Scope& scope) const;
  const DialogueSeries* find_dialogue(const Scope& scope) const;
  const model::MetricDef* metric_def(const std::string& key) const;
};

}  // namespace boardbrief::series
