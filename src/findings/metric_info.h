// The metrics the findings engine tests, and how each is compared and told: shared by the
// selection (engine) and the phrasing pass. Not part of the stage's contract.
#pragma once

#include <string>

#include "analysis/compare.h"
#include "analysis/score.h"
#include "model/metric_keys.h"

namespace boardbrief::findings::detail {

// How a metric's values are compared and phrased.
enum class Kind { Level, Rate, Score, Minutes };

struct MetricInfo {
  const char* key;
  Kind kind;
  analysis::LevelKind level;
  analysis::MetricClass cls;
  const char* family;
  const char* why;
  const char* subject;  // metric.<subject>.subject in the language file
};

namespace mk = model::metric_key;

inline constexpr MetricInfo kMetrics[] = {
    {mk::kFollowers, Kind::Level, analysis::LevelKind::Exposure, analysis::MetricClass::Audience, "audience",
     "why.audience", mk::kFollowers},
    {mk::kImpressions, Kind::Level, analysis::LevelKind::Exposure, analysis::MetricClass::Visibility, "visibility",
     "why.reach", mk::kImpressions},
    {mk::kReach, Kind::Level, analysis::LevelKind::Exposure, analysis::MetricClass::Visibility, "visibility",
     "why.reach", mk::kReach},
    {mk::kEngagements, Kind::Level, analysis::LevelKind::EventCount, analysis::MetricClass::Engagement, "engagement",
     "why.engagement", mk::kEngagements},
    {mk::kEngagementRate, Kind::Rate, analysis::LevelKind::EventCount, analysis::MetricClass::Engagement, "engagement",
     "why.engagement", mk::kEngagementRate},
    {mk::kPosts, Kind::Level, analysis::LevelKind::PostCount, analysis::MetricClass::Effort, "posts", "why.publishing",
     mk::kPosts},
    {mk::kMentions, Kind::Level, analysis::LevelKind::EventCount, analysis::MetricClass::Visibility, "mentions",
     "why.share_of_voice", mk::kMentions},
    {mk::kLinkClicks, Kind::Level, analysis::LevelKind::EventCount, analysis::MetricClass::Engagement, "traffic",
     "why.traffic", mk::kLinkClicks},
    {mk::kShareOfVoice, Kind::Rate, analysis::LevelKind::EventCount, analysis::MetricClass::Visibility,
     "share_of_voice", "why.share_of_voice", mk::kShareOfVoice},
    {mk::kUnansweredShare, Kind::Rate, analysis::LevelKind::EventCount, analysis::MetricClass::Care, "response",
     "why.unanswered", mk::kUnansweredShare},
    {mk::kFirstResponseP50, Kind::Minutes, analysis::LevelKind::EventCount, analysis::MetricClass::Care, "frt",
     "why.response_time", mk::kFirstResponseP50},
    {mk::kNeedsReply, Kind::Level, analysis::LevelKind::EventCount, analysis::MetricClass::Care, "volume", "why.volume",
     mk::kInbound},
    {mk::kNetSentiment, Kind::Score, analysis::LevelKind::EventCount, analysis::MetricClass::Sentiment, "sentiment",
     "why.sentiment", mk::kNetSentiment},
    {mk::kNegativeMentions, Kind::Level, analysis::LevelKind::EventCount, analysis::MetricClass::Sentiment, "sentiment",
     "why.sentiment", mk::kNegativeMentions},
};

inline const MetricInfo* info_of(const std::string& key) {
  for (const auto& m : kMetrics)
    if (key == m.key) return &m;
  return nullptr;
}

}  // namespace boardbrief::findings::detail
