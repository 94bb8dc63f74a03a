#include "sample/sample_db.h"

#include <date/tz.h>

#include "base/error.h"
#include "model/metric_keys.h"
#include "model/standard_metrics.h"
#include "sample/channel_profiles.h"
#include "sample/daily_metrics.h"
#include "sample/interactions.h"
#include "sample/random.h"
#include "sample/sample_plan.h"
#include "store/writer.h"

namespace boardbrief::sample {

namespace {

using date::local_days;

void check(const SampleOptions& o) {
  if (!date::year_month_day{o.last_day}.ok()) throw UsageError("sample: the last day is not a valid date");
  if (o.months < 2 || o.months > 240) throw UsageError("sample: months must be between 2 and 240");
  if (o.own_channels < 1) throw UsageError("sample: at least one own channel is needed");
  if (o.competitor_channels < 0) throw UsageError("sample: competitor channels cannot be negative");
  if (o.interactions < 0) throw UsageError("sample: interactions cannot be negative");
  if (o.days != 0 && (o.days < 60 || o.days > 36500)) throw UsageError("sample: days must be between 60 and 36500");
}

SamplePlan make_plan(const SampleOptions& o, const std::vector<ChannelProfile>& channels) {
  SamplePlan plan;
  plan.seed = o.seed;
  plan.noise = o.noise;
  plan.last_day = o.last_day;
  const date::year_month_day last{o.last_day};
  const date::year_month last_month = last.year() / last.month();
  plan.first_day =
      o.days > 0 ? o.last_day - date::days{o.days - 1} : local_days{(last_month - date::months{o.months - 1}) / 1};
  // The storm is on the 14th of the last month, or of the month before when the data stop
  // earlier than the 14th.
  plan.spike_day = local_days{last_month / 14};
  if (plan.spike_day > plan.last_day) plan.spike_day = local_days{(last_month - date::months{1}) / 14};
  plan.zone = date::locate_zone("Europe/Copenhagen");
  // Extraction runs at 01:00 local after the last day.
  plan.cutoff = plan.zone->to_sys(date::local_seconds{plan.last_day + date::days{1}} + std::chrono::hours{1},
                                  date::choose::earliest);

  // The planned late-collection gap is on YouTube, a channel outside the story, so the
  // data-coverage appendix has something to show without hiding TikTok's growth.
  const ChannelProfile* youtube = nullptr;
  std::vector<const ChannelProfile*> own, competitors;
  for (const auto& c : channels) {
    if (c.channel.owner == model::Owner::Own) {
      own.push_back(&c);
      if (c.channel.platform == "youtube" && !youtube) youtube = &c;
    } else {
      competitors.push_back(&c);
    }
  }
  if (o.noise) return plan;  // no gaps in pure noise
  if (youtube)
    plan.gaps.push_back(
        {youtube->channel.id, model::metric_key::kImpressions, plan.last_day - date::days{1}, plan.last_day});
  if (!competitors.empty() && plan.first_day <= local_days{(last_month - date::months{7}) / 1}) {
    const auto* c = competitors[std::min<std::size_t>(1, competitors.size() - 1)];
    const date::year_month gap_month = last_month - date::months{7};
    plan.gaps.push_back(
        {c->channel.id, model::metric_key::kMentions, local_days{gap_month / 1}, local_days{gap_month / date::last}});
  }
  // Single missing days, away from the last five weeks so the demo month stays clean.
  Random rng(derive_seed(o.seed, 3));
  const auto metrics = model::standard_metrics();
  const auto span = (plan.last_day - date::days{35} - plan.first_day).count();
  for (int i = 0; i < 4 && span > 0; ++i) {
    const auto* c = own[rng.below(own.size())];
    const local_days d = plan.first_day + date::days{static_cast<int>(rng.below(static_cast<std::uint64_t>(span)))};
    plan.gaps.push_back({c->channel.id, metrics[rng.below(metrics.size())].key, d, d});
  }
  return plan;
}

}  // namespace

void write_sample_database(const std::string& path, const SampleOptions& options, bool replace) {
  check(options);
  auto channels = make_channel_profiles(options.organisation, options.own_channels, options.competitor_channels);
  if (options.noise)
    for (auto& c : channels) c.followers_growth = c.impressions_growth = c.mentions_growth = c.inbound_growth = 1.0;
  const SamplePlan plan = make_plan(options, channels);

  store::DatabaseWriter out(path, replace);
  for (const auto& c : channels) out.add_channel(c.channel);
  for (const auto& m : model::standard_metrics()) out.add_metric(m);
  for (const auto& c : channels) write_daily_metrics(out, c, plan);
  write_interactions(out, channels, plan, options.interactions);

  if (options.noise) {  // no business rules either: a target breach would be a true statement
    out.commit();
    return;
  }
  const date::year year = date::year_month_day{plan.last_day}.year();
  const local_days from{year / date::January / 1}, to{year / date::December / 31};
  out.add_target({model::metric_key::kUnansweredShare, std::nullopt, from, to, 0.15});
  out.add_target({model::metric_key::kFirstResponseP50, std::nullopt, from, to, 120});
  out.commit();
}

}  // namespace boardbrief::sample
