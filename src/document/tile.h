// A KPI tile as the document describes it: every text formatted in the report language, every
// change with its direction and role. Layout (layout/kpi_tile.h) sizes, places and colours it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "document/roles.h"

namespace boardbrief::document {

// One comparison line of a tile.
struct Delta {
  Direction direction = Direction::None;  // None: no comparison, only `comparison_text`
  Role role = Role::Neutral;              // Favourable, Adverse or Neutral
  std::string value_text;                 // "+12 pp"
  std::string comparison_text;            // "vs Sep", or "no data vs Oct 2025" when None
};

struct TargetStatus {
  std::string text;  // "23 pp above"
  Role role = Role::Neutral;
};

// What the sparkline's values measure; it decides the least span of the sparkline's scale.
enum class SparkScale { Count, Share, Score };

struct Tile {
  std::string label;  // "Unanswered messages"
  std::string value;  // "38", "3 h 30": the figure without its unit
  // Printed straight after `value`, smaller; carries its own leading (no-break) space when the
  // language wants one ("%" in English, "\u00A0%" in Danish).
  std::string unit;
  std::string context;                      // the line under the value: "1,832 of 4,812 messages"
  Delta vs_prev, vs_year;                   // against the previous period and the same period a year before
  std::optional<std::string> target_label;  // "Target ≤ 15%:"; the target line needs it
  std::optional<TargetStatus> target_status;
  bool provisional = false;
  std::string provisional_text;  // "provisional" / "foreløbig"; "partial" for a partial period
  std::vector<std::optional<double>> spark;
  SparkScale scale = SparkScale::Count;
  std::optional<double> target;  // on the sparkline's scale
};

}  // namespace boardbrief::document
