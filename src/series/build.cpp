#include "series/build.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "calendar/periods.h"
#include "model/metric_keys.h"

namespace boardbrief::series {

PeriodSet make_period_set(const model::Period& report, int window) {
  PeriodSet set;
  set.all = calendar::trailing_window(report, window);
  set.window_size = set.all.size();
  set.report = set.all.size() - 1;
  set.previous = set.all.size() >= 2 ? set.all.size() - 2 : set.report;
  model::Period ago = calendar::year_earlier(report);
  auto it = std::find(set.all.begin(), set.all.end(), ago);
  if (it != set.all.end()) {
    set.year_ago = static_cast<std::size_t>(it - set.all.begin());
  } else {
    set.all.push_back(ago);
    set.year_ago = set.all.size() - 1;
  }
  return set;
}

std::vector<model::DayRange> day_ranges(const PeriodSet& set) {
  std::vector<model::DayRange> out;
  for (const auto& p : set.all) out.push_back({p.first, p.last});
  return out;
}

namespace {

struct ScopeValues {
  Scope scope;
  std::vector<double> sum, max, last, mean_weighted;
  std::vector<int> days, channels_with_data, min_days;
  explicit ScopeValues(Scope s, std::size_t n)
      : scope(std::move(s)),
        sum(n),
        max(n, -INFINITY),
        last(n),
        mean_weighted(n),
        days(n),
        channels_with_data(n),
        min_days(n, 1 << 30) {}
};

std::vector<Scope> scopes_of(const model::Channel& c) {
  std::vector<Scope> out;
  Scope ch;
  ch.kind = Scope::Kind::Channel;
  ch.channel_id = c.id;
  out.push_back(ch);
  Scope market;
  market.kind = Scope::Kind::Market;
  out.push_back(market);
  if (c.owner == model::Owner::Own) {
    out.push_back(Scope::all_own());
    Scope pf;
    pf.kind = Scope::Kind::Platform;
    pf.platform = c.platform;
    out.push_back(pf);
  } else {
    Scope comp;
    comp.kind = Scope::Kind::Competitors;
    out.push_back(comp);
  }
  return out;
}

std::optional<double> ratio(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b || *b <= 0) return std::nullopt;
  return *a / *b;
}

// Every channel's aggregates added into each scope it belongs to, per "metric@scope".
std::map<std::string, ScopeValues> add_up_scopes(std::size_t n, const std::vector<model::Channel>& channels,
                                                 const std::map<std::string, const model::MetricDef*>& defs,
                                                 const std::vector<model::MetricAggregate>& aggregates) {
  std::map<std::int64_t, const model::Channel*> by_id;
  for (const auto& c : channels) by_id[c.id] = &c;
  std::map<std::string, ScopeValues> acc;
  for (const auto& a : aggregates) {
    auto ch = by_id.find(a.channel_id);
    if (ch == by_id.end() || !defs.count(a.metric) || a.range >= n) continue;  // checked by `check`
    for (const Scope& s : scopes_of(*ch->second)) {
      ScopeValues& v = acc.try_emplace(a.metric + "@" + s.key(), s, n).first->second;
      v.sum[a.range] += a.sum;
      v.max[a.range] = std::max(v.max[a.range], a.max);
      v.last[a.range] += a.last;  // a stock over several channels is the sum of their stocks
      v.mean_weighted[a.range] += a.mean * a.days;
      v.days[a.range] += a.days;
      v.channels_with_data[a.range] += 1;
      v.min_days[a.range] = std::min(v.min_days[a.range], a.days);
    }
  }
  return acc;
}

// One scope's values per period following the metric's aggregation.
MetricSeries aggregate_scope(const std::string& metric, const ScopeValues& v, model::Aggregation aggregation) {
  const std::size_t n = v.sum.size();
  MetricSeries s;
  s.metric = metric;
  s.scope = v.scope;
  s.values.resize(n);
  s.days_with_data.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (v.channels_with_data[i] == 0) continue;  // missing stays missing
    s.days_with_data[i] = v.min_days[i];
    switch (aggregation) {
      case model::Aggregation::Sum: s.values[i] = v.sum[i]; break;
      case model::Aggregation::Last: s.values[i] = v.last[i]; break;
      case model::Aggregation::Max: s.values[i] = v.max[i]; break;
      case model::Aggregation::Mean: s.values[i] = v.mean_weighted[i] / v.days[i]; break;
    }
  }
  return s;
}

