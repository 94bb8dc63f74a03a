#include "store/contract.h"

namespace boardbrief::store {

const std::vector<TableContract>& contract_tables() {
  static const std::vector<TableContract> tables = {
      {"channel", {"id", "platform", "handle", "name", "owner"}, false},
      {"metric", {"key", "label", "aggregation", "unit", "better"}, false},
      {"daily_metric", {"channel_id", "day", "metric", "value"}, false},
      {"interaction",
       {"id", "channel_id", "received_at", "kind", "needs_reply", "first_reply_at", "sentiment", "topic"},
       false},
      {"target", {"metric", "channel_id", "valid_from", "valid_to", "value"}, true},
  };
  return tables;
}

TargetBounds target_bounds(const std::string& metric) {
  if (metric == "unanswered_share" || metric == "response_rate" || metric == "engagement_rate" ||
      metric == "share_of_voice")
    return {0, 1, "shares are fractions: 0.15 = 15 %"};
  if (metric == "net_sentiment") return {-100, 100, "net sentiment runs from -100 to +100"};
  if (metric == "first_response_p50" || metric == "first_response_p90") return {0, 43200, "minutes, at most 30 days"};
  return {0, 1e15, "a count"};
}

}  // namespace boardbrief::store
