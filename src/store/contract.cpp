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

}  // namespace boardbrief::store
