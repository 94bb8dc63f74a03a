#include "sample/interactions.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sample/random.h"

namespace boardbrief::sample {

namespace {

using namespace std::chrono_literals;
using date::local_days;
using date::local_seconds;
using date::sys_seconds;

// Local hour of arrival (0..23). Direct messages follow office hours; comments and mentions
// the evening sofa; the billing storm starts when the e-mailed bills land at 06:30.
const std::vector<double> kMessageHours{0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.6, 1.4, 2.4, 2.8, 2.9, 2.8,
                                        2.6, 2.6, 2.5,  2.3, 2.1, 1.9, 1.8, 1.8, 1.7, 1.4, 1.0, 0.6};
const std::vector<double> kSocialHours{0.5, 0.3, 0.2, 0.15, 0.1, 0.15, 0.4, 0.9, 1.4, 1.6, 1.7, 1.8,
                                       1.9, 1.8, 1.7, 1.7,  1.8, 2.0,  2.3, 2.5, 2.6, 2.4, 1.8, 1.0};
const std::vector<double> kStormHours{0,   0,   0,   0,   0,   0,   0.3, 3.0, 5.0, 5.0, 4.5, 4.0,
                                      3.5, 3.0, 2.8, 2.5, 2.2, 2.0, 2.0, 1.8, 1.5, 1.2, 0.8, 0.4};
// Mon..Sun: customers write more early in the week.
constexpr std::array<double, 7> kInboundRhythm{1.12, 1.08, 1.05, 1.03, 0.95, 0.8, 0.85};

const char* const kKindText[] = {"message", "comment", "mention"};
constexpr double kNeedsReply[] = {0.88, 0.30, 0.12};   // by Kind
constexpr double kMissedFactor[] = {0.9, 1.25, 1.3};   // comments and mentions slip through
constexpr double kNoSentiment[] = {0.30, 0.35, 0.20};  // the classifier gave up

struct Topic {
  const char* name;  // nullptr = no topic
  double weight;
  double sentiment;  // mean, [-1, 1]
};
const Topic kTopics[] = {{"billing", 0.24, -0.25}, {"outage", 0.10, -0.40}, {"price", 0.17, -0.20},
                         {"app", 0.12, -0.05},     {"moving", 0.10, 0.10},  {"praise", 0.15, 0.70},
                         {nullptr, 0.12, 0.10}};
constexpr std::size_t kPraise = 5;

int weekday_index(local_days d) { return static_cast<int>(date::weekday{d}.iso_encoding()) - 1; }  // [0, 6]

double inbound_wave(local_days d) {
  const date::year_month_day ymd{d};
  const double day_of_year = (d - local_days{ymd.year() / date::January / 1}).count();
  return 1.0 + 0.12 * std::cos(2.0 * std::numbers::pi * (day_of_year - 15.0) / 365.25);
}

int months_before_end(local_days d, local_days last) {
  const date::year_month a{date::year_month_day{d}.year(), date::year_month_day{d}.month()};
  const date::year_month b{date::year_month_day{last}.year(), date::year_month_day{last}.month()};
  return static_cast<int>((b - a).count());
}

// The care team's staffed hours, local time: weekdays 07-22, weekends 09-20.
struct Shift {
  std::chrono::hours begin, end;
};
Shift shift_on(local_days d) { return weekday_index(d) < 5 ? Shift{7h, 22h} : Shift{9h, 20h}; }

class Generator {
 public:
  Generator(const std::vector<ChannelProfile>& channels, const SamplePlan& plan, std::int64_t count)
      : channels_(channels), plan_(plan), rng_(derive_seed(plan.seed, 1)) {
    topic_weights_.clear();
    for (const Topic& t : kTopics) topic_weights_.push_back(t.weight);
    for (const auto& c : channels_) {
      if (c.channel.owner != model::Owner::Own) continue;
      if (c.channel.platform == "facebook" && !facebook_) facebook_ = &c;
      if (c.channel.platform == "instagram" && !instagram_) instagram_ = &c;
      if (c.channel.platform == "x" && !x_) x_ = &c;
    }
    // Solve for the scale that makes the expected total `count`: regular traffic plus the storm
    // (kStormSize times the regular volume of its day) plus the fixed month-boundary messages.
    double regular = 0;
    for (local_days d = plan_.first_day; d <= plan_.last_day; d += date::days{1}) regular += day_weight(d);
    const double storm = plan_.noise ? 0.0 : kStormSize * day_weight(plan_.spike_day);
    const double boundary = static_cast<double>(boundary_messages());
    scale_ = std::max(0.0, (static_cast<double>(count) - boundary) / (regular + storm));
    // A little month-to-month wobble so that the monthly shares are not a ruler-straight line.
    Random jitter(derive_seed(plan.seed, 2));
    for (int m = 0; m <= months_before_end(plan_.first_day, plan_.last_day); ++m) {
      const double j = jitter.uniform(-0.012, 0.012);
      month_jitter_.push_back(plan_.noise ? 0.0 : j);
    }
  }

