// The findings engine's parts, shared by its source files (not part of the stage's contract:
// include findings/engine.h). One Engine runs once per report, without a language: it builds
// the candidate claims (changes, year-on-year, trends, spikes, targets, data gaps, notes), folds
// them (docs/findings-method.md §5) and ranks them (§6), keeping every dropped candidate with its
// reason. How each claim is to be told is in its Wording; phrase.cpp writes the words.
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
#include "findings/metric_info.h"
#include "text/number_format.h"

namespace boardbrief::findings::detail {

using analysis::FindingType;
using analysis::MetricClass;
using analysis::Polarity;
using analysis::Series;
using series::Scope;

// One metric of one scope over the trailing window, ready for the tests.
struct Subject {
  const MetricInfo* info = nullptr;
  Scope scope;
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

// Whether a change in percent prints as "0%" (rounded as text::format_percent rounds, in any
// language): never told.
inline bool rounds_to_zero_percent(double pct) { return text::round_half_away(std::fabs(pct), 1) == 0; }

// Consecutive flagged days of one metric are one event (folded after the spikes are built):
// the scan may flag this many days per metric.
inline constexpr int kMaxEventDays = 10;

// A claim on its way through de-duplication.
struct Item {
  Claim f;
  analysis::Candidate c;
  bool dedup = true;  // takes part in the folding rules
  bool alive = true;
  bool explained = false;  // dropped because a spike explains it
  bool year_ago = false;   // a change against the same period one year earlier
  std::string explains;    // anomalies: the metric whose period change this spike explains
  Direction explains_direction = Direction::None;
  std::string dropped_by;  // why it is not among the findings (see select_claims)
};

// One day-level series of all own channels for the spike scan.
struct DailySeries {
  std::string metric;
  Series y;
  date::local_days first;
  int report_begin = 0;
  model::Better better = model::Better::Up;
  bool heavy = false;  // summed platform metric: heavy-tailed residuals
};

// One event: flagged days next to each other in the same direction, told by its strongest day.
struct SpikeEvent {
  analysis::Spike head;
  std::vector<analysis::Spike> rest;
};

// A target of all own channels as the target rules see it (display units: percent for rates).
struct TargetCase {
  const MetricInfo* info;
  std::string metric;
  model::Better better;
  double value, target;
  bool at_most;
  Series window;  // display unit, trailing window
  std::optional<date::local_days> valid_to;
  bool provisional;
};

class Engine {
 public:
  Engine(const EngineInput& in, const EngineRules& r) : in_(in), R_(r), ps_(in.data.periods) {
    for (const auto& c : in.data.channels) channels_[c.id] = &c;
    for (const auto& c : in.data.channels)
      if (c.owner == model::Owner::Own) ++own_per_platform_[c.platform];
    report_ = ps_.all[ps_.report];
    previous_ = ps_.all[ps_.previous];
  }

  Selection run();

 private:
  // The candidates of one pass (changes, year-on-year, trends, spikes, targets, data gaps).
  void build_candidates();
  // False-discovery control (docs/findings-method.md). The first pass only collects the p of
  // every test; Benjamini–Hochberg over them gives the cut-off; the second pass builds the
  // findings whose test is a discovery. Writes p and q into `inputs`.
  bool significant(const std::string& id, double p, std::map<std::string, double>& inputs);
  void control_false_discoveries();
  static std::string test_id(const Subject& s, Type type, const std::string& baseline);
  // Scopes and subjects (subjects.cpp).
  bool analysed(const Scope& s) const;
  std::vector<Subject> subjects() const;
  void metric_subjects(std::vector<Subject>& out) const;
  void dialogue_subjects(std::vector<Subject>& out) const;
  Subject dialogue_subject(const series::DialogueSeries& ds, const MetricInfo* info) const;

