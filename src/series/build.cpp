#include "series/build.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "calendar/periods.h"

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
      : scope(std::move(s)), sum(n), max(n, -INFINITY), last(n), mean_weighted(n), days(n),
        channels_with_data(n), min_days(n, 1 << 30) {}
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

}  // namespace

std::map<std::string, MetricSeries> build_metric_series(const PeriodSet& set,
                                                        const std::vector<model::Channel>& channels,
                                                        const std::vector<model::MetricDef>& metrics,
                                                        const std::vector<model::MetricAggregate>& aggregates) {
  const std::size_t n = set.all.size();
  std::map<std::int64_t, const model::Channel*> by_id;
  for (const auto& c : channels) by_id[c.id] = &c;
  std::map<std::string, const model::MetricDef*> defs;
  for (const auto& m : metrics) defs[m.key] = &m;

  std::map<std::string, ScopeValues> acc;  // metric@scope
  for (const auto& a : aggregates) {
    auto ch = by_id.find(a.channel_id);
    auto def = defs.find(a.metric);
    if (ch == by_id.end() || def == defs.end() || a.range >= n) continue;  // checked by `check`
    for (const Scope& s : scopes_of(*ch->second)) {
      std::string key = a.metric + "@" + s.key();
      auto it = acc.try_emplace(key, s, n).first;
      ScopeValues& v = it->second;
      v.sum[a.range] += a.sum;
      v.max[a.range] = std::max(v.max[a.range], a.max);
      v.last[a.range] += a.last;  // a stock over several channels is the sum of their stocks
      v.mean_weighted[a.range] += a.mean * a.days;
      v.days[a.range] += a.days;
      v.channels_with_data[a.range] += 1;
      v.min_days[a.range] = std::min(v.min_days[a.range], a.days);
    }
  }

  std::map<std::string, MetricSeries> out;
  for (auto& [key, v] : acc) {
    std::string metric = key.substr(0, key.find('@'));
    const model::MetricDef& def = *defs.at(metric);
    MetricSeries s;
    s.metric = metric;
    s.scope = v.scope;
    s.values.resize(n);
    s.days_with_data.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (v.channels_with_data[i] == 0) continue;  // missing stays missing
      s.days_with_data[i] = v.min_days[i];
      switch (def.aggregation) {
        case model::Aggregation::Sum: s.values[i] = v.sum[i]; break;
        case model::Aggregation::Last: s.values[i] = v.last[i]; break;
        case model::Aggregation::Max: s.values[i] = v.max[i]; break;
        case model::Aggregation::Mean: s.values[i] = v.mean_weighted[i] / v.days[i]; break;
      }
    }
    out.emplace(key, std::move(s));
  }

  // Derived ratios are ratios of period sums, never means of daily ratios.
  std::vector<MetricSeries> derived;
  for (const auto& [key, s] : out) {
    if (s.metric != "engagements") continue;
    auto imp = out.find("impressions@" + s.scope.key());
    if (imp == out.end()) continue;
    MetricSeries r;
    r.metric = "engagement_rate";
    r.scope = s.scope;
    r.values.resize(n);
    r.days_with_data = s.days_with_data;
    for (std::size_t i = 0; i < n; ++i) r.values[i] = ratio(s.values[i], imp->second.values[i]);
    derived.push_back(std::move(r));
  }
  auto own = out.find("mentions@all");
  auto market = out.find("mentions@market");
  if (own != out.end() && market != out.end()) {
    MetricSeries r;
    r.metric = "share_of_voice";
    r.scope = Scope::all_own();
    r.values.resize(n);
    r.days_with_data = market->second.days_with_data;
    for (std::size_t i = 0; i < n; ++i) r.values[i] = ratio(own->second.values[i], market->second.values[i]);
    derived.push_back(std::move(r));
  }
  for (auto& r : derived) {
    std::string key = r.metric + "@" + r.scope.key();
    out.emplace(std::move(key), std::move(r));
  }
  return out;
}

// --- dialogue -------------------------------------------------------------------------------

