#include "sample/daily_metrics.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "model/metric_keys.h"
#include "sample/random.h"

namespace boardbrief::sample {

namespace {

// Mon..Sun. Companies post on working days; people mention brands a little less at weekends.
constexpr std::array<double, 7> kPostingRhythm{1.15, 1.15, 1.15, 1.15, 1.1, 0.6, 0.6};
constexpr std::array<double, 7> kMentionRhythm{1.08, 1.08, 1.06, 1.05, 1.0, 0.85, 0.88};

int weekday_index(date::local_days d) { return static_cast<int>(date::weekday{d}.iso_encoding()) - 1; }  // [0, 6]

// Energy is a winter topic: a mild yearly wave peaking in mid-January, +-6 %.
double yearly_wave(date::local_days d) {
  const date::year_month_day ymd{d};
  const double day_of_year = (d - date::local_days{ymd.year() / date::January / 1}).count();  // [0, 365]
  return 1.0 + 0.06 * std::cos(2.0 * std::numbers::pi * (day_of_year - 15.0) / 365.25);
}

}  // namespace

void write_daily_metrics(store::DatabaseWriter& out, const ChannelProfile& p, const SamplePlan& plan) {
  Random rng(derive_seed(plan.seed, 1000 + static_cast<std::uint64_t>(p.channel.id)));
  const auto n = static_cast<std::size_t>((plan.last_day - plan.first_day).count() + 1);
  std::vector<double> followers(n), posts(n), mentions(n), impressions(n), reach(n), engagements(n), clicks(n);

  double drift = 0;  // slow AR(1) wobble around the follower trend, so the line never jumps
  for (std::size_t i = 0; i < n; ++i) {
    const date::local_days d = plan.first_day + date::days{static_cast<int>(i)};
    const double t = plan.years_before_end(d);
    const int wd = weekday_index(d);

    drift = 0.98 * drift + rng.normal(0, 0.0004);
    followers[i] = std::round(p.followers * std::pow(p.followers_growth, t) * (1.0 + drift));

    const double posts_mean =
        p.posts * kPostingRhythm[static_cast<std::size_t>(wd)] * std::pow(p.impressions_growth, 0.4 * t);
    posts[i] = static_cast<double>(rng.poisson(posts_mean));
    mentions[i] = static_cast<double>(
        rng.poisson(p.mentions * std::pow(p.mentions_growth, t) * kMentionRhythm[static_cast<std::size_t>(wd)]));
    if (!p.full_metrics) continue;

    // A boosted post or a news story lifts a few days a year.
    const bool boosted = rng.chance(3.0 / 365.0);
    const double boost = boosted && !plan.noise ? rng.uniform(1.4, 2.0) : 1.0;
    const double from_posts = posts_mean > 0 ? 0.9 + 0.1 * posts[i] / posts_mean : 1.0;
    const double level = p.impressions * std::pow(p.impressions_growth, t) * p.weekday[static_cast<std::size_t>(wd)] *
                         (plan.noise ? 1.0 : yearly_wave(d)) * boost * from_posts;
    impressions[i] = std::round(level * rng.log_normal(1.0, 0.12));
    const double reach_ratio = std::clamp(rng.normal(p.reach_ratio, 0.04), 0.3, 0.95);
    reach[i] = std::floor(impressions[i] * reach_ratio);
    const double rate = std::min(p.engagement_rate * rng.log_normal(1.0, 0.18), 0.2);
    engagements[i] = std::min(std::round(impressions[i] * rate), std::max(impressions[i] - 1, 0.0));
    clicks[i] = std::min(std::round(engagements[i] * p.click_share * rng.log_normal(1.0, 0.25)), engagements[i]);
  }

  // Primary-key order: metric keys alphabetically, then days.
  struct Column {
    const char* key;
    const std::vector<double>* values;
  };
  std::vector<Column> columns;
  namespace key = model::metric_key;
  if (p.full_metrics) {
    columns = {{key::kEngagements, &engagements},
               {key::kFollowers, &followers},
               {key::kImpressions, &impressions},
               {key::kLinkClicks, &clicks},
               {key::kMentions, &mentions},
               {key::kPosts, &posts},
               {key::kReach, &reach}};
  } else {
    columns = {{key::kFollowers, &followers}, {key::kMentions, &mentions}, {key::kPosts, &posts}};
  }
  for (const Column& c : columns) {
    const std::string key = c.key;
    for (std::size_t i = 0; i < n; ++i) {
      const date::local_days d = plan.first_day + date::days{static_cast<int>(i)};
      if (plan.is_gap(p.channel.id, key, d)) continue;
      out.add_daily(p.channel.id, d, key, (*c.values)[i]);
    }
  }
}

}  // namespace boardbrief::sample
