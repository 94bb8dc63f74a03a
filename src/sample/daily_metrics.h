// Daily metric rows of the sample: trends, yearly and weekly rhythm, noise and planned gaps.
#pragma once

#include "sample/channel_profiles.h"
#include "sample/sample_plan.h"
#include "store/writer.h"

namespace boardbrief::sample {

// Writes one channel's daily_metric rows for plan.first_day..plan.last_day, in primary-key
// order (metric, then day), skipping plan.gaps. Own channels get all seven metrics,
// competitors followers, mentions and posts. Counts are non-negative integers; followers move
// smoothly; reach <= impressions; link_clicks <= engagements < impressions.
// Memory: a few arrays of one value per day for this channel only.
// Throws OutputError from the writer.
void write_daily_metrics(store::DatabaseWriter& out, const ChannelProfile& profile, const SamplePlan& plan);

}  // namespace boardbrief::sample
