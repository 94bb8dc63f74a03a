#include "importer/standard_catalogue.h"

namespace boardbrief::importer {

std::vector<model::MetricDef> standard_metrics() {
  using model::Aggregation;
  using model::Better;
  // NOTE: keep in step with sample::sample_metrics(): the findings engine knows these keys.
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

}  // namespace boardbrief::importer
