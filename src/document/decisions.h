// From figures to decisions on the page (docs/decisions.md): the bottom line at the top of page 1,
// each finding's continuity, management's action and outlook as lines under it, the findings
// resolved since the last briefing, and the actions that match no finding (appendix).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document/document.h"
#include "document/figure_names.h"
#include "findings/actions_match.h"
#include "findings/continuity.h"
#include "findings/finding.h"
#include "findings/outlook.h"
#include "model/action.h"
#include "series/report_data.h"
#include "text/strings.h"

namespace boardbrief::document {

struct Decisions {
  const findings::Continuity* continuity = nullptr;     // marks parallel to the kept findings
  const std::vector<model::Action>* actions = nullptr;  // none when null
  findings::ActionMatch matches;                        // over the kept findings
  std::vector<findings::Outlook> outlook;
  bool no_action_line = true;  // "No action recorded" under adverse page-1 findings without one
  std::string actions_file;    // the file's name (no folders), empty when none
  std::string actions_sha256;
  std::string title;  // the template's title in the report language; empty: the language file's
};

// "What matters most in October is that …": from the first page-1 findings (adverse ones first),
// or the favourable lead, or the calm sentence when there is none. No lead-in, first letter
// capitalised; **bold** marks nothing (plain text).
std::string bottom_line(const text::Strings& S, const series::ReportData& data,
                        const std::vector<findings::Finding>& shown, const findings::Continuity* continuity);

// The lines under kept finding `index`: continuity (unless `with_status` is false: the narrow
// dialogue-section list, whose findings page 1 marks already) with the action (or "No action
// recorded" when `page1` and the finding is adverse), and the outlook.
std::vector<std::pair<std::string, std::string>> finding_notes(const text::Strings& S, const series::PeriodSet& ps,
                                                               const Decisions& d,
                                                               const std::vector<findings::Finding>& kept,
                                                               std::size_t index, bool page1, bool with_status = true);

// "No longer a finding in October: …" (nullopt when nothing was resolved).
std::optional<Paragraph> resolved_paragraph(const text::Strings& S, const series::ReportData& data,
                                            const findings::Continuity* continuity);

// The outlook sentence of one projection (for the finding's line and the JSON).
std::string outlook_sentence(const text::Strings& S, const findings::Outlook& o);

// Registers the projection's low and high ends as printed (docs/figures.md).
void register_outlook(const FigureNames& names, const text::Strings& S, const findings::Outlook& o);

// The appendix block of actions that match no finding (nothing when all match).
void add_unmatched_actions(std::vector<Block>& blocks, const text::Strings& S, const series::ReportData& data,
                           const Decisions& d);

// A target on a line chart (docs/decisions.md): the dashed reference line with its label, and the
// periods of `series` on the wrong side of it in the bad colour. `target` in the chart's unit.
void mark_target(LineChartSpec& spec, LineSeries& series, double target, bool at_most, const std::string& label);

// The provenance row naming the actions file and its hash (nullopt without a file).
std::optional<std::pair<std::string, std::string>> actions_provenance(const text::Strings& S, const Decisions& d);

// "platform:tiktok" -> "TikTok", "channel:3" -> the channel's label, "all" -> "".
std::string scope_label(const text::Strings& S, const series::ReportData& data, const std::string& scope);

}  // namespace boardbrief::document
