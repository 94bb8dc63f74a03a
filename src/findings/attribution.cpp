// Materiality and attribution (docs/findings-method.md): a platform or channel finding counts
// only when the scope is a large part of the company's volume or of the company-wide change;
// a company-wide change names the platforms and topics that gave most of it, by contribution.
#include <algorithm>

#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

namespace mk = model::metric_key;

namespace {

// The dialogue figures of one period behind a metric's additive decomposition.
struct Counts {
  double hits = 0, base = 0;  // unanswered and mature; positive−negative and positive+negative
};

std::optional<Counts> dialogue_counts(const std::string& metric, const series::DialoguePeriod& p) {
  if (metric == mk::kUnansweredShare)
    return Counts{static_cast<double>(p.mature - p.answered), static_cast<double>(p.mature)};
  if (metric == mk::kNetSentiment)
    return Counts{static_cast<double>(p.positive - p.negative), static_cast<double>(p.positive + p.negative)};
  if (metric == mk::kNeedsReply) return Counts{static_cast<double>(p.needs_reply), 1.0};
  return std::nullopt;
}

std::optional<Counts> topic_counts(const std::string& metric, const series::TopicCounts& c) {
  if (metric == mk::kUnansweredShare) return Counts{static_cast<double>(c.unanswered), static_cast<double>(c.mature)};
  if (metric == mk::kNetSentiment)
    return Counts{static_cast<double>(c.positive - c.negative), static_cast<double>(c.positive + c.negative)};
  if (metric == mk::kNeedsReply) return Counts{static_cast<double>(c.needs_reply), 1.0};
  return std::nullopt;
}

// Rates and scores: the part's hits over the company's base, in points; levels: the part's own move.
double part_of(const Counts& part_now, const Counts& part_then, const Counts& all_now, const Counts& all_then,
               bool ratio) {
  if (!ratio) return part_now.hits - part_then.hits;
  if (all_now.base <= 0 || all_then.base <= 0) return 0;
  return 100.0 * (part_now.hits / all_now.base - part_then.hits / all_then.base);
}

}  // namespace

std::optional<double> Engine::volume(const std::string& metric, const Scope& scope) const {
  const std::size_t r = ps_.report;
  if (metric == mk::kUnansweredShare || metric == mk::kFirstResponseP50 || metric == mk::kNetSentiment ||
      metric == mk::kNeedsReply) {
    const auto* d = in_.data.find_dialogue(scope);
    if (!d || r >= d->periods.size()) return std::nullopt;
    const auto& p = d->periods[r];
    if (metric == mk::kNetSentiment) return static_cast<double>(p.positive + p.negative);
    if (metric == mk::kNeedsReply) return static_cast<double>(p.needs_reply);
    return static_cast<double>(p.mature);
  }
  const std::string base = metric == mk::kEngagementRate ? mk::kImpressions
                           : metric == mk::kShareOfVoice ? mk::kMentions
                                                         : metric;
  const auto* ms = in_.data.find(base, scope);
  if (!ms || r >= ms->values.size() || !ms->values[r]) return std::nullopt;
  return *ms->values[r];
}

std::vector<Contribution> Engine::scope_contributions(const std::string& metric, Scope::Kind kind,
                                                      std::size_t base_period) const {
  std::vector<Contribution> out;
  const std::size_t r = ps_.report;
  const auto* all_d = in_.data.find_dialogue(Scope::all_own());
  const bool dialogue = all_d && dialogue_counts(metric, all_d->periods[r]);
  const model::MetricDef* def = in_.data.metric_def(metric);
  const bool additive =
      def && (def->aggregation == model::Aggregation::Sum || def->aggregation == model::Aggregation::Last);
  if (!dialogue && !additive) return out;  // medians and ratios of sums do not add up over scopes
  auto consider = [&](const Scope& s) {
    if (s.kind != kind || !analysed(s)) return;
    double v = 0;
    if (dialogue) {
      const auto* d = in_.data.find_dialogue(s);
      if (!d || base_period >= d->periods.size()) return;
      v = part_of(*dialogue_counts(metric, d->periods[r]), *dialogue_counts(metric, d->periods[base_period]),
                  *dialogue_counts(metric, all_d->periods[r]), *dialogue_counts(metric, all_d->periods[base_period]),
                  metric != mk::kNeedsReply);
    } else {
      const auto* ms = in_.data.find(metric, s);
      if (!ms || base_period >= ms->values.size() || !ms->values[r] || !ms->values[base_period]) return;
      v = *ms->values[r] - *ms->values[base_period];
    }
    out.push_back({kind == Scope::Kind::Platform ? "platform" : "channel", s.key(), v, 0});
  };
  if (dialogue)
    for (const auto& [key, d] : in_.data.dialogue) consider(d.scope);
  else
    for (const auto& [key, ms] : in_.data.metric_series)
      if (ms.metric == metric) consider(ms.scope);
  return out;
}