  // Claim builders.
  void changes(const Subject& s);
  void level_change(const Subject& s);
  void rate_change(const Subject& s);
  // The tested rate or score change, or the gate that dropped it (rate_change's two tests).
  struct RateTest {
    std::map<std::string, double> inputs;
    double magnitude = 0, shown = 0;
    std::string gate;
  };
  RateTest binomial_rate_test(const Subject& s);
  RateTest ratio_test(const Subject& s);
  void trend(const Subject& s);
  void withheld_trend(const Subject& s, int window, const std::vector<std::size_t>& gap_periods);
  void year_ago_change(const Subject& s);
  void year_ago_level(const Subject& s, std::map<std::string, double>& in);
  void year_ago_rate(const Subject& s, std::map<std::string, double>& in);
  void add_year_ago(const Subject& s, bool up, double magnitude, Wording w, const std::map<std::string, double>& in);
  void spikes();
  std::vector<DailySeries> daily_series() const;
  void scan_spikes(const DailySeries& m);
  // The period change the flagged days explain, as the clause the first spike carries.
  std::optional<Clause> explain_change(const DailySeries& m, double excess);
  void spike_claim(const DailySeries& m, const Subject& s, const SpikeEvent& e, std::optional<Clause>& explained);
  void targets();
  std::vector<TargetCase> target_cases();
  void target_claim(const TargetCase& k);
  void data_gaps();

  // Helpers.
  Polarity polarity(model::Better b, bool up) const;
  Tone tone(Polarity p) const;
  Record record_of(const Series& values, bool up, bool* boost) const;
  Item& add(const Subject& s, Type type, FindingType ftype, bool up, double magnitude, bool record);
  // Records a candidate that a gate dropped before it was told.
  void reject(const Subject& s, Type type, const std::string& baseline, const std::string& gate,
              std::map<std::string, double> inputs = {});
  void fold_year_ago();
  void business_hours();

  // Materiality and attribution (attribution.cpp).
  std::optional<double> volume(const std::string& metric, const Scope& scope) const;
  std::vector<Contribution> scope_contributions(const std::string& metric, Scope::Kind kind,
                                                std::size_t base_period) const;
  std::vector<Contribution> topic_contributions(const std::string& metric) const;
  std::vector<Contribution> named(std::vector<Contribution> parts, double change) const;
  void apply_materiality();
  void attribute();
  void attribute_change(Item& it);
  void attribute_spike(Item& it);
  void fold_same_day_events();
  void tell_as_event(Item& host, const Item& needs_reply);
  void specific_why();

  // De-duplication and cap.
  // Keeps a folded candidate under the finding that absorbed it (the JSON shows it there).
  static void absorb(Item& host, const Item& gone);
  void join_trend_and_change(Item& kept, const Item& gone);
  void fold(const std::vector<std::size_t>& idx, const std::vector<std::size_t>& kept_of, const char* rule);
  void fold_rules();
  void across_channels();
  void fold_across_by_platform();
  std::string platform_of(const std::string& scope_key) const;
  void fold_into_all();
  void fold_targets();
  std::optional<Clause> sentiment_explained(double excess);
  Selection ranked();

  const EngineInput& in_;
  const EngineRules& R_;
  const series::PeriodSet& ps_;
  model::Period report_, previous_;
  std::map<std::int64_t, const model::Channel*> channels_;
  std::map<std::string, int> own_per_platform_;
  std::vector<Item> items_;
  std::map<std::string, std::size_t> change_index_;    // metric@scope -> item of a period change
  std::vector<Claim> rejected_;                        // dropped by a gate before they were told
  bool collecting_ = true;                             // first pass: tests only
  std::vector<std::pair<std::string, double>> tests_;  // id and p of every test run
  std::map<std::string, double> q_;                    // Benjamini–Hochberg adjusted p by test id
  double cutoff_ = 0;                                  // largest p that is a discovery (0: none)
  int family_size_ = 0;
};

// A scope key back to its scope ("platform:tiktok", "channel:3"; anything else: all own).
Scope parse_scope(const std::string& key);

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
