// Inbound customer interactions of the sample: when they arrive (local daytime in the plan's
// time zone), what they are about, how they feel, and when (or whether) the team answered.
#pragma once

#include <cstdint>
#include <vector>

#include "sample/channel_profiles.h"
#include "sample/sample_plan.h"
#include "store/writer.h"

namespace boardbrief::sample {

// Writes about `count` interactions on the own channels with inbound > 0, for the local days
// plan.first_day..plan.last_day, in received_at order, one day at a time (memory holds one
// day's interactions, whatever `count` is). Built-in story, by calendar month before
// plan.last_day's month: the unanswered share of needs_reply interactions is about 15 % until
// seven months before the end and then climbs to about 38 %, and replies get slower; on
// plan.spike_day hundreds of angry "billing" messages arrive (about 10x the usual negative
// volume). At each month boundary two messages arrive at 23:30 UTC on the last day of the
// month, which is already the next month in Copenhagen; the last pair lies after
// plan.last_day. Replies after plan.cutoff are not recorded (first_reply_at NULL).
// Returns the number written (within a few per cent of `count` for count >= 10,000).
// Throws OutputError from the writer.
std::int64_t write_interactions(store::DatabaseWriter& out, const std::vector<ChannelProfile>& channels,
                                const SamplePlan& plan, std::int64_t count);

}  // namespace boardbrief::sample