std::vector<Contribution> Engine::topic_contributions(const std::string& metric) const {
  std::vector<Contribution> out;
  const auto* b = in_.breakdown;
  if (!b || !b->has_topics()) return out;
  Counts all_now, all_then;
  for (const auto& [t, c] : b->report)
    if (auto k = topic_counts(metric, c)) all_now.hits += k->hits, all_now.base += k->base;
  for (const auto& [t, c] : b->previous)
    if (auto k = topic_counts(metric, c)) all_then.hits += k->hits, all_then.base += k->base;
  std::set<std::string> topics;
  for (const auto& [t, c] : b->report) topics.insert(t);
  for (const auto& [t, c] : b->previous) topics.insert(t);
  for (const auto& t : topics) {
    auto now = b->report.count(t) ? topic_counts(metric, b->report.at(t)) : topic_counts(metric, {});
    auto then = b->previous.count(t) ? topic_counts(metric, b->previous.at(t)) : topic_counts(metric, {});
    if (!now || !then) return {};
    if (metric == mk::kNeedsReply) all_now.base = all_then.base = 1;
    out.push_back({"topic", t, part_of(*now, *then, all_now, all_then, metric != mk::kNeedsReply), 0});
  }
  return out;
}

// The largest contributors in the change's direction, until they give at least half of it
// (at most two); none when even two give less than half (the change is spread out).
std::vector<Contribution> Engine::named(std::vector<Contribution> parts, double change) const {
  if (change == 0) return {};
  for (auto& p : parts) p.share = p.value / change;
  std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.share > b.share; });
  std::vector<Contribution> out;
  double share = 0;
  for (const auto& p : parts) {
    if (p.key.empty()) continue;  // messages without a topic are never named
    if (out.size() == 2 || share >= 0.5 || p.share <= 0) break;
    out.push_back(p);
    share += p.share;
  }
  if (share < 0.5) return {};
  return out;
}

}  // namespace boardbrief::findings::detail