DialogueBuilder::DialogueBuilder(const PeriodSet& set, const std::vector<model::Channel>& channels,
                                 const calendar::TimeZone& tz, std::int64_t cutoff, std::int64_t window_seconds)
    : set_(set), cutoff_(cutoff), window_(window_seconds) {
  for (const auto& p : set.all) {
    auto r = tz.utc_range(p);
    begin_.push_back(r.begin.time_since_epoch().count());
    end_.push_back(r.end.time_since_epoch().count());
  }
  scan_begin_ = *std::min_element(begin_.begin(), begin_.end());
  scan_end_ = *std::max_element(end_.begin(), end_.end());
  std::map<std::string, std::size_t> index;
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
      channel_scopes_[c.id].push_back(it->second);
    }
  }
  acc_.assign(scopes_.size(), std::vector<Acc>(set.all.size()));
}

void DialogueBuilder::add(const model::InteractionRow& row) {
  auto scopes = channel_scopes_.find(row.channel_id);
  if (scopes == channel_scopes_.end()) return;
  ++rows_;
  // Business time once per message, only where it is used: answered in time and mature.
  std::optional<std::int64_t> business;
  if (business_ && row.needs_reply && row.first_reply && *row.first_reply <= cutoff_ &&
      *row.first_reply - row.received <= window_ && cutoff_ - row.received >= window_)
    business = business_(row.received, *row.first_reply);
  for (std::size_t i = 0; i < begin_.size(); ++i) {
    if (row.received < begin_[i] || row.received >= end_[i]) continue;
    for (std::size_t s : scopes->second) add_to(acc_[s][i], row, i, business);
  }
}

void DialogueBuilder::add_to(Acc& acc, const model::InteractionRow& row, std::size_t period,
                             std::optional<std::int64_t> business) {
  DialoguePeriod& p = acc.p;
  ++p.inbound;
  if (row.sentiment) {
    if (*row.sentiment > 0.05) ++p.positive;
    else if (*row.sentiment < -0.05) ++p.negative;
    else ++p.neutral;
  } else {
    ++p.unclassified;
  }
  if (!row.needs_reply) return;
  ++p.needs_reply;
  // A reply after the as-of instant is not known yet when the report is run.
  bool replied = row.first_reply && *row.first_reply <= cutoff_;
  if (!replied || *row.first_reply >= end_[period]) ++p.unanswered_at_end;
  if (cutoff_ - row.received < window_) {
    p.provisional = true;  // too recent to judge: neither answered nor unanswered yet
    return;
  }
  ++p.mature;
  std::int64_t d = replied ? *row.first_reply - row.received : INT64_MAX;
  if (d <= window_) ++p.answered;
  else d = INT64_MAX;
  acc.durations.push_back(d);
  if (business_) acc.business.push_back(d == INT64_MAX ? INT64_MAX : business.value_or(0));
}

namespace {

// Nearest-rank percentile (Hyndman–Fan type 1) with the rank in integer arithmetic.
std::optional<Duration> nearest_rank(std::vector<std::int64_t>& v, std::int64_t pct) {
  if (v.empty()) return std::nullopt;
  std::int64_t n = static_cast<std::int64_t>(v.size());
  std::int64_t k = (pct * n + 99) / 100;  // 1-based
  auto nth = v.begin() + (k - 1);
  std::nth_element(v.begin(), nth, v.end());
  if (*nth == INT64_MAX) return Duration{0, true};
  return Duration{*nth, false};
}

}  // namespace

std::map<std::string, DialogueSeries> DialogueBuilder::finish() {
  std::map<std::string, DialogueSeries> out;
  const std::size_t all = 0;  // the constructor adds all own channels first
  for (std::size_t s = 0; s < scopes_.size(); ++s) {
    DialogueSeries ds;
    ds.scope = scopes_[s];
    for (std::size_t i = 0; i < acc_[s].size(); ++i) {
      Acc& acc = acc_[s][i];
      acc.p.covered = acc_[all].empty() || acc_[all][i].p.inbound > 0;
      acc.p.frt_p50 = nearest_rank(acc.durations, 50);
      acc.p.frt_p90 = nearest_rank(acc.durations, 90);
      std::vector<std::int64_t> answered;
      for (auto d : acc.durations)
        if (d != INT64_MAX) answered.push_back(d);
      acc.p.answered_median = nearest_rank(answered, 50);
      if (business_) acc.p.business_p50 = nearest_rank(acc.business, 50);
      acc.business = {};
      ds.periods.push_back(acc.p);
      acc.durations = {};
    }
    out.emplace(scopes_[s].key(), std::move(ds));
  }
  return out;
}

}  // namespace boardbrief::series