  std::int64_t run(store::DatabaseWriter& out) {
    std::int64_t written = 0;
    std::vector<store::InteractionRecord> day;
    // One day past the end: the last month-boundary pair belongs to the next local day.
    for (local_days d = plan_.first_day; d <= plan_.last_day + date::days{1}; d += date::days{1}) {
      day.clear();
      if (d <= plan_.last_day) {
        for (const auto& c : channels_) {
          if (c.inbound <= 0 || c.channel.owner != model::Owner::Own) continue;
          const std::int64_t n = rng_.poisson(scale_ * channel_weight(c, d));
          for (std::int64_t i = 0; i < n; ++i) day.push_back(regular(c, d));
        }
        if (d == plan_.spike_day && !plan_.noise) add_storm(d, day);
      }
      if (date::year_month_day{d}.day() == date::day{1} && d > plan_.first_day) add_boundary_pair(d, day);
      // Arrival order; ties keep generation order, so the result is deterministic.
      std::stable_sort(day.begin(), day.end(),
                       [](const auto& a, const auto& b) { return a.received_at < b.received_at; });
      for (const auto& r : day) out.add_interaction(r);
      written += static_cast<std::int64_t>(day.size());
    }
    return written;
  }

 private:
  static constexpr double kStormSize = 3.0;  // extra billing messages, x the day's usual volume
  // First replies, minutes: log-normal median for messages arriving while staffed, and after
  // opening for the night queue; both stretch by kSlowerPerMonth a month in the last six.
  static constexpr double kStaffedMedian = 85;
  static constexpr double kQueueMedian = 25;
  static constexpr double kStaffedSigma = 0.65;
  static constexpr double kSlowerPerMonth = 0.03;
  static constexpr double kSlipped = 0.03;  // answered a day or two later

  double channel_weight(const ChannelProfile& c, local_days d) const {
    return c.inbound * std::pow(c.inbound_growth, plan_.years_before_end(d)) *
           kInboundRhythm[static_cast<std::size_t>(weekday_index(d))] * (plan_.noise ? 1.0 : inbound_wave(d));
  }
  double day_weight(local_days d) const {
    double w = 0;
    for (const auto& c : channels_) {
      if (c.channel.owner == model::Owner::Own && c.inbound > 0) w += channel_weight(c, d);
    }
    return w;
  }
  std::int64_t boundary_messages() const {
    if (!facebook_ && !instagram_) return 0;
    const int per_boundary = (facebook_ ? 1 : 0) + (instagram_ ? 1 : 0);
    return per_boundary * (months_before_end(plan_.first_day, plan_.last_day + date::days{1}));
  }

  sys_seconds arrive(local_days d, const std::vector<double>& hours) {
    const auto h = static_cast<int>(rng_.pick(hours));
    const auto second = static_cast<std::int64_t>(rng_.below(3600));  // [0, 3599]
    const local_seconds local = local_seconds{d} + std::chrono::hours{h} + std::chrono::seconds{second};
    // Ambiguous or skipped times on DST days resolve to the earlier instant.
    return plan_.zone->to_sys(local, date::choose::earliest);
  }

  store::InteractionRecord regular(const ChannelProfile& c, local_days d) {
    const auto kind = static_cast<std::size_t>(rng_.pick({c.kinds[0], c.kinds[1], c.kinds[2]}));
    store::InteractionRecord r;
    r.channel_id = c.channel.id;
    r.kind = kKindText[kind];
    r.received_at = arrive(d, kind == 0 ? kMessageHours : kSocialHours);
    const std::size_t topic = rng_.pick(topic_weights_);
    if (kTopics[topic].name) r.topic = kTopics[topic].name;
    r.needs_reply = rng_.chance(kNeedsReply[kind] * (topic == kPraise ? 0.2 : 1.0));
    if (!rng_.chance(kNoSentiment[kind])) r.sentiment = sentiment(kTopics[topic].sentiment, 0.3);
    reply(r, kMissedFactor[kind], 1.0);
    return r;
  }

  // The billing storm: angry messages and comments on Facebook, X and Instagram.
  void add_storm(local_days d, std::vector<store::InteractionRecord>& day) {
    std::vector<const ChannelProfile*> where;
    std::vector<double> weights;
    for (auto [c, w] : {std::pair{facebook_, 0.55}, std::pair{x_, 0.25}, std::pair{instagram_, 0.2}}) {
      if (c) where.push_back(c), weights.push_back(w);
    }
    if (where.empty()) return;
    const std::int64_t n = rng_.poisson(kStormSize * scale_ * day_weight(d));
    for (std::int64_t i = 0; i < n; ++i) {
      store::InteractionRecord r;
      r.channel_id = where[rng_.pick(weights)]->channel.id;
      const bool message = rng_.chance(0.6);
      r.kind = message ? "message" : "comment";
      r.received_at = arrive(d, kStormHours);
      r.topic = "billing";
      r.needs_reply = rng_.chance(message ? 0.95 : 0.6);
      if (!rng_.chance(0.08)) r.sentiment = sentiment(-0.7, 0.2);
      reply(r, 1.3, 1.2);  // the team drowns
      day.push_back(std::move(r));
    }
  }

