#include "store/contract.h"

#include "model/metric_keys.h"

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
  namespace key = model::metric_key;
  if (metric == key::kUnansweredShare || metric == key::kResponseRate || metric == key::kEngagementRate ||
      metric == key::kShareOfVoice)
    return {0, 1, "shares are fractions: 0.15 = 15 %"};
  if (metric == key::kNetSentiment) return {-100, 100, "net sentiment runs from -100 to +100"};
  if (metric == key::kFirstResponseP50 || metric == key::kFirstResponseP90)
    return {0, 43200, "minutes, at most 30 days"};
  return {0, 1e15, "a count"};
}

}  // namespace boardbrief::store