// numerator / denominator per period (a ratio of period sums), with the given days with data.
MetricSeries ratio_series(const char* metric, const Scope& scope, const MetricSeries& numerator,
                          const MetricSeries& denominator, const std::vector<int>& days_with_data) {
  MetricSeries r;
  r.metric = metric;
  r.scope = scope;
  r.values.resize(numerator.values.size());
  r.days_with_data = days_with_data;
  for (std::size_t i = 0; i < r.values.size(); ++i) r.values[i] = ratio(numerator.values[i], denominator.values[i]);
  return r;
}

// Derived ratios are ratios of period sums, never means of daily ratios: the engagement rate
// per scope and the share of voice of all own channels.
std::vector<MetricSeries> derived_series(const std::map<std::string, MetricSeries>& out) {
  namespace key = model::metric_key;
  std::vector<MetricSeries> derived;
  for (const auto& [k, s] : out) {
    if (s.metric != key::kEngagements) continue;
    auto imp = out.find(std::string(key::kImpressions) + "@" + s.scope.key());
    if (imp != out.end())
      derived.push_back(ratio_series(key::kEngagementRate, s.scope, s, imp->second, s.days_with_data));
  }
  auto own = out.find(std::string(key::kMentions) + "@" + Scope::all_own().key());
  auto market = out.find(std::string(key::kMentions) + "@market");
  if (own != out.end() && market != out.end())
    derived.push_back(
        ratio_series(key::kShareOfVoice, Scope::all_own(), own->second, market->second, market->second.days_with_data));
  return derived;
}

}  // namespace

std::map<std::string, MetricSeries> build_metric_series(const PeriodSet& set,
                                                        const std::vector<model::Channel>& channels,
                                                        const std::vector<model::MetricDef>& metrics,
                                                        const std::vector<model::MetricAggregate>& aggregates) {
  std::map<std::string, const model::MetricDef*> defs;
  for (const auto& m : metrics) defs[m.key] = &m;
  std::map<std::string, MetricSeries> out;
  for (auto& [key, v] : add_up_scopes(set.all.size(), channels, defs, aggregates)) {
    const std::string metric = key.substr(0, key.find('@'));
    out.emplace(key, aggregate_scope(metric, v, defs.at(metric)->aggregation));
  }
  for (auto& r : derived_series(out)) {
    std::string key = r.metric + "@" + r.scope.key();
    out.emplace(std::move(key), std::move(r));
  }
  return out;
}

// --- dialogue -------------------------------------------------------------------------------

DialogueBuilder::DialogueBuilder(const PeriodSet& set, const std::vector<model::Channel>& channels,
                                 const calendar::TimeZone& tz, std::int64_t cutoff, std::int64_t window_seconds)
    : cutoff_(cutoff), window_(window_seconds) {
  for (const auto& p : set.all) {
    auto r = tz.utc_range(p);
    begin_.push_back(r.begin.time_since_epoch().count());
    end_.push_back(r.end.time_since_epoch().count());
  }
  scan_begin_ = *std::min_element(begin_.begin(), begin_.end());
  scan_end_ = *std::max_element(end_.begin(), end_.end());
  std::map<std::string, std::size_t> index;
  std::map<std::int64_t, std::vector<std::size_t>> channel_scopes;
  for (const auto& c : channels) {
    if (c.owner != model::Owner::Own) continue;  // dialogue is about our own channels
    Scope ch;
    ch.kind = Scope::Kind::Channel;
    ch.channel_id = c.id;
    Scope pf;
    pf.kind = Scope::Kind::Platform;
    pf.platform = c.platform;
    for (const Scope& s : {Scope::all_own(), pf, ch}) {
      auto [it, fresh] = index.try_emplace(s.key(), scopes_.size());
      if (fresh) scopes_.push_back(s);
      channel_scopes[c.id].push_back(it->second);
    }
  }
  for (auto& [id, scopes] : channel_scopes) {
    channel_ids_.push_back(id);
    channel_scopes_.push_back(std::move(scopes));
    // Ids are small row ids in practice: a direct table, with binary search as the fallback.
    if (id >= 0 && id < (1 << 20)) {
      if (channel_slot_.size() <= static_cast<std::size_t>(id))
        channel_slot_.resize(static_cast<std::size_t>(id) + 1, -1);
      channel_slot_[static_cast<std::size_t>(id)] = static_cast<int>(channel_scopes_.size() - 1);
    }
  }
  acc_.assign(set.all.size(), std::vector<Acc>(scopes_.size()));
  for (std::size_t i = 0; i < end_.size(); ++i) by_end_.push_back(i);
  std::stable_sort(by_end_.begin(), by_end_.end(), [&](std::size_t a, std::size_t b) { return end_[a] < end_[b]; });
  is_closed_.assign(end_.size(), false);
}

