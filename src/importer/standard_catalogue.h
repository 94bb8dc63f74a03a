// The metric catalogue a database created by `import` starts with (the sample's catalogue).
#pragma once

#include <vector>

#include "model/catalogue.h"

namespace boardbrief::importer {

// followers (last), impressions, reach, engagements, posts, mentions, link_clicks (sum).
std::vector<model::MetricDef> standard_metrics();

}  // namespace boardbrief::importer
