// The findings engine's parts, shared by its source files (not part of the stage's contract:
// include findings/engine.h). One Engine runs once per report and language: it builds the
// candidates (changes, year-on-year, trends, spikes, targets, data gaps, notes), folds them
// (docs/findings-method.md §5) and ranks them (§6), keeping every dropped candidate with its reason.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "analysis/dedup.h"
#include "findings/engine.h"
#include "text/date_format.h"
#include "text/number_format.h"

namespace boardbrief::findings::detail {

using analysis::FindingType;
using analysis::MetricClass;
using analysis::Polarity;
using analysis::Series;
using series::Scope;
using text::Language;

// How a metric's values are compared and phrased.
enum class Kind { Level, Rate, Score, Minutes };

struct MetricInfo {
  const char* key;
  Kind kind;
  analysis::LevelKind level;
  MetricClass cls;
  const char* family;
  const char* why;
  const char* subject;  // metric.<subject>.subject in the language file
};

inline constexpr MetricInfo kMetrics[] = {
    {"followers", Kind::Level, analysis::LevelKind::Exposure, MetricClass::Audience, "audience", "why.audience",
     "followers"},
    {"impressions", Kind::Level, analysis::LevelKind::Exposure, MetricClass::Visibility, "visibility", "why.reach",
     "impressions"},
    {"reach", Kind::Level, analysis::LevelKind::Exposure, MetricClass::Visibility, "visibility", "why.reach", "reach"},
    {"engagements", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Engagement, "engagement",
     "why.engagement", "engagements"},
    {"engagement_rate", Kind::Rate, analysis::LevelKind::EventCount, MetricClass::Engagement, "engagement",
     "why.engagement", "engagement_rate"},
    {"posts", Kind::Level, analysis::LevelKind::PostCount, MetricClass::Effort, "posts", "why.publishing", "posts"},
    {"mentions", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Visibility, "mentions",
     "why.share_of_voice", "mentions"},
    {"link_clicks", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Engagement, "traffic", "why.traffic",
     "link_clicks"},
    {"share_of_voice", Kind::Rate, analysis::LevelKind::EventCount, MetricClass::Visibility, "share_of_voice",
     "why.share_of_voice", "share_of_voice"},
    {"unanswered_share", Kind::Rate, analysis::LevelKind::EventCount, MetricClass::Care, "response", "why.unanswered",
     "unanswered_share"},
    {"first_response_p50", Kind::Minutes, analysis::LevelKind::EventCount, MetricClass::Care, "frt",
     "why.response_time", "first_response_p50"},
    {"needs_reply", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Care, "volume", "why.volume", "inbound"},
    {"net_sentiment", Kind::Score, analysis::LevelKind::EventCount, MetricClass::Sentiment, "sentiment",
     "why.sentiment", "net_sentiment"},
    {"negative_mentions", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Sentiment, "sentiment",
     "why.sentiment", "negative_mentions"},
};

inline const MetricInfo* info_of(const std::string& key) {
  for (const auto& m : kMetrics)
    if (key == m.key) return &m;
  return nullptr;
}

inline std::string bold(const std::string& s) { return "**" + s + "**"; }

// One metric of one scope over the trailing window, ready for the tests.
struct Subject {
  const MetricInfo* info = nullptr;
  Scope scope;
  std::string scope_name;  // "" for all own channels
  model::Better better = model::Better::Up;
  Series values;  // window; rates and shares in percent, durations in minutes, scores in points
  std::vector<std::optional<analysis::Proportion>> proportions;  // binomial rates and scores
  std::vector<double> coverage;  // per window period: share of days with data (1 for dialogue)
  bool enough_sample = true;     // durations: both periods have >= min_total mature messages
  bool sum = false;              // summed over days: a missing day lowers the period total
  // The same period one year earlier (may lie inside or outside the window).
  std::optional<double> year_ago;
  std::optional<analysis::Proportion> year_ago_proportion;
  double year_ago_coverage = 0;
  bool enough_sample_year = true;  // durations: the year-ago period has >= min_total mature messages
  bool provisional = false;        // dialogue figure of a report period whose window has not closed
};

// Consecutive flagged days of one metric are one event (folded after the spikes are built):
// the scan may flag this many days per metric.
inline constexpr int kMaxEventDays = 10;

// A finding on its way through de-duplication.
struct Item {
  Finding f;
  analysis::Candidate c;
  bool dedup = true;  // takes part in the folding rules
  bool alive = true;
  bool explained = false;  // dropped because a spike explains it
  std::string figure;      // the key figure for an across-channel sentence, bold ("**−18%**", "from **2** to **13**")
  std::string clause;      // targets: the clause that joins a change sentence
  bool year_ago = false;   // a change against the same period one year earlier
  std::string year_clause;            // that change as a clause for a trend or change sentence
  std::string explained_year_clause;  // the same after an anomaly's "…down to −25" ("9 points below October 2025")
  std::string explains;               // anomalies: the metric whose period change this spike explains
  Direction explains_direction = Direction::None;
  std::string dropped_by;  // why it is not among the findings (see consider_findings)
};

class Engine {
 public:
  Engine(const EngineInput& in, const text::Strings& s, const EngineRules& r)
      : in_(in), S_(s), R_(r), lang_(s.language()), ps_(in.data.periods) {
    for (const auto& c : in.data.channels) channels_[c.id] = &c;
    for (const auto& c : in.data.channels)
      if (c.owner == model::Owner::Own) ++own_per_platform_[c.platform];
    report_ = ps_.all[ps_.report];
    previous_ = ps_.all[ps_.previous];
  }