const std::vector<std::size_t>* DialogueBuilder::scopes_of(std::int64_t channel_id) const {
  if (channel_id >= 0 && static_cast<std::size_t>(channel_id) < channel_slot_.size()) {
    const int slot = channel_slot_[static_cast<std::size_t>(channel_id)];
    return slot < 0 ? nullptr : &channel_scopes_[static_cast<std::size_t>(slot)];
  }
  auto id = std::lower_bound(channel_ids_.begin(), channel_ids_.end(), channel_id);
  if (id == channel_ids_.end() || *id != channel_id) return nullptr;
  return &channel_scopes_[static_cast<std::size_t>(id - channel_ids_.begin())];
}

void DialogueBuilder::find_segment(std::int64_t t) {
  segment_begin_ = INT64_MIN;
  segment_end_ = INT64_MAX;
  segment_.clear();
  for (std::size_t i = 0; i < begin_.size(); ++i) {
    for (std::int64_t edge : {begin_[i], end_[i]}) {
      if (edge <= t)
        segment_begin_ = std::max(segment_begin_, edge);
      else
        segment_end_ = std::min(segment_end_, edge);
    }
    if (t >= begin_[i] && t < end_[i]) segment_.push_back(i);
  }
}

void DialogueBuilder::add(const model::InteractionRow& row) {
  if (closed_ < by_end_.size() && row.received - kOrderSlack >= end_[by_end_[closed_]])
    close_until(row.received - kOrderSlack);
  const std::vector<std::size_t>* scopes = scopes_of(row.channel_id);
  if (!scopes) return;
  ++rows_;
  if (row.received < segment_begin_ || row.received >= segment_end_) find_segment(row.received);
  const RowFacts f = facts_of(row);
  for (std::size_t i : segment_) {
    if (is_closed_[i]) throw std::logic_error("DialogueBuilder: interactions must come in received order");
    // Answered by the period's end: the only fact that depends on the period.
    const bool open_at_end = f.needs_reply && (!f.replied || *row.first_reply >= end_[i]);
    const bool business = business_in(i);
    for (std::size_t s : *scopes) add_to(acc_[i][s], f, open_at_end, business);
  }
}

DialogueBuilder::RowFacts DialogueBuilder::facts_of(const model::InteractionRow& row) const {
  RowFacts f;
  if (row.sentiment) {
    f.tone = *row.sentiment > 0.05    ? &DialoguePeriod::positive
             : *row.sentiment < -0.05 ? &DialoguePeriod::negative
                                      : &DialoguePeriod::neutral;
  }
  f.needs_reply = row.needs_reply;
  if (!f.needs_reply) return f;
  // A reply after the as-of instant is not known yet when the report is run.
  f.replied = row.first_reply && *row.first_reply <= cutoff_;
  f.mature = cutoff_ - row.received >= window_;  // else too recent to judge
  f.duration = f.replied ? *row.first_reply - row.received : INT64_MAX;
  if (f.duration > window_) f.duration = INT64_MAX;
  // Business time once per message, only where it is used: answered in time and mature.
  if (business_ && f.mature && f.duration != INT64_MAX) {
    const std::size_t p = business_only_.value_or(0);
    if (!business_only_ || (p < begin_.size() && row.received >= begin_[p] && row.received < end_[p]))
      f.business = business_(row.received, *row.first_reply);
  }
  return f;
}

