#include "series/report_data.h"

namespace boardbrief::series {

std::string Scope::key() const {
  switch (kind) {
    case Kind::AllOwn: return "all";
    case Kind::Platform: return "platform:" + platform;
    case Kind::Channel: return "channel:" + std::to_string(channel_id);
    case Kind::Competitors: return "competitors";
    case Kind::Market: return "market";
  }
  return "?";
}

std::optional<double> DialoguePeriod::response_rate() const {
  if (mature == 0) return std::nullopt;
  return static_cast<double>(answered) / static_cast<double>(mature);
}

std::optional<double> DialoguePeriod::unanswered_share() const {
  auto r = response_rate();
  if (!r) return std::nullopt;
  return static_cast<double>(mature - answered) / static_cast<double>(mature);
}

const MetricSeries* ReportData::find(const std::string& metric, const Scope& scope) const {
  auto it = metric_series.find(metric + "@" + scope.key());
  return it == metric_series.end() ? nullptr : &it->second;
}

const DialogueSeries* ReportData::find_dialogue(const Scope& scope) const {
  auto it = dialogue.find(scope.key());
  return it == dialogue.end() ? nullptr : &it->second;
}

const model::MetricDef* ReportData::metric_def(const std::string& key) const {
  for (const auto& m : metrics)
    if (m.key == key) return &m;
  return nullptr;
}

}  // namespace boardbrief::series
