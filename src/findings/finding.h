// A finding: one ranked statement for the board, already phrased in the report language,
// with the numbers it rests on (for --findings-json and the appendix).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace boardbrief::findings {

// Note: a context figure without a statistical claim (the business-hours response time).
enum class Type { Change, Trend, Anomaly, Record, Target, DataGap, Note };
enum class Direction { Up, Down, None };
enum class Tone { Good, Bad, Neutral };

const char* type_name(Type t);

// One scope's or topic's part of a company-wide change (docs/findings-method.md, "Attribution").
struct Contribution {
  std::string by;    // "platform", "channel" or "topic"
  std::string key;   // scope key ("platform:tiktok", "channel:3") or the topic as stored
  double value = 0;  // its part of the change, in the metric's unit (points for rates)
  double share = 0;  // value / the company-wide change (of a spike: of the day's excess)
};

struct Finding {
  Type type = Type::Change;
  std::string metric;  // catalogue or derived key
  std::string scope;   // series::Scope::key(), e.g. "all", "channel:3"
  std::string family;  // metric family for de-duplication (docs/findings-method.md §5)
  Direction direction = Direction::None;
  Tone tone = Tone::Neutral;
  double score = 0;
  std::string sentence;                  // with **bold** key figures
  std::string why;                       // "why it matters", plain text
  std::map<std::string, double> inputs;  // the numbers behind the sentence
  bool summary = false;                  // in the executive summary (top 5, score >= 1.0); else "other findings"
  std::string period;                    // key of the period the finding is about (the report period)
  std::string baseline;                  // key of the period a change compares with ("" for other types)
  bool provisional = false;              // rests on dialogue figures whose response window has not closed
  std::string dropped_by;                // "" when kept; else the gate or rule that dropped the candidate
  // Candidates folded into this one (the other days of one event, a trend's period change, a
  // platform that tells the same story), each with the rule that folded it.
  std::vector<Finding> absorbed;
  std::vector<Contribution> contributions;  // company-wide changes and spikes: where they came from
  std::string attribution;                  // the sentence naming the largest contributors (already in `sentence`)
};

// Every candidate the engine considered: the kept findings (ranked, as find_findings()) and
// the dropped ones with the gate or rule that dropped them (the --findings-json audit trail).
// A candidate dropped by a gate before it was phrased has no sentence.
struct Considered {
  std::vector<Finding> kept;
  std::vector<Finding> dropped;
};

}  // namespace boardbrief::findings
