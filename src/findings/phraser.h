// The phrasing pass's parts, shared by its source files (not part of the stage's contract:
// include findings/phrase.h). A Phraser tells claims of one selection in one language; it reads
// nothing but the claims, the selection's periods and channels, and the language file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "findings/metric_info.h"
#include "findings/phrase.h"
#include "findings/phrasing.h"
#include "text/date_format.h"
#include "text/number_format.h"

namespace boardbrief::findings::detail {

inline std::string bold(const std::string& s) { return "**" + s + "**"; }

class Phraser {
 public:
  Phraser(const Selection& s, const text::Strings& strings);

  // The claim's sentence with the clauses of the claims folded into it ("" when not told).
  std::string sentence(const Claim& c) const;
  std::string why(const Claim& c) const;
  // Where the change came from, as a sentence of its own ("" when nothing is named).
  std::string attribution(const Claim& c) const;
  // The provisional note: in full (the first such finding) or as a marker.
  void mark_provisional(std::string& sentence, bool full) const;

 private:
  // Sentences by form (phrase_sentences.cpp).
  std::string main(const Claim& c) const;
  std::string change(const Claim& c, const MetricInfo& m) const;
  std::string year_change(const Claim& c, const MetricInfo& m) const;
  std::string trend(const Claim& c, const MetricInfo& m) const;
  std::string spike(const Claim& c, const MetricInfo& m) const;
  std::string event(const Claim& c) const;
  std::string event_topic(const Attribution& a) const;
  // The median first response as customers live it: "Half of the customers waited more than …".
  std::string wait(const Claim& c, const MetricInfo& m) const;
  static bool told_as_wait(const Claim& c);
  std::string across(const Claim& c, const MetricInfo& m) const;
  std::string other(const Claim& c) const;
  // A change's key figure as the across-channel sentence and the clauses show it, bold.
  std::string figure(const MetricInfo& m, const Wording& w) const;
  std::string slope(const MetricInfo& m, const Wording& w) const;
  std::string amount(const MetricInfo& m, double shown) const;  // "12 points", "9 points" (score)
  std::string clause(const Claim& host, const Clause& c) const;
  std::string year_clause(const MetricInfo& m, const Clause& c) const;
  std::string record(const Record& r, bool up) const;

  // Names.
  std::string value_text(Kind k, double v) const;
  // A count with its noun from the language file ("115 mentions", "1 omtale"), the number bold
  // when `strong`; other measures as value_text() (docs/glossary.md).
  std::string count_text(const MetricInfo& m, double v, bool strong) const;
  // The metric without an article ("impressions", "visninger"), where no channel follows.
  std::string noun(const MetricInfo& m) const;
  std::string unit(bool plural) const;
  bool plural(const MetricInfo& m) const;
  std::string platform_name(const std::string& platform) const;
  std::string scope_name(const std::string& scope_key) const;
  // A channel that is its platform's only own channel is named by its platform.
  std::string short_scope_name(const std::string& scope_key) const;
  std::string subject(const MetricInfo& m, const std::string& scope_key) const;
  std::string names_of(const std::vector<Contribution>& parts) const;
  std::string period_text(std::size_t i) const { return period_in_sentence(ps_.all[i], lang_); }
  std::string report() const { return period_text(ps_.report); }
  std::string previous() const { return period_text(ps_.previous); }
  std::string year_ago() const { return period_since(ps_.all[ps_.year_ago], lang_); }

  const Selection& sel_;
  const text::Strings& S_;
  text::Language lang_;
  const series::PeriodSet& ps_;
  std::map<std::int64_t, const model::Channel*> channels_;
  std::map<std::string, int> own_per_platform_;
};

// The claim's metric, or nullptr for claims outside the catalogue (data-quality notices).
inline const MetricInfo* metric_of(const Claim& c) { return info_of(c.metric); }

// Joins a clause as the last part of a parenthesis: "…(a)." -> "…(a; b)."; "…." -> "… (b).".
void join_in_parenthesis(std::string& sentence, const std::string& clause);

}  // namespace boardbrief::findings::detail