namespace boardbrief::findings::detail {

namespace {

double sum_of(const std::vector<Contribution>& parts) {
  double t = 0;
  for (const auto& p : parts) t += p.value;
  return t;
}

}  // namespace

void Engine::apply_materiality() {
  for (auto& it : items_) {
    if (!it.alive || it.f.scope == "all" || it.f.scope == "across") continue;
    if (it.f.type != Type::Change && it.f.type != Type::Trend && it.f.type != Type::Anomaly) continue;
    const Scope s = parse_scope(it.f.scope);
    if (s.kind == Scope::Kind::AllOwn) continue;
    const auto v = volume(it.f.metric, s), all = volume(it.f.metric, Scope::all_own());
    if (!v || !all || *all <= 0) continue;  // nothing to measure the scope against: no judgement
    const double share = *v / *all;
    double contribution = 0;
    if (it.f.type == Type::Change || it.f.type == Type::Trend) {
      // A trend's part of the company-wide change over the year it describes.
      const std::size_t base = it.f.type == Type::Trend || it.f.baseline != previous_.key ? ps_.year_ago : ps_.previous;
      const double total = sum_of(scope_contributions(it.f.metric, Scope::Kind::Platform, base));
      for (const auto& p : scope_contributions(it.f.metric, s.kind, base))
        if (p.key == it.f.scope && total != 0) contribution = p.value / total;
    }
    it.f.inputs["scope_share"] = share;
    it.f.inputs["contribution_share"] = contribution;
    if (share >= R_.min_scope_share || contribution >= R_.min_contribution) continue;
    it.f.inputs["min_scope_share"] = R_.min_scope_share;
    it.f.inputs["min_contribution"] = R_.min_contribution;
    it.alive = false;
    it.dropped_by = "immaterial";
  }
}

void Engine::attribute_change(Item& it) {
  const std::size_t base = it.f.baseline == previous_.key ? ps_.previous : ps_.year_ago;
  auto platforms = scope_contributions(it.f.metric, Scope::Kind::Platform, base);
  const double total = sum_of(platforms);
  if (total == 0) return;
  // One platform explains nothing ("Twitter gave 100 %"): then the channels are named.
  auto channels = scope_contributions(it.f.metric, Scope::Kind::Channel, base);
  auto where = named(platforms.size() > 1 ? platforms : channels, total);
  std::vector<Contribution> topics;
  if (base == ps_.previous) topics = topic_contributions(it.f.metric);
  auto about = named(topics, sum_of(topics));
  for (auto* list : {&platforms, &topics})
    for (auto& p : *list) p.share = p.value / (list == &topics ? sum_of(topics) : total);
  for (auto& p : channels) p.share = p.value / total;
  it.f.contributions = platforms;
  it.f.contributions.insert(it.f.contributions.end(), channels.begin(), channels.end());
  it.f.contributions.insert(it.f.contributions.end(), topics.begin(), topics.end());
  // A topic may give more than the whole change (the others moved the other way): "all of it".
  double topic_share = 0;
  for (const auto& p : about) topic_share += p.share;
  it.f.wording.attribution.where = std::move(where);
  it.f.wording.attribution.about = std::move(about);
  it.f.wording.attribution.all = topic_share >= 0.995;
}

void Engine::attribute_spike(Item& it) {
  const auto* b = in_.breakdown;
  // An event told in the messages needing a reply is attributed in those messages.
  const bool negative = it.f.metric == mk::kNegativeMentions && it.f.wording.form != Form::Event;
  if (!b || (!negative && it.f.metric != mk::kNeedsReply && it.f.wording.form != Form::Event) ||
      it.f.direction != Direction::Up)
    return;
  const auto day = static_cast<long>(it.f.inputs["day_offset"]);
  if (day < 0 || day >= static_cast<long>(b->topic_days.size())) return;
  auto count = [&](const series::DayCounts& c) { return static_cast<double>(negative ? c.negative : c.needs_reply); };
  // A part's excess on the day over its own usual day (median over the report period).
  auto excess = [&](const auto& days, const auto& key) {
    std::vector<double> v;
    for (const auto& d : days) {
      auto f = d.find(key);
      v.push_back(f == d.end() ? 0.0 : count(f->second));
    }
    return v[static_cast<std::size_t>(day)] - analysis::median(v);
  };
  std::vector<Contribution> topics, channels;
  double total = 0;
  for (const auto& [t, c] : b->topic_days[static_cast<std::size_t>(day)]) {
    total += count(c);
    topics.push_back({"topic", t, excess(b->topic_days, t), 0});
  }
  for (const auto& [id, c] : b->channel_days[static_cast<std::size_t>(day)]) {
    const auto ch = channels_.find(id);
    if (ch == channels_.end()) continue;
    Scope s;
    s.kind = Scope::Kind::Channel;
    s.channel_id = id;
    channels.push_back({"channel", s.key(), excess(b->channel_days, id), 0});
  }
  auto about = named(topics, sum_of(topics));
  auto where = named(channels, sum_of(channels));
  for (auto* list : {&topics, &channels}) {
    const double t = sum_of(*list);
    for (auto& p : *list) p.share = t != 0 ? p.value / t : 0;
  }
  it.f.contributions = channels;
  it.f.contributions.insert(it.f.contributions.end(), topics.begin(), topics.end());
  if (!about.empty()) about.resize(1);  // "402 of the 445 were about billing": one topic, its count
  double n = 0;
  if (!about.empty())
    for (const auto& [t, c] : b->topic_days[static_cast<std::size_t>(day)])
      if (t == about[0].key) n = count(c);
  it.f.wording.attribution = {where, about, false, true, n, total};
  it.f.inputs["day_total"] = total;
  if (!about.empty()) it.f.inputs["day_top_topic_count"] = n;
}

// One event, one finding: the negative-sentiment and the needs-reply spike of the same day are
// one story, told by the stronger of the two and, when the day's messages needing a reply are
// among them, counted in those messages (tell_as_event). The folded spike's clauses (the period
// change it explains) go with it.
void Engine::fold_same_day_events() {
  for (auto& a : items_) {
    if (!a.alive || a.f.type != Type::Anomaly || a.f.scope != "all" || a.f.direction != Direction::Up) continue;
    for (auto& b : items_) {
      if (&a == &b || !b.alive || b.f.type != Type::Anomaly || b.f.scope != "all" || b.f.direction != Direction::Up ||
          b.f.inputs["day_offset"] != a.f.inputs["day_offset"])
        continue;
      Item& host = a.f.score >= b.f.score ? a : b;
      Item& gone = &host == &a ? b : a;
      gone.alive = false;
      gone.dropped_by = "same_event";
      for (const auto& c : gone.f.wording.clauses) host.f.wording.clauses.push_back(c);
      if (host.explains.empty()) {
        host.explains = gone.explains;
        host.explains_direction = gone.explains_direction;
      }
      absorb(host, gone);
      for (const Item* spike : {&host, &gone})
        if (spike->f.metric == mk::kNeedsReply) tell_as_event(host, *spike);
      if (!a.alive) break;
    }
  }
}

// The event in the day's messages needing a reply: their count, the usual level for the weekday
// and the ratio between them.
void Engine::tell_as_event(Item& host, const Item& needs_reply) {
  Wording& w = host.f.wording;
  const Wording& n = needs_reply.f.wording;
  if (n.form != Form::Spike) return;  // against a near-zero usual level there is no "times a normal day"
  w.form = Form::Event;
  w.value = n.value;
  w.expected = n.expected;
  w.change = n.change;
  w.day = n.day;
}

void Engine::attribute() {
  for (auto& it : items_) {
    if (!it.alive || it.f.scope != "all" || !it.f.told()) continue;
    if (it.f.type == Type::Change)
      attribute_change(it);
    else if (it.f.type == Type::Anomaly)
      attribute_spike(it);
  }
}

}  // namespace boardbrief::findings::detail

