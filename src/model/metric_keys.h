// The one catalogue of metric keys. Every stage names a metric through these constants, never
// through a string literal, so a key is spelled once and a typo is a compile error. The keys are
// the database's `metrics.key` for stored metrics and the language files' `[metric.<key>]`
// tables for all of them (docs/glossary.md gives each one's English and Danish name).
#pragma once

namespace boardbrief::model::metric_key {

// Stored daily metrics: the standard catalogue (model/standard_metrics.h).
inline constexpr char kFollowers[] = "followers";
inline constexpr char kImpressions[] = "impressions";
inline constexpr char kReach[] = "reach";
inline constexpr char kEngagements[] = "engagements";
inline constexpr char kPosts[] = "posts";
inline constexpr char kMentions[] = "mentions";
inline constexpr char kLinkClicks[] = "link_clicks";

// Derived from stored metrics.
inline constexpr char kEngagementRate[] = "engagement_rate";  // engagements / impressions
inline constexpr char kShareOfVoice[] = "share_of_voice";     // own mentions / all mentions

// Derived from the interactions table (the dialogue with customers).
inline constexpr char kNeedsReply[] = "needs_reply";  // messages needing a reply
inline constexpr char kInbound[] = "inbound";         // the language files' name for kNeedsReply
inline constexpr char kUnansweredShare[] = "unanswered_share";
inline constexpr char kResponseRate[] = "response_rate";
inline constexpr char kFirstResponseP50[] = "first_response_p50";
inline constexpr char kFirstResponseP90[] = "first_response_p90";
inline constexpr char kReplyTimeP50[] = "reply_time_p50";  // median over answered messages only
inline constexpr char kBacklog[] = "backlog";
inline constexpr char kNetSentiment[] = "net_sentiment";
inline constexpr char kNegativeMentions[] = "negative_mentions";

}  // namespace boardbrief::model::metric_key
