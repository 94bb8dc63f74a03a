// Spikes and dips in the daily counts of the dialogue and in summed daily metrics, and the period
// changes they explain (docs/findings-method.md).
#include "findings/engine_parts.h"

#include "analysis/fdr.h"

namespace boardbrief::findings::detail {

namespace mk = model::metric_key;

namespace {

std::string spike_id(const std::string& metric, int day) { return "anomaly|" + metric + "|all|" + std::to_string(day); }

// The p of a day's robust z. Counts (messages, mentions, posts) follow the normal tail once the
// Poisson floor is in the scale. Summed views and engagements (impressions, reach, clicks) vary
// by a factor from day to day and their residuals have much wider tails: measured on pure-noise databases, like
// Student's t with about five degrees of freedom (docs/findings-method.md).
constexpr double kHeavyTailDf = 5;

double spike_p(double z, bool heavy) {
  return heavy ? analysis::student_t_p(z, kHeavyTailDf) : analysis::two_sided_p(z);
}

// One event, one finding: flagged days next to each other in the same direction are one event,
// told by its strongest day; the other days stay with it. Strongest events first, at most `max`.
using Event = SpikeEvent;

std::vector<Event> group_events(std::vector<analysis::Spike> flagged, int max) {
  std::sort(flagged.begin(), flagged.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
  std::vector<Event> events;
  for (const auto& sp : flagged) {
    if (!events.empty()) {
      Event& last = events.back();
      const int last_day = last.rest.empty() ? last.head.day : std::max(last.head.day, last.rest.back().day);
      if (sp.day == last_day + 1 && (sp.z > 0) == (last.head.z > 0)) {
        if (std::fabs(sp.z) > std::fabs(last.head.z))
          std::swap(last.head, last.rest.emplace_back(sp));
        else
          last.rest.push_back(sp);
        std::sort(last.rest.begin(), last.rest.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
        continue;
      }
    }
    events.push_back({sp, {}});
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return std::fabs(a.head.z) > std::fabs(b.head.z); });
  if (static_cast<int>(events.size()) > max) events.resize(static_cast<std::size_t>(max));
  return events;
}

double spike_z_for(double p, bool heavy) {
  return heavy ? analysis::student_t_for_p(p, kHeavyTailDf) : analysis::normal_z_for_p(p);
}

}  // namespace

void Engine::spikes() {
  for (const DailySeries& m : daily_series()) scan_spikes(m);
}

// The interaction counts per day and the summed daily metrics of all own channels.
std::vector<DailySeries> Engine::daily_series() const {
  std::vector<DailySeries> daily;
  if (in_.daily && in_.daily->days() > 0) {
    const series::DailyCounts& d = *in_.daily;
    auto counts = [&](const char* metric, const std::vector<std::int64_t>& c, model::Better b) {
      DailySeries m{metric, {}, d.first, d.report_begin, b};
      // Days before the database's first message are missing, not quiet days.
      for (std::size_t i = 0; i < c.size(); ++i)
        m.y.push_back(d.covered(i) ? std::optional<double>(static_cast<double>(c[i])) : std::nullopt);
      daily.push_back(std::move(m));
    };
    counts(mk::kNegativeMentions, d.negative, model::Better::Down);
    counts(mk::kNeedsReply, d.needs_reply, model::Better::None);
  }
  if (in_.daily_metrics) {
    for (const auto& dm : *in_.daily_metrics) {
      const MetricInfo* mi = info_of(dm.metric);
      if (!mi) continue;
      const model::MetricDef* def = in_.data.metric_def(dm.metric);
      // Views and engagements vary by a factor from day to day; mentions and posts are counts.
      const bool heavy = mi->level == analysis::LevelKind::Exposure || mi->cls == MetricClass::Engagement;
      daily.push_back({dm.metric, Series(dm.values.begin(), dm.values.end()), dm.first, dm.report_begin,
                       def ? def->better : model::Better::Up, heavy});
    }
  }
  return daily;
}

void Engine::scan_spikes(const DailySeries& m) {
  Subject s;
  s.info = info_of(m.metric);
  s.scope = Scope::all_own();
  s.better = m.better;
  // Every summed daily quantity here counts events or views: the Poisson floor applies.
  // Each day of the report period is one test of the report's family; a day is flagged when
  // its p passes the family's cut-off (and the |z| floor of the method), docs/findings-method.md.
  analysis::SpikeRules rules = R_.spike;
  if (!collecting_) {
    const double floor = rules.threshold.value_or(analysis::spike_threshold(static_cast<int>(m.y.size())));
    // The day whose p is the cut-off itself must pass: a hair below its |z| (rounding).
    rules.threshold = cutoff_ > 0 ? std::max(floor, spike_z_for(cutoff_, m.heavy) * (1 - 1e-9)) : 1e9;
    rules.max_flags = std::max(rules.max_flags, kMaxEventDays);
  }
  auto scan = analysis::detect_spikes(m.y, date::weekday{m.first}, m.report_begin, true, rules);
  if (collecting_ && scan.status == analysis::SpikeScanStatus::Ok) {
    std::map<std::string, double> unused;
    for (std::size_t d = static_cast<std::size_t>(std::max(m.report_begin, 0)); d < scan.z.size(); ++d)
      if (scan.z[d]) significant(spike_id(m.metric, static_cast<int>(d)), spike_p(*scan.z[d], m.heavy), unused);
    return;
  }
  if (scan.status != analysis::SpikeScanStatus::Ok) {
    return reject(s, Type::Anomaly, "",
                  scan.status == analysis::SpikeScanStatus::TooShort         ? "too_few_days"
                  : scan.status == analysis::SpikeScanStatus::TooManyMissing ? "too_many_missing_days"
                                                                             : "no_variation");
  }
  if (scan.spikes.empty()) reject(s, Type::Anomaly, "", "no_unusual_day");
  const std::vector<Event> events = group_events(scan.spikes, R_.spike.max_flags);
  double excess = 0;
  for (const Event& e : events) {
    if (e.head.z <= 0) continue;
    excess += e.head.y - e.head.expected;
    for (const auto& sp : e.rest) excess += sp.y - sp.expected;
  }
  // The first spike up carries the period change its days explain.
  std::optional<Clause> explained = explain_change(m, excess);
  for (const Event& e : events) spike_claim(m, s, e, explained);
}

// A period change of the same metric that no longer passes without the flagged days is
// explained by them; for negative messages, the fall of net sentiment (sentiment_explained).
std::optional<Clause> Engine::explain_change(const DailySeries& m, double excess) {
  std::optional<Clause> out;
  auto ch = change_index_.find(m.metric + "@all");
  if (excess > 0 && ch != change_index_.end() && items_[ch->second].alive &&
      items_[ch->second].f.direction == Direction::Up) {
    Item& change = items_[ch->second];
    double total = change.f.inputs["value"], prev = change.f.inputs["previous"];
    Series two{prev, total - excess};
    // The gate with the history is not available here; use the plain relative rule.
    auto c = analysis::compare_level(two, info_of(m.metric)->level, R_.level);
    bool still = c && c->relative_pct && std::fabs(*c->relative_pct) >= R_.level.min_relative_pct_no_history;
    if (!still && total - excess > 0) {
      change.alive = false;
      change.explained = true;
      change.dropped_by = "explained_by_spike";
      Clause lifting{ClauseKind::Lifting, Direction::Up, {}, {}};
      lifting.what.change = 100.0 * (total / (total - excess) - 1);
      out = lifting;
    }
  }
  if (excess > 0 && m.metric == mk::kNegativeMentions) out = sentiment_explained(excess);
  return out;
}

void Engine::spike_claim(const DailySeries& m, const Subject& s, const Event& e, std::optional<Clause>& explained) {
  const analysis::Spike& sp = e.head;
  const bool up = sp.z > 0;
  const bool as_ratio = R_.spike.phrase_as_ratio(sp);
  Wording w;
  w.form = as_ratio ? (up ? Form::Spike : Form::Dip) : (up ? Form::SpikeAbsolute : Form::DipAbsolute);
  w.day = m.first + date::days{sp.day};
  w.value = sp.y;
  w.expected = sp.expected;
  if (sp.ratio) w.change = *sp.ratio;
  Item& it = add(s, Type::Anomaly, FindingType::Anomaly, up, std::fabs(sp.z), false);
  if (up && explained) {
    it.explains = explained->kind == ClauseKind::Lifting ? m.metric : std::string(mk::kNetSentiment);
    it.explains_direction = explained->direction;
    w.clauses.push_back(*explained);
    explained.reset();
  }
  it.f.wording = std::move(w);
  it.dedup = false;  // spikes on different days are different news
  it.c.period = report_.key + "/" + std::to_string(sp.day);
  it.f.inputs["day_offset"] = sp.day - m.report_begin;  // days after the report period's first day
  it.f.inputs["value"] = sp.y;
  if (sp.ratio) it.f.inputs["ratio"] = *sp.ratio;
  it.f.inputs["ratio_shown"] = as_ratio ? 1.0 : 0.0;  // the sentence (and chart note) use the ratio
  it.f.inputs["expected"] = sp.expected;
  it.f.inputs["z"] = sp.z;
  significant(spike_id(m.metric, sp.day), spike_p(sp.z, m.heavy), it.f.inputs);
  it.f.inputs["event_days"] = static_cast<double>(1 + e.rest.size());
  for (const auto& other : e.rest) {
    Claim day = it.f;
    day.wording = {};
    day.absorbed.clear();
    day.inputs = {
        {"day_offset", other.day - m.report_begin}, {"value", other.y}, {"expected", other.expected}, {"z", other.z}};
    significant(spike_id(m.metric, other.day), spike_p(other.z, m.heavy), day.inputs);
    day.dropped_by = "same_event";
    it.f.absorbed.push_back(std::move(day));
  }
}

// For net sentiment (docs/findings-method.md §5): without the excess negative messages of the flagged days,
// does the fall of net sentiment for all own channels still pass its gate?
std::optional<Clause> Engine::sentiment_explained(double excess) {
  auto ch = change_index_.find(std::string(mk::kNetSentiment) + "@all");
  const auto* dlg = in_.data.find_dialogue(Scope::all_own());
  if (ch == change_index_.end() || !dlg || !items_[ch->second].alive ||
      items_[ch->second].f.direction != Direction::Down)
    return std::nullopt;
  const auto& cur = dlg->periods[ps_.report];
  const auto& old = dlg->periods[ps_.previous];
  auto neg = static_cast<std::int64_t>(std::llround(std::max(0.0, static_cast<double>(cur.negative) - excess)));
  analysis::Proportion p1{cur.positive, cur.positive + neg}, p0{old.positive, old.positive + old.negative};
  if (p1.total <= 0 || p0.total <= 0) return std::nullopt;
  auto rc = analysis::compare_rates(p0, p1, {}, R_.rate);
  double net1 = 100.0 * static_cast<double>(cur.positive - neg) / static_cast<double>(p1.total);
  double net0 = 100.0 * static_cast<double>(old.positive - old.negative) / static_cast<double>(p0.total);
  bool still = rc.gate == analysis::ChangeGate::Report &&
               std::fabs(std::round(net1) - std::round(net0)) >= R_.min_score_change_points;
  if (still) return std::nullopt;
  Item& change = items_[ch->second];
  change.alive = false;
  change.explained = true;
  change.dropped_by = "explained_by_spike";
  Clause c{ClauseKind::SentimentExplained, Direction::Down, {}, {}};
  c.what.value = change.f.inputs["value"];
  c.what.previous = change.f.inputs["previous"];
  return c;
}

}  // namespace boardbrief::findings::detail
