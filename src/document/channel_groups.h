// Pages that scale with the number of channels (docs/visual-rules.md, "Pages that scale"):
// tables and charts list the largest channels one by one and fold the rest into one
// "Other (n channels)" row, so a company with 200 channels gets the pages of one with 9.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.h"
#include "series/report_data.h"
#include "text/strings.h"

namespace boardbrief::document {

// Up to kAllChannels channels: each its own row. More: the largest kTopChannels and one row for
// the rest (at least three channels, so the folded row is never a single hidden channel).
// Eight rows fit a section page beside its charts; the demo company's six own channels all show.
inline constexpr std::size_t kAllChannels = 8;
inline constexpr std::size_t kTopChannels = 6;

struct ChannelGroups {
  std::vector<const model::Channel*> shown;   // largest first (stable for equal sizes)
  std::vector<const model::Channel*> others;  // folded into one row; empty when all are shown
};

// Sorts `channels` by `size` (largest first; a missing size is -1) and splits them.
ChannelGroups group_channels(std::vector<const model::Channel*> channels,
                             const std::function<double(const model::Channel&)>& size);

// "Other (12 channels)" / "Øvrige (12 kanaler)", with the plural from the language file.
std::string others_label(const text::Strings& strings, std::size_t n);

// A metric of a group of channels in one period: counts summed (a level such as followers
// too: the group's audience), the engagement rate as engagements ÷ impressions of the group.
// Missing when no channel of the group has a value.
std::optional<double> group_value(const series::ReportData& data, const std::string& metric,
                                  const std::vector<const model::Channel*>& channels, std::size_t period);

// The dialogue counts of a group of channels in one period, summed. Percentiles cannot be
// summed, so the group's response times stay missing.
series::DialoguePeriod group_dialogue(const series::ReportData& data,
                                      const std::vector<const model::Channel*>& channels, std::size_t period);

}  // namespace boardbrief::document