  // Two messages at 23:30 UTC on the last day of the previous month: in Copenhagen they are
  // already on `first_of_month` (00:30 or 01:30 local), a trap for UTC-month bucketing.
  void add_boundary_pair(local_days first_of_month, std::vector<store::InteractionRecord>& day) {
    const sys_seconds at = sys_seconds{date::sys_days{date::year_month_day{first_of_month}}} - 30min;
    for (const ChannelProfile* c : {facebook_, instagram_}) {
      if (!c) continue;
      store::InteractionRecord r;
      r.channel_id = c->channel.id;
      r.kind = "message";
      r.received_at = at;
      r.topic = rng_.chance(0.5) ? "billing" : "moving";
      r.needs_reply = true;
      r.sentiment = sentiment(-0.1, 0.3);
      reply(r, 1.0, 1.0);
      day.push_back(std::move(r));
    }
  }

  double sentiment(double mean, double sd) {
    const double s = std::clamp(rng_.normal(mean, sd), -1.0, 1.0);
    return std::round(s * 100.0) / 100.0;  // a classifier score with two decimals
  }

  // The story of the care team: steady until seven months before the end, then more and more
  // messages slip through and replies get slower.
  void reply(store::InteractionRecord& r, double missed_factor, double slowness) {
    const local_seconds local = plan_.zone->to_local(r.received_at);
    const local_days d = date::floor<date::days>(local);
    const int mo = plan_.noise ? 12 : months_before_end(d, plan_.last_day);  // noise: the steady team
    const int month_index = static_cast<int>(month_jitter_.size()) - 1 - mo;
    const double jitter = month_index >= 0 && month_index < static_cast<int>(month_jitter_.size())
                              ? month_jitter_[static_cast<std::size_t>(month_index)]
                              : 0.0;
    const double unanswered = (mo >= 7 ? 0.15 : 0.18 + (6 - mo) * 0.028) + jitter;
    const double slow = (mo >= 7 ? 1.0 : 1.0 + (6 - mo) * kSlowerPerMonth) * slowness;

    std::optional<sys_seconds> at;
    if (!r.needs_reply) {
      // Now and then a "thank you" to praise or a like-worthy comment.
      if (rng_.chance(0.05)) at = r.received_at + minutes(rng_.log_normal(180, 1.0));
    } else if (rng_.chance(std::min(unanswered * missed_factor, 0.9))) {
      // Missed: mostly never answered, sometimes found again days later.
      if (rng_.chance(0.2)) at = r.received_at + minutes(rng_.uniform(73 * 60.0, 200 * 60.0));
    } else if (rng_.chance(kSlipped)) {
      at = r.received_at + minutes(rng_.uniform(24 * 60.0, 66 * 60.0));  // slipped to another day
    } else {
      const Shift shift = shift_on(d);
      const auto time_of_day = local - local_seconds{d};
      if (time_of_day >= shift.begin && time_of_day < shift.end) {
        at = r.received_at + minutes(std::min(rng_.log_normal(kStaffedMedian * slow, kStaffedSigma), 30 * 60.0));
      } else {
        const local_days start_day = time_of_day < shift.begin ? d : d + date::days{1};
        const sys_seconds opens =
            plan_.zone->to_sys(local_seconds{start_day} + shift_on(start_day).begin, date::choose::earliest);
        at = opens + minutes(std::min(rng_.log_normal(kQueueMedian * slow, kStaffedSigma), 12 * 60.0));
      }
    }
    if (at && *at > plan_.cutoff) at.reset();  // not yet answered when the data were extracted
    r.first_reply_at = at;
  }

  static std::chrono::seconds minutes(double m) {
    return std::chrono::seconds{static_cast<std::int64_t>(std::llround(m * 60.0))};
  }

  const std::vector<ChannelProfile>& channels_;
  const SamplePlan& plan_;
  Random rng_;
  double scale_ = 0;
  std::vector<double> topic_weights_;
  std::vector<double> month_jitter_;  // by month index from plan.first_day
  const ChannelProfile* facebook_ = nullptr;
  const ChannelProfile* instagram_ = nullptr;
  const ChannelProfile* x_ = nullptr;
};

}  // namespace

std::int64_t write_interactions(store::DatabaseWriter& out, const std::vector<ChannelProfile>& channels,
                                const SamplePlan& plan, std::int64_t count) {
  return Generator(channels, plan, count).run(out);
}

}  // namespace boardbrief::sample