  Considered run();

 private:
  // The candidates of one pass (changes, year-on-year, trends, spikes, targets, data gaps).
  void build_candidates();
  // False-discovery control (docs/findings-method.md). The first pass only collects the p of
  // every test; Benjamini–Hochberg over them gives the cut-off; the second pass builds the
  // findings whose test is a discovery. Writes p and q into `inputs`.
  bool significant(const std::string& id, double p, std::map<std::string, double>& inputs);
  void control_false_discoveries();
  static std::string test_id(const Subject& s, Type type, const std::string& baseline);
  // Scopes.
  bool analysed(const Scope& s) const;
  std::string scope_name(const Scope& s) const;
  std::string subject_text(const MetricInfo& m, const std::string& scope_name) const;
  std::vector<Subject> subjects() const;

  // Finding builders.
  void changes(const Subject& s);
  void level_change(const Subject& s);
  void rate_change(const Subject& s);
  void trend(const Subject& s);
  void year_ago_change(const Subject& s);
  void spikes();
  void targets();
  void data_gaps();

  // Helpers.
  Polarity polarity(model::Better b, bool up) const;
  Tone tone(Polarity p) const;
  std::string record_suffix(const Series& values, bool up, bool* boost) const;
  std::string value_text(Kind k, double v) const;
  // "month"/"months" (or week, quarter, year, period) for the report's granularity.
  std::string unit(bool plural) const;
  // Whether the language treats the metric's subject as plural ("impressions have risen").
  bool plural(const MetricInfo& m) const {
    std::string list = " " + S_.get("finding.plural_subjects") + " ";
    return list.find(std::string(" ") + m.subject + " ") != std::string::npos;
  }
  Item& add(const Subject& s, Type type, FindingType ftype, bool up, double magnitude, bool record);
  // Records a candidate that a gate dropped before it was phrased.
  void reject(const Subject& s, Type type, const std::string& baseline, const std::string& gate,
              std::map<std::string, double> inputs = {});
  void fold_year_ago();
  void business_hours();
  void mark_provisional(Considered& out) const;

  // Materiality and attribution (attribution.cpp).
  std::optional<double> volume(const std::string& metric, const Scope& scope) const;
  std::vector<Contribution> scope_contributions(const std::string& metric, Scope::Kind kind,
                                                std::size_t base_period) const;
  std::vector<Contribution> topic_contributions(const std::string& metric) const;
  std::vector<Contribution> named(std::vector<Contribution> parts, double change) const;
  std::string names_of(const std::vector<Contribution>& parts) const;
  void apply_materiality();
  void attribute();
  void attribute_change(Item& it);
  void attribute_spike(Item& it);
  void fold_same_day_events();
  void specific_why();

  // De-duplication and cap.
  // Keeps a folded candidate under the finding that absorbed it (the JSON shows it there).
  static void absorb(Item& host, const Item& gone);
  void join_trend_and_change(Item& kept, const Item& gone);
  void fold(const std::vector<std::size_t>& idx, const std::vector<std::size_t>& kept_of, const char* rule);
  void fold_rules();
  void across_channels();
  void fold_into_all();
  void fold_targets();
  std::string sentiment_explained(double excess);

  const EngineInput& in_;
  const text::Strings& S_;
  const EngineRules& R_;
  Language lang_;
  const series::PeriodSet& ps_;
  model::Period report_, previous_;
  std::map<std::int64_t, const model::Channel*> channels_;
  std::map<std::string, int> own_per_platform_;
  std::vector<Item> items_;
  std::map<std::string, std::size_t> change_index_;    // metric@scope -> item of a period change
  std::vector<Finding> rejected_;                      // dropped by a gate before phrasing
  bool collecting_ = true;                             // first pass: tests only
  std::vector<std::pair<std::string, double>> tests_;  // id and p of every test run
  std::map<std::string, double> q_;                    // Benjamini–Hochberg adjusted p by test id
  double cutoff_ = 0;                                  // largest p that is a discovery (0: none)
  int family_size_ = 0;
};

// The change gate's decision as the audit trail names it.
inline const char* gate_name(analysis::ChangeGate g) {
  switch (g) {
    case analysis::ChangeGate::Report: return "reported";
    case analysis::ChangeGate::Appendix: return "appendix_only";  // 2 <= |z| < 3, or immaterial
    case analysis::ChangeGate::Suppress: return "not_unusual";
    case analysis::ChangeGate::InsufficientData: return "too_few";
  }
  return "?";
}

}  // namespace boardbrief::findings::detail