void DialogueBuilder::close_until(std::int64_t t) {
  while (closed_ < by_end_.size() && end_[by_end_[closed_]] <= t) close(by_end_[closed_++]);
}

void DialogueBuilder::add_to(Acc& acc, const RowFacts& f, bool open_at_end, bool business) {
  DialoguePeriod& p = acc.p;
  ++p.inbound;
  ++(p.*f.tone);
  if (!f.needs_reply) return;
  ++p.needs_reply;
  if (open_at_end) ++p.unanswered_at_end;
  if (!f.mature) {
    p.provisional = true;  // neither answered nor unanswered yet
    return;
  }
  ++p.mature;
  if (f.duration != INT64_MAX) ++p.answered;
  acc.durations.push_back(f.duration);
  if (business) acc.business.push_back(f.duration == INT64_MAX ? INT64_MAX : f.business);
}

namespace {

// Nearest-rank rank (Hyndman–Fan type 1) in integer arithmetic: 1-based, of n values.
std::int64_t rank_of(std::int64_t pct, std::int64_t n) { return (pct * n + 99) / 100; }

// The k-th smallest (1-based) of v once v is partitioned around its k0-th smallest: selects
// only inside the side that holds rank k, so the partition (and the k0-th at its place) stays.
std::int64_t select_beside(std::vector<std::int64_t>& v, std::int64_t k0, std::int64_t k) {
  const auto mid = v.begin() + (k0 - 1), nth = v.begin() + (k - 1);
  if (k < k0) std::nth_element(v.begin(), nth, mid);
  if (k > k0) std::nth_element(mid + 1, nth, v.end());
  return *nth;
}

Duration as_duration(std::int64_t d) { return d == INT64_MAX ? Duration{0, true} : Duration{d, false}; }

}  // namespace

void DialogueBuilder::close(std::size_t period) {
  is_closed_[period] = true;
  for (Acc& acc : acc_[period]) {
    auto& v = acc.durations;
    const auto n = static_cast<std::int64_t>(v.size());
    if (n > 0) {
      // Selection, not sorting: the median partitions the durations; p90 is then selected
      // above it and the answered median (unanswered are INT64_MAX and rank last, so the k-th
      // smallest of all is the k-th smallest answered) below it.
      const std::int64_t k50 = rank_of(50, n);
      const auto mid = v.begin() + (k50 - 1);
      std::nth_element(v.begin(), mid, v.end());
      acc.p.frt_p50 = as_duration(*mid);
      acc.p.frt_p90 = as_duration(select_beside(v, k50, rank_of(90, n)));
      if (acc.p.answered > 0)  // the finite durations (<= window) are exactly the answered ones
        acc.p.answered_median = as_duration(select_beside(v, k50, rank_of(50, acc.p.answered)));
    }
    if (!acc.business.empty()) {
      const auto mid = acc.business.begin() + (rank_of(50, static_cast<std::int64_t>(acc.business.size())) - 1);
      std::nth_element(acc.business.begin(), mid, acc.business.end());
      acc.p.business_p50 = as_duration(*mid);
    }
    // Frees the memory: `durations = {}` would pick the initializer_list assignment and keep it.
    std::vector<std::int64_t>().swap(acc.durations);
    std::vector<std::int64_t>().swap(acc.business);
  }
}

std::map<std::string, DialogueSeries> DialogueBuilder::finish() {
  close_until(INT64_MAX);
  std::map<std::string, DialogueSeries> out;
  const std::size_t all = 0;  // the constructor adds all own channels first
  for (std::size_t s = 0; s < scopes_.size(); ++s) {
    DialogueSeries ds;
    ds.scope = scopes_[s];
    for (std::size_t i = 0; i < acc_.size(); ++i) {
      DialoguePeriod p = acc_[i][s].p;
      p.covered = acc_[i].empty() || acc_[i][all].p.inbound > 0;
      ds.periods.push_back(p);
    }
    out.emplace(scopes_[s].key(), std::move(ds));
  }
  return out;
}

}  // namespace boardbrief::series
