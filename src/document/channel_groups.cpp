#include "document/channel_groups.h"

#include <algorithm>

#include "model/metric_keys.h"
#include "text/number_format.h"

namespace boardbrief::document {

namespace mk = model::metric_key;

namespace {

series::Scope channel_scope(std::int64_t id) {
  series::Scope s;
  s.kind = series::Scope::Kind::Channel;
  s.channel_id = id;
  return s;
}

std::optional<double> summed(const series::ReportData& data, const std::string& metric,
                             const std::vector<const model::Channel*>& channels, std::size_t period) {
  std::optional<double> sum;
  for (const auto* c : channels) {
    const auto* s = data.find(metric, channel_scope(c->id));
    if (s && period < s->values.size() && s->values[period]) sum = sum.value_or(0) + *s->values[period];
  }
  return sum;
}

}  // namespace

ChannelGroups group_channels(std::vector<const model::Channel*> channels,
                             const std::function<double(const model::Channel&)>& size) {
  std::vector<std::pair<double, const model::Channel*>> sized;
  for (const auto* c : channels) sized.emplace_back(size(*c), c);
  std::stable_sort(sized.begin(), sized.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  ChannelGroups g;
  const std::size_t shown = sized.size() <= kAllChannels ? sized.size() : kTopChannels;
  for (std::size_t i = 0; i < sized.size(); ++i) (i < shown ? g.shown : g.others).push_back(sized[i].second);
  return g;
}

std::string others_label(const text::Strings& strings, std::size_t n) {
  return strings.format_plural("channel_groups.others", static_cast<std::int64_t>(n),
                               {{"n", text::format_integer(static_cast<std::int64_t>(n), strings.language())}});
}

std::optional<double> group_value(const series::ReportData& data, const std::string& metric,
                                  const std::vector<const model::Channel*>& channels, std::size_t period) {
  if (metric == mk::kEngagementRate) {
    auto e = summed(data, mk::kEngagements, channels, period);
    auto i = summed(data, mk::kImpressions, channels, period);
    return e && i && *i > 0 ? std::optional<double>(*e / *i) : std::nullopt;
  }
  return summed(data, metric, channels, period);
}

series::DialoguePeriod group_dialogue(const series::ReportData& data,
                                      const std::vector<const model::Channel*>& channels, std::size_t period) {
  series::DialoguePeriod sum;
  for (const auto* c : channels) {
    const auto* ds = data.find_dialogue(channel_scope(c->id));
    if (!ds || period >= ds->periods.size()) continue;
    const auto& p = ds->periods[period];
    sum.inbound += p.inbound;
    sum.needs_reply += p.needs_reply;
    sum.mature += p.mature;
    sum.answered += p.answered;
    sum.unanswered_at_end += p.unanswered_at_end;
    sum.positive += p.positive;
    sum.negative += p.negative;
    sum.neutral += p.neutral;
    sum.unclassified += p.unclassified;
    sum.provisional = sum.provisional || p.provisional;
  }
  return sum;
}

}  // namespace boardbrief::document
