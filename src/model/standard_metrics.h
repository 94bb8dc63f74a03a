// The metric catalogue the sample database and a database created by `import` start with:
// the keys the findings engine, the tiles and the language files know.
#pragma once

#include <vector>

#include "model/catalogue.h"
#include "model/metric_keys.h"

namespace boardbrief::model {

// followers (last), impressions, reach, engagements, posts, mentions, link_clicks (sum).
inline std::vector<MetricDef> standard_metrics() {
  return {
      {metric_key::kFollowers, "Followers", Aggregation::Last, "count", Better::Up},
      {metric_key::kImpressions, "Impressions", Aggregation::Sum, "count", Better::Up},
      {metric_key::kReach, "Reach", Aggregation::Sum, "count", Better::Up},
      {metric_key::kEngagements, "Engagements", Aggregation::Sum, "count", Better::Up},
      {metric_key::kPosts, "Posts", Aggregation::Sum, "count", Better::None},
      {metric_key::kMentions, "Mentions", Aggregation::Sum, "count", Better::Up},
      {metric_key::kLinkClicks, "Link clicks", Aggregation::Sum, "count", Better::Up},
  };
}

}  // namespace boardbrief::model