namespace boardbrief::findings::detail {

// "Why it matters", specific where the numbers allow (docs/findings-method.md): the target gap,
// the customers left without a reply, or the day's messages; the metric's general line when
// none applies (a trend's sentence already says since when it runs).
void Engine::specific_why() {
  const auto* dlg = in_.data.find_dialogue(Scope::all_own());
  for (auto& it : items_) {
    if (!it.alive || !it.f.told() || !info_of(it.f.metric)) continue;
    Why& why = it.f.wording.why;
    auto target = it.f.inputs.find("target");
    auto value = it.f.inputs.find("value");
    if (target != it.f.inputs.end() && value != it.f.inputs.end() && it.f.scope == "all") {
      why.kind = WhyKind::Target;
      why.target = target->second;
      why.gap = value->second - target->second;
    } else if (it.f.metric == mk::kUnansweredShare && it.f.scope == "all" && dlg && it.f.direction == Direction::Up) {
      const auto& p = dlg->periods[ps_.report];
      why.kind = WhyKind::Unanswered;
      why.count = static_cast<double>(p.mature - p.answered);
    } else if (it.f.type == Type::Anomaly && it.f.metric == mk::kNegativeMentions && in_.daily &&
               it.f.direction == Direction::Up) {
      // A storm of negative messages: how many of that day's messages needed a reply, against
      // a usual day of the report period.
      const auto& d = *in_.daily;
      const long i = d.report_begin + static_cast<long>(it.f.inputs["day_offset"]);
      if (i < 0 || i >= static_cast<long>(d.needs_reply.size())) continue;
      std::vector<double> usual;
      for (std::size_t k = static_cast<std::size_t>(std::max(d.report_begin, 0)); k < d.needs_reply.size(); ++k)
        if (d.covered(k)) usual.push_back(static_cast<double>(d.needs_reply[k]));
      if (usual.empty()) continue;
      if (it.f.wording.form == Form::Event) {  // the sentence counts the replies: the why, the negative messages
        why.kind = WhyKind::Negative;
        why.count = it.f.inputs["value"];
        why.usual = it.f.inputs["expected"];
        why.day = d.first + date::days{i};
        continue;
      }
      why.kind = WhyKind::Event;
      why.count = static_cast<double>(d.needs_reply[static_cast<std::size_t>(i)]);
      why.day = d.first + date::days{i};
      why.usual = analysis::median(usual);
    }
  }
}

}  // namespace boardbrief::findings::detail
