// A finding in two steps. The engine selects, folds and ranks language-neutral `Claim`s once per
// report: what a finding is about, its numbers and how it is to be told (`Wording`), never text.
// The phrasing pass (findings/phrase.h) turns the one list of claims into `Finding`s in any
// language: the same claim with its sentence (with **bold** key figures) and "why it matters".
#pragma once

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace boardbrief::findings {

// Note: a context figure without a statistical claim (the business-hours response time).
enum class Type { Change, Trend, Anomaly, Record, Target, DataGap, Note };
enum class Direction { Up, Down, None };
enum class Tone { Good, Bad, Neutral };

// The names the findings JSON uses: "change", "up", "bad" …
const char* type_name(Type t);
const char* direction_name(Direction d);
const char* tone_name(Tone t);

// One scope's or topic's part of a company-wide change (docs/findings-method.md, "Attribution").
struct Contribution {
  std::string by;    // "platform", "channel" or "topic"
  std::string key;   // scope key ("platform:tiktok", "channel:3") or the topic as stored
  double value = 0;  // its part of the change, in the metric's unit (points for rates)
  double share = 0;  // value / the company-wide change (of a spike: of the day's excess)
};

// The form of a claim's sentence; the figures it needs are in `Wording`.
enum class Form {
  None,           // not told: dropped by a gate before it had a sentence
  TooFew,         // a rate with too few messages to compare (audit trail only)
  LevelMultiple,  // against the previous period: value, previous, change = multiplier
  LevelPercent,   // value, previous, change = relative change in %
  LevelFromTo,    // below the baseline floor: value, previous
  RateChange,     // value, previous, change = the shown change in points
  YearMultiple,   // against the same period a year earlier, as the three above
  YearPercent,
  YearRate,
  Trend,          // window, change = slope per period, relative = slope in % of the level;
                  // first_period, previous: where the window starts and its value there
  TrendWithheld,  // window, first_period .. last_period: the window's periods with gaps
  Spike,          // day, value, expected, change = ratio to the usual weekday level
  Dip,            // day, change = ratio
  SpikeAbsolute,  // day, value, expected (the usual level is too small for a ratio)
  DipAbsolute,
  Event,          // a day's messages needing a reply: day, value, expected (usual for the weekday), change = ratio
  Target,         // value, target, status, at_most, deadline
  DataGap,        // channel, spans
  BusinessHours,  // value = business-hours median, previous = calendar median (minutes)
  PartialPeriod,  // data quality: day = last day with data, count = days missing
  SkippedRows,    // data quality: count = rows skipped, total = rows read
};

enum class RecordKind { None, Since, InWindow, Ever };
// "the highest since September 2024" (period: its index), "the highest in 13 months" (count),
// "the highest on record, since …" (period: the series' first).
struct Record {
  RecordKind kind = RecordKind::None;
  std::size_t period = 0;
  int count = 0;
};

enum class TargetStatus { Met, OnTrack, Missed };

// How "why it matters" is told: the metric's general line, or specific numbers.
enum class WhyKind {
  Metric,       // the metric's general line
  DataGap,      // gaps in the data
  DataQuality,  // a data-quality notice
  Target,       // target, gap: the gap to the target
  Unanswered,   // count: customers left without a reply in the period
  Event,        // count on `day` against `usual`
  Negative,     // count negative messages on `day` against `usual` for the weekday (an event told in replies)
};

struct Why {
  WhyKind kind = WhyKind::Metric;
  double count = 0, usual = 0, target = 0, gap = 0;
  date::local_days day{};
};

// Where a company-wide change or spike came from, as the sentence names it (the named parts,
// each with its share; all parts are in Claim::contributions).
struct Attribution {
  std::vector<Contribution> where, about;  // channels or platforms; topics
  bool all = false;                        // the topic gave the whole change or more
  bool spike = false;                      // a day's messages: count of `total` were about the topic
  double count = 0, total = 0;
  bool empty() const { return where.empty() && about.empty(); }
};

struct Clause;

// How a claim is told, in numbers (display units: percent for rates, minutes for durations).
struct Wording {
  Form form = Form::None;
  double value = 0, previous = 0;                 // the figure now and the one compared with
  double change = 0;                              // as the form says: %, multiplier, points, slope or ratio
  std::optional<double> relative;                 // trends of levels: the slope in % of the level
  Record record;                                  // changes: the highest/lowest since …
  std::optional<double> year_ago;                 // changes: the value a year earlier, when there is one
  int window = 0;                                 // trends: periods in the window
  bool steadily = false;                          // trends: "steadily" rather than "overall"
  bool strong = false;                            // trends: statistically significant at the stricter level
  bool every = false;                             // trends: moved the same way in every period of the window
  std::size_t first_period = 0, last_period = 0;  // trends: window start; withheld trends: periods with gaps
  date::local_days day{};                         // spikes; data quality: last day with data
  double expected = 0;                            // spikes: the usual level for the weekday
  double count = 0, total = 0;                    // data quality
  TargetStatus status = TargetStatus::Met;        // targets
  double target = 0;
  bool at_most = false;
  std::optional<date::local_days> deadline;  // the last day an on-track target runs to
  std::int64_t channel_id = 0;               // data gaps
  std::vector<std::pair<date::local_days, date::local_days>> spans;
  int across = 0;               // channels told as one sentence (0: not across channels)
  std::string across_best;      // the scope key of the channel that moved most
  std::vector<Clause> clauses;  // folded claims told inside this sentence, in order
  Attribution attribution;
  Why why;
};

// A folded claim told as part of its host's sentence.
enum class ClauseKind {
  YearAgo,             // "(… ; 2.7× the level of October 2025)"
  YearAgoAfterSpike,   // "…down to −25, 9 points below October 2025"
  Trend,               // "(…; rising for 12 months, +2.2 points per month)"
  Change,              // "(up 5 points on September)"
  Target,              // "…, missing the target of at most 2 h"
  Lifting,             // "…, lifting the October total by 22 %" (what.change = %)
  SentimentExplained,  // "…, pulling net sentiment for October down to −25" (what.value, what.previous)
  BusinessHours,       // "In business hours the median was 2 h 4 min." (what.value, minutes)
  AlsoAcross,          // another metric led by the same platform: "Mentions rose there too (+8.8% per month)."
};

struct Clause {
  ClauseKind kind = ClauseKind::YearAgo;
  Direction direction = Direction::None;
  Wording what;        // the folded claim's wording (without clauses of its own)
  std::string metric;  // the folded claim's metric when it is not the host's (a spike's sentiment)
};

// One language-neutral statement the engine considered: kept (ranked) or dropped.
struct Claim {
  Type type = Type::Change;
  std::string metric;  // catalogue or derived key
  std::string scope;   // series::Scope::key(), e.g. "all", "channel:3"
  std::string family;  // metric family for de-duplication (docs/findings-method.md §5)
  Direction direction = Direction::None;
  Tone tone = Tone::Neutral;
  double score = 0;
  std::map<std::string, double> inputs;  // the numbers behind the sentence
  bool summary = false;                  // in the executive summary (top 5, score >= 1.0); else "other findings"
  std::string period;                    // key of the period the finding is about (the report period)
  std::string baseline;                  // key of the period a change compares with ("" for other types)
  bool provisional = false;              // rests on dialogue figures whose response window has not closed
  std::string dropped_by;                // "" when kept; else the gate or rule that dropped the candidate
  // Candidates folded into this one (the other days of one event, a trend's period change, a
  // platform that tells the same story), each with the rule that folded it.
  std::vector<Claim> absorbed;
  std::vector<Contribution> contributions;  // company-wide changes and spikes: where they came from
  Wording wording;
  bool told() const { return wording.form != Form::None; }
};

// A claim phrased in one language.
struct Finding : Claim {
  std::string sentence;  // with **bold** key figures; "" for a claim that is not told
  std::string why;       // "why it matters", plain text
};

// Every candidate the engine considered, phrased: the kept findings (ranked, as find_findings())
// and the dropped ones with the gate or rule that dropped them (the --findings-json audit
// trail). A candidate dropped by a gate before it was told has no sentence.
struct Considered {
  std::vector<Finding> kept;
  std::vector<Finding> dropped;
};

}  // namespace boardbrief::findings
