// The metric catalogue the sample database and a database created by `import` start with:
// the keys the findings engine, the tiles and the language files know.
#pragma once

#include <vector>

#include "model/catalogue.h"

namespace boardbrief::model {

// followers (last), impressions, reach, engagements, posts, mentions, link_clicks (sum).
inline std::vector<MetricDef> standard_metrics() {
  return {
      {"followers", "Followers", Aggregation::Last, "count", Better::Up},
      {"impressions", "Impressions", Aggregation::Sum, "count", Better::Up},
      {"reach", "Reach", Aggregation::Sum, "count", Better::Up},
      {"engagements", "Engagements", Aggregation::Sum, "count", Better::Up},
      {"posts", "Posts", Aggregation::Sum, "count", Better::None},
      {"mentions", "Mentions", Aggregation::Sum, "count", Better::Up},
      {"link_clicks", "Link clicks", Aggregation::Sum, "count", Better::Up},
  };
}

}  // namespace boardbrief::model
