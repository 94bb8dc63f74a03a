#include "findings/engine.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "analysis/dedup.h"
#include "text/date_format.h"
#include "text/number_format.h"

namespace boardbrief::findings {

namespace {

using analysis::FindingType;
using analysis::MetricClass;
using analysis::Polarity;
using analysis::Series;
using series::Scope;
using text::Language;

// How a metric's values are compared and phrased.
enum class Kind { Level, Rate, Score, Minutes };

struct MetricInfo {
  const char* key;
  Kind kind;
  analysis::LevelKind level;
  MetricClass cls;
  const char* family;
  const char* why;
  const char* subject;  // metric.<subject>.subject in the language file
};

constexpr MetricInfo kMetrics[] = {
    {"followers", Kind::Level, analysis::LevelKind::Exposure, MetricClass::Audience, "audience", "why.audience", "followers"},
    {"impressions", Kind::Level, analysis::LevelKind::Exposure, MetricClass::Visibility, "visibility", "why.reach", "impressions"},
    {"reach", Kind::Level, analysis::LevelKind::Exposure, MetricClass::Visibility, "visibility", "why.reach", "reach"},
    {"engagements", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Engagement, "engagement", "why.engagement", "engagements"},
    {"engagement_rate", Kind::Rate, analysis::LevelKind::EventCount, MetricClass::Engagement, "engagement", "why.engagement", "engagement_rate"},
    {"posts", Kind::Level, analysis::LevelKind::PostCount, MetricClass::Effort, "posts", "why.publishing", "posts"},
    {"mentions", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Visibility, "mentions", "why.share_of_voice", "mentions"},
    {"link_clicks", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Engagement, "traffic", "why.traffic", "link_clicks"},
    {"share_of_voice", Kind::Rate, analysis::LevelKind::EventCount, MetricClass::Visibility, "share_of_voice", "why.share_of_voice", "share_of_voice"},
    {"unanswered_share", Kind::Rate, analysis::LevelKind::EventCount, MetricClass::Care, "response", "why.unanswered", "unanswered_share"},
    {"first_response_p50", Kind::Minutes, analysis::LevelKind::EventCount, MetricClass::Care, "frt", "why.response_time", "first_response_p50"},
    {"needs_reply", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Care, "volume", "why.volume", "inbound"},
    {"net_sentiment", Kind::Score, analysis::LevelKind::EventCount, MetricClass::Sentiment, "sentiment", "why.sentiment", "net_sentiment"},
    {"negative_mentions", Kind::Level, analysis::LevelKind::EventCount, MetricClass::Sentiment, "sentiment", "why.sentiment", "negative_mentions"},
};

const MetricInfo* info_of(const std::string& key) {
  for (const auto& m : kMetrics)
    if (key == m.key) return &m;
  return nullptr;
}

std::string bold(const std::string& s) { return "**" + s + "**"; }

// One metric of one scope over the trailing window, ready for the tests.
struct Subject {
  const MetricInfo* info = nullptr;
  Scope scope;
  std::string scope_name;  // "" for all own channels
  model::Better better = model::Better::Up;
  Series values;  // window; rates and shares in percent, durations in minutes, scores in points
  std::vector<std::optional<analysis::Proportion>> proportions;  // binomial rates and scores
  std::vector<double> coverage;  // per window period: share of days with data (1 for dialogue)
  bool enough_sample = true;     // durations: both periods have >= min_total mature messages
  bool sum = false;              // summed over days: a missing day lowers the period total
  // The same period one year earlier (may lie inside or outside the window).
  std::optional<double> year_ago;
  std::optional<analysis::Proportion> year_ago_proportion;
  double year_ago_coverage = 0;
  bool enough_sample_year = true;  // durations: the year-ago period has >= min_total mature messages
  bool provisional = false;        // dialogue figure of a report period whose window has not closed
};

// A finding on its way through de-duplication.
struct Item {
  Finding f;
  analysis::Candidate c;
  bool dedup = true;   // takes part in the folding rules
  bool alive = true;
  bool explained = false;  // dropped by §5.3 rule 3: a spike explains it
  std::string figure;  // the key figure for an across-channel sentence ("−18%")
  std::string clause;  // targets: the clause that joins a change sentence
  bool year_ago = false;     // a change against the same period one year earlier
  std::string year_clause;   // that change as a clause for a trend or change sentence
  std::string dropped_by;    // why it is not among the findings (see consider_findings)
};

class Engine {
 public:
  Engine(const EngineInput& in, const text::Strings& s, const EngineRules& r)
      : in_(in), S_(s), R_(r), lang_(s.language()), ps_(in.data.periods) {
    for (const auto& c : in.data.channels) channels_[c.id] = &c;
    for (const auto& c : in.data.channels)
      if (c.owner == model::Owner::Own) ++own_per_platform_[c.platform];
    report_ = ps_.all[ps_.report];
    previous_ = ps_.all[ps_.previous];
  }

  Considered run();

 private:
  // Scopes.
  bool analysed(const Scope& s) const;
  std::string scope_name(const Scope& s) const;
  std::string subject_text(const MetricInfo& m, const std::string& scope_name) const;
  std::vector<Subject> subjects() const;

  // Finding builders.
  void changes(const Subject& s);
  void level_change(const Subject& s);
  void rate_change(const Subject& s);
  void trend(const Subject& s);
  void year_ago_change(const Subject& s);
  void spikes();
  void targets();
  void data_gaps();

  // Helpers.
  Polarity polarity(model::Better b, bool up) const;
  Tone tone(Polarity p) const;
  std::string record_suffix(const Series& values, bool up, bool* boost) const;
  std::string value_text(Kind k, double v) const;
  // "month"/"months" (or week, quarter, year, period) for the report's granularity.
  std::string unit(bool plural) const;
  // Whether the language treats the metric's subject as plural ("impressions have risen").
  bool plural(const MetricInfo& m) const {
    std::string list = " " + S_.get("finding.plural_subjects") + " ";
    return list.find(std::string(" ") + m.subject + " ") != std::string::npos;
  }
  Item& add(const Subject& s, Type type, FindingType ftype, bool up, double magnitude, bool record);
  // Records a candidate that a gate dropped before it was phrased.
  void reject(const Subject& s, Type type, const std::string& baseline, const std::string& gate,
              std::map<std::string, double> inputs = {});
  void fold_year_ago();
  void business_hours();
  void mark_provisional();

  // De-duplication and cap.
  void fold(const std::vector<std::size_t>& idx, const std::vector<std::size_t>& kept_of, const char* rule);
  void fold_rules();
  void across_channels();
  void fold_into_all();
  void fold_targets();
  std::string sentiment_explained(double excess);

  const EngineInput& in_;
  const text::Strings& S_;
  const EngineRules& R_;
  Language lang_;
  const series::PeriodSet& ps_;
  model::Period report_, previous_;
  std::map<std::int64_t, const model::Channel*> channels_;
  std::map<std::string, int> own_per_platform_;
  std::vector<Item> items_;
  std::map<std::string, std::size_t> change_index_;  // metric@scope -> item of a period change
  std::vector<Finding> rejected_;  // dropped by a gate before phrasing
};

bool Engine::analysed(const Scope& s) const {
  switch (s.kind) {
    case Scope::Kind::AllOwn: return true;
    case Scope::Kind::Platform: return own_per_platform_.count(s.platform) > 0;
    case Scope::Kind::Channel: {
      auto it = channels_.find(s.channel_id);
      // A platform with one own channel is analysed as the platform only.
      return it != channels_.end() && it->second->owner == model::Owner::Own &&
             own_per_platform_.at(it->second->platform) > 1;
    }
    case Scope::Kind::Competitors:
    case Scope::Kind::Market: return false;
  }
  return false;
}

std::string Engine::scope_name(const Scope& s) const {
  auto platform = [&](const std::string& p) {
    std::string key = "platform." + p;
    return S_.contains(key) ? S_.get(key) : p;
  };
  switch (s.kind) {
    case Scope::Kind::Platform: return platform(s.platform);
    case Scope::Kind::Channel: {
      auto it = channels_.find(s.channel_id);
      if (it == channels_.end()) return "#" + std::to_string(s.channel_id);
      return it->second->name + " (" + platform(it->second->platform) + ")";
    }
    default: return "";
  }
}

std::string Engine::subject_text(const MetricInfo& m, const std::string& name) const {
  std::string base = std::string("metric.") + m.subject;
  if (name.empty()) return S_.get(base + ".subject");
  return S_.format(base + ".subject_channel", {{"channel", name}});
}

std::vector<Subject> Engine::subjects() const {
  const auto& data = in_.data;
  const std::size_t w = ps_.window_size;
  std::vector<Subject> out;
  for (const auto& [key, ms] : data.metric_series) {
    const MetricInfo* info = info_of(ms.metric);
    if (!info || !analysed(ms.scope)) continue;
    Subject s;
    s.info = info;
    s.scope = ms.scope;
    s.scope_name = scope_name(ms.scope);
    const model::MetricDef* def = data.metric_def(ms.metric);
    s.better = def ? def->better : model::Better::Up;
    s.sum = def && def->aggregation == model::Aggregation::Sum;
    for (std::size_t i = 0; i < w && i < ms.values.size(); ++i) {
      std::optional<double> v = ms.values[i];
      if (v && info->kind == Kind::Rate) *v *= 100;
      s.values.push_back(v);
      s.proportions.push_back(std::nullopt);
      double days = ps_.all[i].days();
      s.coverage.push_back(v && i < ms.days_with_data.size() ? ms.days_with_data[i] / days : 0.0);
    }
    const std::size_t ya = ps_.year_ago;
    if (ya < ms.values.size() && ms.values[ya]) {
      s.year_ago = *ms.values[ya] * (info->kind == Kind::Rate ? 100.0 : 1.0);
      s.year_ago_coverage = ya < ms.days_with_data.size() ? ms.days_with_data[ya] / static_cast<double>(ps_.all[ya].days()) : 0.0;
    }
    out.push_back(std::move(s));
  }
  for (const auto& [key, ds] : data.dialogue) {
    if (!analysed(ds.scope)) continue;
    for (const char* metric : {"unanswered_share", "first_response_p50", "needs_reply", "net_sentiment"}) {
      Subject s;
      s.info = info_of(metric);
      s.scope = ds.scope;
      s.scope_name = scope_name(ds.scope);
      s.better = s.info->key == std::string("needs_reply") ? model::Better::None
                 : s.info->key == std::string("net_sentiment") ? model::Better::Up
                                                                : model::Better::Down;
      bool any = false;
      auto figures = [&](const series::DialoguePeriod& p) {
        std::optional<double> v;
        std::optional<analysis::Proportion> prop;
        switch (s.info->kind) {
          case Kind::Rate:
            if (p.mature > 0) {
              prop = analysis::Proportion{p.mature - p.answered, p.mature};
              v = 100.0 * static_cast<double>(prop->hits) / static_cast<double>(prop->total);
            }
            break;
          case Kind::Minutes:
            if (p.frt_p50 && !p.frt_p50->infinite) v = static_cast<double>(p.frt_p50->seconds) / 60.0;
            break;
          case Kind::Level: v = static_cast<double>(p.needs_reply); break;
          case Kind::Score:
            if (p.positive + p.negative >= analysis::kMinSentimentCount) {
              prop = analysis::Proportion{p.positive, p.positive + p.negative};
              v = 100.0 * static_cast<double>(p.positive - p.negative) / static_cast<double>(p.positive + p.negative);
            }
            break;
        }
        return std::make_pair(v, prop);
      };
      for (std::size_t i = 0; i < w && i < ds.periods.size(); ++i) {
        const auto& p = ds.periods[i];
        auto [v, prop] = figures(p);
        if (p.needs_reply > 0 || p.inbound > 0) any = true;
        s.values.push_back(v);
        s.proportions.push_back(prop);
        s.coverage.push_back(1.0);
      }
      if (!any) continue;
      if (ps_.year_ago < ds.periods.size()) {
        const auto& p = ds.periods[ps_.year_ago];
        std::tie(s.year_ago, s.year_ago_proportion) = figures(p);
        s.year_ago_coverage = 1.0;
      }
      if (s.info->kind == Kind::Minutes) {
        const auto& cur = ds.periods[ps_.report];
        const auto& old = ds.periods[ps_.previous];
        s.enough_sample = cur.mature >= R_.rate.min_total && old.mature >= R_.rate.min_total;
        s.enough_sample_year = cur.mature >= R_.rate.min_total && ps_.year_ago < ds.periods.size() &&
                               ds.periods[ps_.year_ago].mature >= R_.rate.min_total;
      }
      // Response figures leave out messages whose window has not closed: say so.
      s.provisional = (s.info->kind == Kind::Rate || s.info->kind == Kind::Minutes) &&
                      ps_.report < ds.periods.size() && ds.periods[ps_.report].provisional;
      out.push_back(std::move(s));
    }
  }
  return out;
}

Polarity Engine::polarity(model::Better b, bool up) const {
  if (b == model::Better::None) return Polarity::Neutral;
  return (b == model::Better::Up) == up ? Polarity::Favourable : Polarity::Adverse;
}

Tone Engine::tone(Polarity p) const {
  return p == Polarity::Adverse ? Tone::Bad : p == Polarity::Favourable ? Tone::Good : Tone::Neutral;
}

std::string Engine::value_text(Kind k, double v) const {
  switch (k) {
    case Kind::Rate: return text::format_percent(v, lang_);
    case Kind::Minutes: return text::format_duration(v, lang_);
    case Kind::Score: return text::format_signed(v, 0, lang_);
    case Kind::Level: return text::format_count(v, lang_);
  }
  return {};
}

std::string Engine::unit(bool plural) const {
  const char* u = "period";
  switch (report_.kind) {
    case model::Granularity::Week: u = "week"; break;
    case model::Granularity::Month: u = "month"; break;
    case model::Granularity::Quarter: u = "quarter"; break;
    case model::Granularity::Year: u = "year"; break;
    case model::Granularity::Custom: u = "period"; break;
  }
  return S_.get(std::string("finding.unit_") + u + (plural ? "s" : ""));
}

std::string Engine::record_suffix(const Series& values, bool up, bool* boost) const {
  *boost = false;
  auto rec = analysis::find_record(values, up ? analysis::Extreme::Highest : analysis::Extreme::Lowest, R_.record);
  if (!rec || !rec->reportable) return "";
  *boost = rec->boost;
  const int t = static_cast<int>(values.size()) - 1;
  if (rec->lag) {
    const auto& since = ps_.all[static_cast<std::size_t>(t - *rec->lag)];
    return S_.format(up ? "finding.record_highest" : "finding.record_lowest",
                     {{"month_year", period_since(since, lang_)}});
  }
  std::size_t first = 0;
  while (first < values.size() && !values[first]) ++first;
  if (first == 0) {
    // The series fills the whole window: older data may exist, so do not say "on record".
    return S_.format(up ? "finding.record_highest_in" : "finding.record_lowest_in",
                     {{"n", std::to_string(values.size())}, {"units", unit(true)}});
  }
  return S_.format(up ? "finding.record_highest_ever" : "finding.record_lowest_ever",
                   {{"month_year", period_since(ps_.all[first], lang_)}});
}

Item& Engine::add(const Subject& s, Type type, FindingType ftype, bool up, double magnitude, bool record) {
  Item it;
  it.f.type = type;
  it.f.metric = s.info->key;
  it.f.scope = s.scope.key();
  it.f.family = s.info->family;
  it.f.direction = up ? Direction::Up : Direction::Down;
  Polarity pol = polarity(s.better, up);
  it.f.tone = tone(pol);
  it.f.why = S_.get(s.info->why);
  analysis::ScoreInput si;
  si.metric_class = s.info->cls;
  si.type = ftype;
  si.magnitude = magnitude;
  si.polarity = pol;
  si.record = record;
  it.f.score = analysis::finding_score(si, R_.weights);
  it.c.family = s.info->family;
  it.c.channel = it.f.scope;
  it.c.metric = s.info->key;
  it.c.period = report_.key;
  it.c.direction = up ? analysis::Direction::Up : analysis::Direction::Down;
  it.c.type = ftype;
  it.c.polarity = pol;
  it.c.metric_weight = analysis::metric_weight(s.info->cls, R_.weights);
  it.c.score = it.f.score;
  it.f.inputs["magnitude"] = magnitude;
  it.f.period = report_.key;
  it.f.provisional = s.provisional;
  if (type == Type::Change) it.f.baseline = previous_.key;
  items_.push_back(std::move(it));
  return items_.back();
}

void Engine::reject(const Subject& s, Type type, const std::string& baseline, const std::string& gate,
                    std::map<std::string, double> inputs) {
  Finding f;
  f.type = type;
  f.metric = s.info->key;
  f.scope = s.scope.key();
  f.family = s.info->family;
  f.period = report_.key;
  f.baseline = baseline;
  f.provisional = s.provisional;
  f.dropped_by = gate;
  f.inputs = std::move(inputs);
  rejected_.push_back(std::move(f));
}

namespace {

const char* gate_name(analysis::ChangeGate g) {
  switch (g) {
    case analysis::ChangeGate::Report: return "reported";
    case analysis::ChangeGate::Appendix: return "appendix_only";  // 2 <= |z| < 3, or immaterial
    case analysis::ChangeGate::Suppress: return "not_unusual";
    case analysis::ChangeGate::InsufficientData: return "too_few";
  }
  return "?";
}

}  // namespace

// --- period changes -------------------------------------------------------------------------

void Engine::changes(const Subject& s) {
  if (s.values.size() < 2 || !s.values.back() || !s.values[s.values.size() - 2]) {
    reject(s, Type::Change, previous_.key, "missing_value");
    return;
  }
  if (s.info->kind == Kind::Level || s.info->kind == Kind::Minutes) level_change(s);
  else rate_change(s);
}

void Engine::level_change(const Subject& s) {
  const std::string& base = previous_.key;
  if (!s.enough_sample) return reject(s, Type::Change, base, "sample_size");
  // A sum over a period with missing days is not comparable (missing days are not zero).
  const std::size_t n = s.values.size();
  if (s.sum && (s.coverage[n - 1] < 1.0 || s.coverage[n - 2] < 1.0)) return reject(s, Type::Change, base, "missing_days");
  auto c = analysis::compare_level(s.values, s.info->level, R_.level);
  if (!c) return reject(s, Type::Change, base, "missing_value");
  std::map<std::string, double> in{{"value", c->current}, {"previous", c->previous}};
  if (c->relative_pct) in["relative_change_pct"] = *c->relative_pct;
  if (c->robust_z) in["robust_z"] = *c->robust_z;
  if (c->absolute == 0) return reject(s, Type::Change, base, "no_change", in);
  if (c->gate != analysis::ChangeGate::Report) return reject(s, Type::Change, base, gate_name(c->gate), in);
  if (!c->relative_shown && std::fabs(c->absolute) < R_.min_absolute_change)
    return reject(s, Type::Change, base, "too_small", in);
  const bool up = c->absolute > 0;
  const std::string period = period_in_sentence(report_, lang_);
  const std::string subject = subject_text(*s.info, s.scope_name);
  bool boost = false;
  std::string record = record_suffix(s.values, up, &boost);
  double magnitude = c->robust_z ? std::fabs(*c->robust_z) : R_.level.report_z;
  std::string sentence, figure;
  if (c->multiplier && c->relative_shown) {
    figure = text::format_multiplier(*c->multiplier, lang_);
    sentence = S_.format_sentence("finding.level_change_multiple",
                                  {{"metric", subject}, {"value", bold(value_text(s.info->kind, c->current))},
                                   {"period", period}, {"ratio", bold(figure)},
                                   {"prev_period", period_in_sentence(previous_, lang_)}, {"record", record}});
  } else if (c->relative_shown) {
    std::string pct = text::format_percent(std::fabs(*c->relative_pct), lang_);
    if (pct == text::format_percent(0, lang_)) return reject(s, Type::Change, base, "rounds_to_zero", in);  // never "0%"
    figure = text::format_percent_change(*c->relative_pct, lang_);
    sentence = S_.format_sentence(up ? "finding.level_change_up" : "finding.level_change_down",
                                  {{"metric", subject}, {"dpct", bold(pct)}, {"period", period},
                                   {"value", bold(value_text(s.info->kind, c->current))}, {"record", record}});
  } else {
    figure = value_text(s.info->kind, c->current);
    sentence = S_.format_sentence(up ? "finding.level_change_from_up" : "finding.level_change_from_down",
                                  {{"metric", subject}, {"from", bold(value_text(s.info->kind, c->previous))},
                                   {"to", bold(value_text(s.info->kind, c->current))}, {"period", period}});
    boost = false;
  }
  Item& it = add(s, Type::Change, FindingType::PeriodChange, up, magnitude, boost);
  it.f.sentence = std::move(sentence);
  it.figure = figure;
  it.f.inputs["value"] = c->current;
  it.f.inputs["previous"] = c->previous;
  if (c->relative_pct) it.f.inputs["relative_change_pct"] = *c->relative_pct;
  if (c->robust_z) it.f.inputs["robust_z"] = *c->robust_z;
  change_index_[std::string(s.info->key) + "@" + it.f.scope] = items_.size() - 1;
}

void Engine::rate_change(const Subject& s) {
  const double cur = *s.values.back(), old = *s.values[s.values.size() - 2];
  double magnitude = 0, shown_diff = 0;
  std::map<std::string, double> inputs;
  const auto& pc = s.proportions.back();
  const auto& pp = s.proportions[s.proportions.size() - 2];
  const Series history(s.values.begin(), s.values.end() - 1);
  if (pc && pp) {
    // Binomial: pooled two-proportion z with the sample-size gate (§3.2).
    Series hist_p;  // the tested proportion in percent
    for (const auto& p : s.proportions)
      hist_p.push_back(p ? std::optional<double>(100.0 * static_cast<double>(p->hits) / static_cast<double>(p->total))
                         : std::nullopt);
    hist_p.pop_back();
    auto rc = analysis::compare_rates(*pp, *pc, hist_p, R_.rate);
    if (rc.gate != analysis::ChangeGate::Report) {
      std::map<std::string, double> in{{"value", cur}, {"previous", old}, {"current_n", static_cast<double>(pc->total)},
                                       {"previous_n", static_cast<double>(pp->total)}};
      if (rc.z) in["z"] = *rc.z;
      if (rc.p) in["p"] = *rc.p;
      reject(s, Type::Change, previous_.key, gate_name(rc.gate), in);
      // Thin data: the audit trail says so in words (never a finding, notes principle 4).
      if (rc.gate == analysis::ChangeGate::InsufficientData && s.info->kind == Kind::Rate)
        rejected_.back().sentence = S_.format_sentence("finding.too_few", {{"period", period_in_sentence(report_, lang_)}});
      return;
    }
    inputs["z"] = rc.z.value_or(0);
    inputs["p"] = rc.p.value_or(1);
    inputs["current_n"] = static_cast<double>(pc->total);
    inputs["previous_n"] = static_cast<double>(pp->total);
    if (s.info->kind == Kind::Score) {
      shown_diff = std::round(cur) - std::round(old);
      if (std::fabs(shown_diff) < R_.min_score_change_points)
        return reject(s, Type::Change, previous_.key, "too_small", {{"value", cur}, {"previous", old}});
      // Ranking against the metric's own history of point changes when there is one.
      std::vector<double> h;
      for (std::size_t i = 1; i < history.size(); ++i)
        if (history[i] && history[i - 1]) h.push_back(*history[i] - *history[i - 1]);
      std::optional<double> z;
      if (static_cast<int>(h.size()) >= R_.rate.min_history) z = analysis::robust_z(h, cur - old);
      magnitude = z ? std::fabs(*z) : rc.magnitude;
    } else {
      shown_diff = rc.displayed_diff_pp;
      magnitude = rc.magnitude;
    }
  } else {
    // Over-dispersed ratios (engagement rate, share of voice): robust z of the pp change.
    std::vector<double> h;
    for (std::size_t i = 1; i < history.size(); ++i)
      if (history[i] && history[i - 1]) h.push_back(*history[i] - *history[i - 1]);
    std::map<std::string, double> in{{"value", cur}, {"previous", old}};
    if (static_cast<int>(h.size()) < R_.rate.min_history || old <= 0)
      return reject(s, Type::Change, previous_.key, "too_little_history", in);
    auto z = analysis::robust_z(h, cur - old);
    if (z) in["robust_z"] = *z;
    if (!z || std::fabs(*z) < R_.level.report_z) return reject(s, Type::Change, previous_.key, "not_unusual", in);
    if (std::fabs(100.0 * (cur / old - 1)) < R_.level.min_relative_pct)
      return reject(s, Type::Change, previous_.key, "too_small", in);
    shown_diff = std::round((analysis::displayed_pct(cur) - analysis::displayed_pct(old)) * 10) / 10;
    magnitude = std::fabs(*z);
    inputs["robust_z"] = *z;
  }
  if (shown_diff == 0) return reject(s, Type::Change, previous_.key, "rounds_to_zero", {{"value", cur}, {"previous", old}});
  const bool up = shown_diff > 0;
  bool boost = false;
  std::string record = record_suffix(s.values, up, &boost);
  std::string amount = s.info->kind == Kind::Score
                           ? S_.format(std::fabs(shown_diff) == 1 ? "finding.score_point" : "finding.score_points",
                                       {{"n", text::format_integer(static_cast<std::int64_t>(std::fabs(shown_diff)), lang_)}})
                           : text::format_points(std::fabs(shown_diff), lang_);
  std::string sentence = S_.format_sentence(
      up ? "finding.rate_change_up" : "finding.rate_change_down",
      {{"metric", subject_text(*s.info, s.scope_name)}, {"value", bold(value_text(s.info->kind, cur))},
       {"period", period_in_sentence(report_, lang_)}, {"dpp", bold(amount)},
       {"prev_period", period_in_sentence(previous_, lang_)}, {"record", record}});
  Item& it = add(s, Type::Change, FindingType::PeriodChange, up, magnitude, boost);
  it.f.sentence = std::move(sentence);
  it.figure = s.info->kind == Kind::Score ? text::format_score_change(shown_diff, lang_)
                                          : text::format_pp_change(shown_diff, lang_);
  it.f.inputs.insert(inputs.begin(), inputs.end());
  it.f.inputs["value"] = cur;
  it.f.inputs["previous"] = old;
  it.f.inputs["delta_points"] = shown_diff;
  change_index_[std::string(s.info->key) + "@" + it.f.scope] = items_.size() - 1;
}

// --- the same period one year earlier ---------------------------------------------------------

// No history of year-on-year changes exists inside a 13-period window, so levels use the
// without-history rule (|relative| >= 25 %, notes §3.1) and binomial rates the two-proportion
// gate (§3.2); over-dispersed ratios (engagement rate, share of voice) have no gate and are
// not compared.
void Engine::year_ago_change(const Subject& s) {
  const model::Period& ya = ps_.all[ps_.year_ago];
  if (ps_.year_ago == ps_.previous || ps_.year_ago == ps_.report) return;  // weekly/custom overlap
  if (!s.values.back()) return;  // already recorded against the previous period
  if (!s.year_ago) return reject(s, Type::Change, ya.key, "missing_value");
  const double cur = *s.values.back(), old = *s.year_ago;
  std::map<std::string, double> in{{"value", cur}, {"year_ago", old}};
  const std::string period = period_in_sentence(report_, lang_);
  const std::string year_ago = period_since(ya, lang_);
  const std::string subject = subject_text(*s.info, s.scope_name);
  std::string sentence, clause;
  double magnitude = 0;
  bool up = cur > old;
  if (s.info->kind == Kind::Level || s.info->kind == Kind::Minutes) {
    if (s.info->kind == Kind::Minutes && !s.enough_sample_year) return reject(s, Type::Change, ya.key, "sample_size", in);
    if (s.sum && (s.coverage.back() < 1.0 || s.year_ago_coverage < 1.0)) return reject(s, Type::Change, ya.key, "missing_days", in);
    auto c = analysis::compare_level(Series{old, cur}, s.info->level, R_.level);
    if (!c) return reject(s, Type::Change, ya.key, "missing_value", in);
    if (c->relative_pct) in["relative_change_pct"] = *c->relative_pct;
    if (c->absolute == 0) return reject(s, Type::Change, ya.key, "no_change", in);
    if (c->gate != analysis::ChangeGate::Report) return reject(s, Type::Change, ya.key, gate_name(c->gate), in);
    if (!c->relative_shown) return reject(s, Type::Change, ya.key, "below_baseline_floor", in);
    up = c->absolute > 0;
    const std::string value = bold(value_text(s.info->kind, cur));
    if (c->multiplier) {
      std::string ratio = text::format_multiplier(*c->multiplier, lang_);
      in["multiplier"] = *c->multiplier;
      sentence = S_.format_sentence("finding.level_change_year_multiple",
                                    {{"metric", subject}, {"value", value}, {"period", period},
                                     {"ratio", bold(ratio)}, {"year_ago", year_ago}});
      clause = S_.format("finding.clause_year_ago_multiple", {{"ratio", bold(ratio)}, {"year_ago", year_ago}});
    } else {
      std::string pct = text::format_percent(std::fabs(*c->relative_pct), lang_);
      if (pct == text::format_percent(0, lang_)) return reject(s, Type::Change, ya.key, "rounds_to_zero", in);
      sentence = S_.format_sentence(up ? "finding.level_change_year_up" : "finding.level_change_year_down",
                                    {{"metric", subject}, {"dpct", bold(pct)}, {"period", period},
                                     {"value", value}, {"year_ago", year_ago}});
      clause = S_.format(up ? "finding.clause_year_ago_up" : "finding.clause_year_ago_down",
                         {{"change", bold(pct)}, {"year_ago", year_ago}});
    }
    magnitude = R_.level.report_z;  // the gate's level: no history to measure against
  } else {
    const auto& pc = s.proportions.back();
    if (!pc || !s.year_ago_proportion) return reject(s, Type::Change, ya.key, "no_gate_for_ratio", in);
    auto rc = analysis::compare_rates(*s.year_ago_proportion, *pc, {}, R_.rate);
    in["current_n"] = static_cast<double>(pc->total);
    in["year_ago_n"] = static_cast<double>(s.year_ago_proportion->total);
    if (rc.z) in["z"] = *rc.z;
    if (rc.p) in["p"] = *rc.p;
    if (rc.gate != analysis::ChangeGate::Report) return reject(s, Type::Change, ya.key, gate_name(rc.gate), in);
    double shown = s.info->kind == Kind::Score ? std::round(cur) - std::round(old) : rc.displayed_diff_pp;
    if (s.info->kind == Kind::Score && std::fabs(shown) < R_.min_score_change_points)
      return reject(s, Type::Change, ya.key, "too_small", in);
    if (shown == 0) return reject(s, Type::Change, ya.key, "rounds_to_zero", in);
    up = shown > 0;
    in["delta_points"] = shown;
    std::string amount = s.info->kind == Kind::Score
                             ? S_.format(std::fabs(shown) == 1 ? "finding.score_point" : "finding.score_points",
                                         {{"n", text::format_integer(static_cast<std::int64_t>(std::fabs(shown)), lang_)}})
                             : text::format_points(std::fabs(shown), lang_);
    sentence = S_.format_sentence(up ? "finding.rate_change_year_up" : "finding.rate_change_year_down",
                                  {{"metric", subject}, {"value", bold(value_text(s.info->kind, cur))},
                                   {"period", period}, {"dpp", bold(amount)}, {"year_ago", year_ago}});
    clause = S_.format(up ? "finding.clause_year_ago_up" : "finding.clause_year_ago_down",
                       {{"change", bold(amount)}, {"year_ago", year_ago}});
    // Large samples make |z| huge for any real change; a year-on-year change has no history to
    // be measured against, so it ranks at the gate's level like a level change without history.
    magnitude = std::min(rc.magnitude, R_.level.report_z);
  }
  Item& it = add(s, Type::Change, FindingType::PeriodChange, up, magnitude, false);
  it.f.sentence = std::move(sentence);
  it.f.baseline = ya.key;
  it.f.inputs.insert(in.begin(), in.end());
  it.year_ago = true;
  it.year_clause = std::move(clause);
  it.dedup = false;  // joins a trend or change of the same metric as a clause (fold_year_ago)
  it.c.period = report_.key + "/" + ya.key;
}

// A year-on-year change that agrees with a trend or previous-period change of the same metric
// and scope becomes a clause of that sentence ("…; 2.7× the level of October 2025").
void Engine::fold_year_ago() {
  for (auto& y : items_) {
    if (!y.alive || !y.year_ago) continue;
    Item* host = nullptr;
    for (auto& h : items_) {
      if (!h.alive || h.year_ago || h.f.metric != y.f.metric || h.f.scope != y.f.scope ||
          h.f.direction != y.f.direction || (h.f.type != Type::Change && h.f.type != Type::Trend))
        continue;
      if (!host || h.f.score > host->f.score) host = &h;
    }
    if (!host || host->f.sentence.size() < 2) continue;
    std::string& t = host->f.sentence;
    if (t.compare(t.size() - 2, 2, ").") == 0) t.insert(t.size() - 2, "; " + y.year_clause);
    else t.insert(t.size() - 1, " (" + y.year_clause + ")");
    for (const auto& [k, v] : y.f.inputs)
      if (k != "magnitude" && k != "value") host->f.inputs["year_ago_" + k] = v;
    host->f.inputs["year_ago_folded"] = 1;
    host->f.score = std::max(host->f.score, y.f.score);
    y.alive = false;
    y.dropped_by = "clause_of_other_finding";
  }
}

// Customers experience calendar time, so it stays the headline; with business hours configured
// the same median in business time follows the first-response finding, or stands as a note.
void Engine::business_hours() {
  const auto* dlg = in_.data.find_dialogue(Scope::all_own());
  if (!dlg || ps_.report >= dlg->periods.size()) return;
  const auto& p = dlg->periods[ps_.report];
  if (!p.business_p50 || p.business_p50->infinite || !p.frt_p50 || p.frt_p50->infinite) return;
  const double minutes = static_cast<double>(p.business_p50->seconds) / 60.0;
  const std::string value = bold(text::format_duration(minutes, lang_));
  for (auto& it : items_) {
    if (!it.alive || it.f.metric != "first_response_p50" || it.f.scope != "all" || it.f.sentence.empty()) continue;
    it.f.sentence += " " + S_.format_sentence("finding.business_hours_clause", {{"value", value}});
    it.f.inputs["business_hours_median_minutes"] = minutes;
    return;
  }
  Item it;
  it.f.type = Type::Note;
  it.f.metric = "first_response_p50";
  it.f.scope = "all";
  it.f.family = "frt";
  it.f.direction = Direction::None;
  it.f.tone = Tone::Neutral;
  it.f.why = S_.get("why.response_time");
  it.f.period = report_.key;
  it.f.provisional = p.provisional;
  it.f.sentence = S_.format_sentence(
      "finding.business_hours_note",
      {{"period", period_in_sentence(report_, lang_)}, {"value", value},
       {"calendar", text::format_duration(static_cast<double>(p.frt_p50->seconds) / 60.0, lang_)}});
  it.f.score = 0.5;  // context, never in the summary
  it.f.inputs["business_hours_median_minutes"] = minutes;
  it.f.inputs["calendar_median_minutes"] = static_cast<double>(p.frt_p50->seconds) / 60.0;
  it.dedup = false;
  it.c.family = "frt_business";
  it.c.channel = "all";
  it.c.metric = "first_response_p50";
  it.c.period = report_.key;
  it.c.score = it.f.score;
  items_.push_back(std::move(it));
}

// Dialogue findings whose response window has not closed for the report period say so.
void Engine::mark_provisional() {
  for (auto& it : items_) {
    if (!it.alive || !it.f.provisional || it.f.sentence.empty()) continue;
    it.f.sentence += " " + S_.format_sentence("finding.provisional_dialogue",
                                              {{"hours", std::to_string(in_.data.response_window_seconds / 3600)},
                                               {"period", period_in_sentence(report_, lang_)}});
  }
}

// --- trends ---------------------------------------------------------------------------------

void Engine::trend(const Subject& s) {
  if (s.info->kind == Kind::Minutes && !s.enough_sample) return reject(s, Type::Trend, "", "sample_size");
  const bool is_rate = s.info->kind == Kind::Rate || s.info->kind == Kind::Score;
  // Weekly series are noisier: at least 8 points (notes §1.1), else 6.
  const int min_points = report_.kind == model::Granularity::Week ? 8 : 6;
  auto t = analysis::test_trend_windows(s.values, R_.trend_windows, min_points, is_rate, R_.trend);
  if (!t) {
    int observed = 0;
    for (const auto& v : s.values) observed += v ? 1 : 0;
    return reject(s, Type::Trend, "", observed < std::max(min_points, R_.trend.min_points_floor) ? "too_few_points" : "no_significant_trend",
                  {{"points", observed}});
  }
  // A year-long window over a seasonal metric can test "significant" while the month is level
  // with the same month last year (a winter hump, then summer): no trend claim against that.
  if (t->window >= 12 && s.year_ago && s.values.back() && *s.values.back() != *s.year_ago &&
      ((*s.values.back() > *s.year_ago) != (t->direction == analysis::TrendDirection::Up)))
    return reject(s, Type::Trend, "", "contradicted_by_year_on_year",
                  {{"window", t->window}, {"p", t->p}, {"z", t->z}, {"value", *s.values.back()}, {"year_ago", *s.year_ago}});
  // No trend claim from a window with data gaps: say so instead.
  const std::size_t n = s.values.size();
  std::vector<std::size_t> gap_periods;
  for (std::size_t i = n - static_cast<std::size_t>(t->window); i < n; ++i)
    if (s.coverage[i] < R_.min_period_coverage) gap_periods.push_back(i);
  const bool up = t->direction == analysis::TrendDirection::Up;
  const std::string subject = subject_text(*s.info, s.scope_name);
  if (!gap_periods.empty()) {
    std::string span = period_title(ps_.all[gap_periods.front()], lang_);
    if (gap_periods.size() > 1) span += std::string(text::kEnDash) + period_title(ps_.all[gap_periods.back()], lang_);
    Item it;
    it.f.type = Type::DataGap;
    it.f.metric = s.info->key;
    it.f.scope = s.scope.key();
    it.f.family = "data_gap";
    it.f.direction = Direction::None;
    it.f.tone = Tone::Neutral;
    it.f.why = S_.get("why.data_gap");
    it.f.sentence = S_.format_sentence("finding.trend_withheld",
                                       {{"metric", subject}, {"n", std::to_string(t->window)}, {"span", span},
                                        {"units", unit(true)}});
    it.f.score = 0.5;
    it.f.period = report_.key;
    it.f.inputs["gap_periods"] = static_cast<double>(gap_periods.size());
    it.dedup = false;
    it.c.family = "data_gap";
    it.c.channel = it.f.scope;
    it.c.metric = s.info->key;
    it.c.period = report_.key;
    it.c.score = it.f.score;
    items_.push_back(std::move(it));
    return;
  }
  std::string slope;
  switch (s.info->kind) {
    case Kind::Rate: slope = text::format_pp_change(t->slope.slope, lang_); break;
    case Kind::Score:
      slope = S_.format(std::fabs(t->slope.slope) == 1 ? "finding.score_point" : "finding.score_points",
                        {{"n", text::format_signed(t->slope.slope, 1, lang_)}});
      break;
    case Kind::Minutes: slope = text::format_duration_change(t->slope.slope, lang_); break;
    case Kind::Level:
      slope = t->relative_pct ? text::format_percent_change(*t->relative_pct, lang_)
                              : text::format_signed(t->slope.slope, 0, lang_);
      break;
  }
  std::string sentence = S_.format_sentence(
      std::string(up ? "finding.trend_up" : "finding.trend_down") + (plural(*s.info) ? "_plural" : ""),
      {{"metric", subject},
       {"adv", S_.get(t->adverb == analysis::TrendAdverb::Steadily ? "finding.adv_steadily" : "finding.adv_overall")},
       {"n", std::to_string(t->window)},
       {"units", unit(true)},
       {"unit", unit(false)},
       {"slope", bold(slope)},
       {"sig", S_.get(t->significance == analysis::TrendSignificance::StatisticallySignificant ? "finding.sig_strong"
                                                                                               : "finding.sig")}});
  Item& it = add(s, Type::Trend, FindingType::Trend, up, std::fabs(t->z), false);
  it.f.sentence = std::move(sentence);
  it.figure = slope;
  it.f.inputs["window"] = t->window;
  it.f.inputs["n"] = t->n;
  it.f.inputs["s"] = static_cast<double>(t->s);
  it.f.inputs["z"] = t->z;
  it.f.inputs["p"] = t->p;
  it.f.inputs["tau"] = t->tau;
  it.f.inputs["sen_slope"] = t->slope.slope;
  if (t->relative_pct) it.f.inputs["relative_slope_pct"] = *t->relative_pct;
}

// --- spikes ---------------------------------------------------------------------------------

void Engine::spikes() {
  // The interaction counts per day and the summed daily metrics of all own channels.
  struct Daily {
    std::string metric;
    Series y;
    date::local_days first;
    int report_begin = 0;
    model::Better better = model::Better::Up;
  };
  std::vector<Daily> daily;
  if (in_.daily && in_.daily->days() > 0) {
    const series::DailyCounts& d = *in_.daily;
    auto counts = [&](const char* metric, const std::vector<std::int64_t>& c, model::Better b) {
      Daily m{metric, {}, d.first, d.report_begin, b};
      for (auto v : c) m.y.push_back(static_cast<double>(v));
      daily.push_back(std::move(m));
    };
    counts("negative_mentions", d.negative, model::Better::Down);
    counts("needs_reply", d.needs_reply, model::Better::None);
  }
  if (in_.daily_metrics) {
    for (const auto& dm : *in_.daily_metrics) {
      if (!info_of(dm.metric)) continue;
      const model::MetricDef* def = in_.data.metric_def(dm.metric);
      daily.push_back({dm.metric, Series(dm.values.begin(), dm.values.end()), dm.first, dm.report_begin,
                       def ? def->better : model::Better::Up});
    }
  }
  for (const Daily& m : daily) {
    Subject s;
    s.info = info_of(m.metric);
    s.scope = Scope::all_own();
    s.better = m.better;
    // Every summed daily quantity here counts events or views: the Poisson floor applies.
    auto scan = analysis::detect_spikes(m.y, date::weekday{m.first}, m.report_begin, true, R_.spike);
    if (scan.status != analysis::SpikeScanStatus::Ok) {
      reject(s, Type::Anomaly, "",
             scan.status == analysis::SpikeScanStatus::TooShort         ? "too_few_days"
             : scan.status == analysis::SpikeScanStatus::TooManyMissing ? "too_many_missing_days"
                                                                        : "no_variation");
      continue;
    }
    if (scan.spikes.empty()) reject(s, Type::Anomaly, "", "no_unusual_day");
    // §5.3 rule 3: a period change of the same metric that no longer passes without the
    // flagged days is explained by them.
    std::string lifting;
    double excess = 0;
    for (const auto& sp : scan.spikes)
      if (sp.z > 0) excess += sp.y - sp.expected;
    auto ch = change_index_.find(m.metric + "@all");
    if (excess > 0 && ch != change_index_.end() && items_[ch->second].alive &&
        items_[ch->second].f.direction == Direction::Up) {
      Item& change = items_[ch->second];
      double total = change.f.inputs["value"], prev = change.f.inputs["previous"];
      Series two{prev, total - excess};
      // The gate with the history is not available here; use the plain relative rule.
      auto c = analysis::compare_level(two, s.info->level, R_.level);
      bool still = c && c->relative_pct && std::fabs(*c->relative_pct) >= R_.level.min_relative_pct_no_history;
      if (!still && total - excess > 0) {
        change.alive = false;
        change.explained = true;
        change.dropped_by = "explained_by_spike";
        lifting = S_.format("finding.spike_lifting",
                            {{"period", period_in_sentence(report_, lang_)},
                             {"dpct", bold(text::format_percent(100.0 * (total / (total - excess) - 1), lang_))}});
      }
    }
    if (excess > 0 && m.metric == "negative_mentions") lifting = sentiment_explained(excess);
    for (const auto& sp : scan.spikes) {
      const bool up = sp.z > 0;
      auto day = m.first + date::days{sp.day};
      std::string date_text = bold(text::format_day(day, lang_));
      std::string sentence;
      if (sp.ratio && up) {
        std::string ratio = text::format_multiplier(*sp.ratio, lang_);
        sentence = S_.format_sentence("finding.spike", {{"metric", subject_text(*s.info, "")},
                                                        {"date", date_text},
                                                        {"ratio", bold(ratio)}});
        if (!lifting.empty()) {
          sentence.pop_back();  // the full stop
          sentence += lifting + ".";
          lifting.clear();
        }
      } else if (sp.ratio) {
        std::string below = S_.format("finding.below", {{"pct", text::format_percent(100.0 * (1 - *sp.ratio), lang_)}});
        sentence = S_.format_sentence("finding.dip", {{"metric", subject_text(*s.info, "")},
                                                      {"date", date_text},
                                                      {"ratio", bold(below)}});
      } else {
        sentence = S_.format_sentence(up ? "finding.spike_absolute" : "finding.dip_absolute",
                                      {{"metric", subject_text(*s.info, "")},
                                       {"date", date_text},
                                       {"value", bold(text::format_count(sp.y, lang_))},
                                       {"expected", text::format_count(std::max(sp.expected, 0.0), lang_)}});
      }
      Item& it = add(s, Type::Anomaly, FindingType::Anomaly, up, std::fabs(sp.z), false);
      it.f.sentence = std::move(sentence);
      it.dedup = false;  // spikes on different days are different news
      it.c.period = report_.key + "/" + std::to_string(sp.day);
      it.f.inputs["day_offset"] = sp.day - m.report_begin;  // days after the report period's first day
      it.f.inputs["value"] = sp.y;
      if (sp.ratio) it.f.inputs["ratio"] = *sp.ratio;
      it.f.inputs["expected"] = sp.expected;
      it.f.inputs["z"] = sp.z;
    }
  }
}

// §5.3 rule 3 for net sentiment: without the excess negative messages of the flagged days,
// does the fall of net sentiment for all own channels still pass its gate?
std::string Engine::sentiment_explained(double excess) {
  auto ch = change_index_.find("net_sentiment@all");
  const auto* dlg = in_.data.find_dialogue(Scope::all_own());
  if (ch == change_index_.end() || !dlg || !items_[ch->second].alive ||
      items_[ch->second].f.direction != Direction::Down)
    return "";
  const auto& cur = dlg->periods[ps_.report];
  const auto& old = dlg->periods[ps_.previous];
  auto neg = static_cast<std::int64_t>(std::llround(std::max(0.0, static_cast<double>(cur.negative) - excess)));
  analysis::Proportion p1{cur.positive, cur.positive + neg}, p0{old.positive, old.positive + old.negative};
  if (p1.total <= 0 || p0.total <= 0) return "";
  auto rc = analysis::compare_rates(p0, p1, {}, R_.rate);
  double net1 = 100.0 * static_cast<double>(cur.positive - neg) / static_cast<double>(p1.total);
  double net0 = 100.0 * static_cast<double>(old.positive - old.negative) / static_cast<double>(p0.total);
  bool still = rc.gate == analysis::ChangeGate::Report &&
               std::fabs(std::round(net1) - std::round(net0)) >= R_.min_score_change_points;
  if (still) return "";
  Item& change = items_[ch->second];
  change.alive = false;
  change.explained = true;
  change.dropped_by = "explained_by_spike";
  return S_.format("finding.spike_sentiment", {{"period", period_in_sentence(report_, lang_)},
                                               {"value", bold(value_text(Kind::Score, change.f.inputs["value"]))}});
}

// Folds a missed or met target into a change or trend of the same metric for all own channels.
void Engine::fold_targets() {
  for (auto& t : items_) {
    if (!t.alive || t.f.type != Type::Target) continue;
    for (auto& c : items_) {
      if (!c.alive || c.f.scope != "all" || c.f.metric != t.f.metric || c.f.type != Type::Change) continue;
      c.f.sentence.pop_back();  // the full stop
      c.f.sentence += t.clause + ".";
      c.f.inputs["target"] = t.f.inputs["target"];
      if (t.f.tone == Tone::Bad) c.f.score = std::max(c.f.score, t.f.score);
      t.alive = false;
      t.dropped_by = "clause_of_other_finding";
      break;
    }
  }
}

// --- targets and data gaps ------------------------------------------------------------------

// Met, missed, or on track: missed in the report period, but the target runs on beyond it and
// the Sen slope of the last six periods (with its 95 % interval's near end pointing the right
// way) reaches the target by the end of the target's validity.
void Engine::targets() {
  struct Case {
    const MetricInfo* info;
    std::string metric;
    model::Better better;
    double value, target;  // in the display unit (percent for rates)
    bool at_most;
    Series window;         // display unit, trailing window
    std::optional<date::local_days> valid_to;
    bool provisional;
  };
  std::vector<Case> cases;
  std::set<std::string> done;
  auto row_of = [&](const std::string& metric) -> const model::TargetRow* {
    if (!in_.targets) return nullptr;
    for (const auto& t : *in_.targets)
      if (t.metric == metric && !t.channel_id && report_.first >= t.valid_from && report_.last <= t.valid_to) return &t;
    return nullptr;
  };
  for (const auto& k : in_.kpis) {
    if (!k.target || !k.value) continue;
    const MetricInfo* info = info_of(k.metric);
    if (!info) continue;
    double scale = info->kind == Kind::Rate ? 100.0 : 1.0;
    Series w;
    for (const auto& v : k.window) w.push_back(v ? std::optional<double>(*v * scale) : std::nullopt);
    const auto* row = row_of(k.metric);
    cases.push_back({info, k.metric, k.better, *k.value * scale, k.target->value * scale, k.target->at_most, w,
                     row ? std::optional(row->valid_to) : std::nullopt,
                     k.provisional && info->cls == MetricClass::Care && info->kind != Kind::Level});
    done.insert(k.metric);
  }
  // Targets on catalogue metrics that are not headline KPIs (followers, reach, engagement rate…).
  if (in_.targets) {
    for (const auto& t : *in_.targets) {
      if (t.channel_id || done.count(t.metric) || report_.first < t.valid_from || report_.last > t.valid_to) continue;
      done.insert(t.metric);
      const MetricInfo* info = info_of(t.metric);
      const series::MetricSeries* ms = in_.data.find(t.metric, Scope::all_own());
      Subject s;
      s.info = info;
      s.scope = Scope::all_own();
      if (!info || !ms || !ms->values[ps_.report]) {
        Finding f;
        f.type = Type::Target;
        f.metric = t.metric;
        f.scope = "all";
        f.period = report_.key;
        f.dropped_by = "no_value_for_target";
        f.inputs["target"] = t.value;
        rejected_.push_back(std::move(f));
        continue;
      }
      const model::MetricDef* def = in_.data.metric_def(t.metric);
      model::Better better = def ? def->better : model::Better::Up;
      double scale = info->kind == Kind::Rate ? 100.0 : 1.0;
      Series w;
      for (std::size_t i = 0; i < ps_.window_size; ++i)
        w.push_back(ms->values[i] ? std::optional<double>(*ms->values[i] * scale) : std::nullopt);
      cases.push_back({info, t.metric, better, *ms->values[ps_.report] * scale, t.value * scale,
                       better == model::Better::Down, w, t.valid_to, false});
    }
  }
  for (const Case& k : cases) {
    const MetricInfo* info = k.info;
    const Kind kind = info->kind;
    const bool met = k.at_most ? k.value <= k.target : k.value >= k.target;
    // On track: project the recent slope to the last period the target is valid for.
    bool on_track = false;
    std::optional<double> projected;
    std::string deadline;
    if (!met && k.valid_to && *k.valid_to > report_.last && k.window.size() >= 6) {
      Series recent(k.window.end() - 6, k.window.end());
      auto slope = analysis::sen_slope(recent);
      const double steps = std::round(static_cast<double>((*k.valid_to - report_.last).count()) / report_.days());
      if (slope && steps >= 1) {
        // The cautious end of the interval must still point towards the target.
        const double cautious = k.at_most ? slope->upper : slope->lower;
        projected = k.value + slope->slope * steps;
        on_track = (k.at_most ? cautious < 0 : cautious > 0) &&
                   (k.at_most ? *projected <= k.target : *projected >= k.target);
        deadline = text::format_date(*k.valid_to, lang_);
      }
    }
    const std::string status = met ? "met" : on_track ? "on_track" : "missed";
    const std::string bound = k.at_most ? "_at_most" : "_at_least";
    std::string sentence = S_.format_sentence(
        "finding.target_" + status + bound,
        {{"metric", subject_text(*info, "")}, {"value", bold(value_text(kind, k.value))},
         {"period", period_in_sentence(report_, lang_)}, {"target", bold(value_text(kind, k.target))},
         {"deadline", deadline}});
    // Size of the miss relative to the target: 10 % off counts as one unit above the base 2.
    double rel = k.target != 0 ? std::fabs(k.value - k.target) / std::fabs(k.target) : 1.0;
    const bool missed = status == "missed";
    Item it;
    it.f.type = Type::Target;
    it.f.metric = k.metric;
    it.f.scope = "all";
    it.f.family = info->family;
    bool up = k.value > k.target;  // the value is above the target line
    it.f.direction = up ? Direction::Up : Direction::Down;
    it.f.tone = missed ? Tone::Bad : met ? Tone::Good : Tone::Neutral;
    it.f.why = S_.get(info->why);
    double m = missed ? std::min(R_.weights.max_magnitude, 2.0 + 10.0 * rel) : 1.0;
    it.f.score = analysis::metric_weight(info->cls, R_.weights) * m *
                 (missed ? R_.weights.adverse : met ? R_.weights.favourable : R_.weights.neutral) *
                 R_.weights.record_only;
    it.f.sentence = std::move(sentence);
    it.clause = S_.format("finding.clause_target_" + status + bound,
                          {{"target", bold(value_text(kind, k.target))}, {"deadline", deadline}});
    it.f.inputs["value"] = k.value;
    it.f.inputs["target"] = k.target;
    if (projected) it.f.inputs["projected_at_deadline"] = *projected;
    it.f.inputs["on_track"] = on_track ? 1 : 0;
    it.f.period = report_.key;
    it.f.provisional = k.provisional;
    it.dedup = false;
    it.c.family = info->family;  // counts against the family's summary limit
    it.c.channel = "all";
    it.c.metric = k.metric;
    it.c.period = report_.key;
    it.c.polarity = missed ? Polarity::Adverse : met ? Polarity::Favourable : Polarity::Neutral;
    it.c.metric_weight = analysis::metric_weight(info->cls, R_.weights);
    it.c.score = it.f.score;
    items_.push_back(std::move(it));
  }
}

void Engine::data_gaps() {
  for (const auto& g : in_.gaps) {
    auto ch = channels_.find(g.channel_id);
    const MetricInfo* info = info_of(g.metric);
    if (ch == channels_.end() || !info || g.spans.empty()) continue;
    std::string spans;
    for (std::size_t i = 0; i < g.spans.size() && i < 3; ++i) {
      if (i) spans += ", ";
      spans += text::format_span(g.spans[i].first, g.spans[i].last, lang_);
    }
    if (g.spans.size() > 3) spans += ", …";
    const auto* c = ch->second;
    std::string name = c->name + " (" + (S_.contains("platform." + c->platform) ? S_.get("platform." + c->platform) : c->platform) + ")";
    Item it;
    it.f.type = Type::DataGap;
    it.f.metric = g.metric;
    it.f.scope = "channel:" + std::to_string(g.channel_id);
    it.f.family = "data_gap";
    it.f.direction = Direction::None;
    it.f.tone = Tone::Neutral;
    it.f.why = S_.get("why.data_gap");
    it.f.sentence = S_.format_sentence("finding.data_gap_metric",
                                       {{"metric", S_.get(std::string("metric.") + info->subject + ".subject")},
                                        {"channel", name},
                                        {"span", bold(spans)}});
    double share = static_cast<double>(g.missing_days) / report_.days();
    bool own = c->owner == model::Owner::Own;
    it.f.score = own && share >= R_.gap_summary_share ? 1.0 : own ? 0.6 : 0.4;
    it.f.period = report_.key;
    it.f.inputs["missing_days"] = g.missing_days;
    it.dedup = false;
    it.c.family = "data_gap";
    it.c.channel = it.f.scope;
    it.c.metric = g.metric;
    it.c.period = report_.key;
    it.c.score = it.f.score;
    items_.push_back(std::move(it));
  }
}

// --- de-duplication -------------------------------------------------------------------------

void Engine::fold(const std::vector<std::size_t>& idx, const std::vector<std::size_t>& kept_of, const char* rule) {
  for (std::size_t j = 0; j < idx.size(); ++j) {
    if (kept_of[j] == j) continue;
    Item& gone = items_[idx[j]];
    Item& kept = items_[idx[kept_of[j]]];
    gone.alive = false;
    gone.dropped_by = rule;
    kept.f.inputs["folded"] += 1;
  }
}

void Engine::fold_rules() {
  auto live = [&](auto pred) {
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < items_.size(); ++i)
      if (items_[i].alive && items_[i].dedup && pred(items_[i])) idx.push_back(i);
    return idx;
  };
  auto cands = [&](const std::vector<std::size_t>& idx) {
    std::vector<analysis::Candidate> c;
    for (auto i : idx) c.push_back(items_[i].c);
    return c;
  };
  // Rule 2: trend and period change, same metric, channel and direction.
  auto tc = live([](const Item& it) { return it.f.type == Type::Trend || it.f.type == Type::Change; });
  fold(tc, analysis::fold_trend_and_change(cands(tc)), "trend_and_change");
  // Rule 1: one finding per (family, channel, period).
  auto fam = live([](const Item&) { return true; });
  fold(fam, analysis::fold_same_family(cands(fam)), "same_family");
}

void Engine::across_channels() {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (items_[i].alive && items_[i].dedup && items_[i].f.scope != "all") idx.push_back(i);
  std::vector<analysis::Candidate> c;
  for (auto i : idx) c.push_back(items_[i].c);
  for (const auto& g : analysis::group_across_channels(c, 3, 1.1)) {
    const Item& best = items_[idx[g.members.front()]];
    for (auto m : g.members) {
      items_[idx[m]].alive = false;
      items_[idx[m]].dropped_by = "across_channels";
    }
    // When all own channels together already say the same, the members just confirm it.
    bool covered = false;
    for (auto& it : items_) {
      if ((it.alive || it.explained) && it.f.scope == "all" && it.f.metric == best.f.metric &&
          (it.f.type == Type::Change || it.f.type == Type::Trend) && it.f.direction == best.f.direction) {
        it.f.inputs["channels"] = static_cast<double>(g.members.size());
        covered = true;
      }
    }
    if (covered) {
      for (auto& it : items_)
        if (it.alive && it.f.scope == "all" && it.f.metric == best.f.metric &&
            (it.f.type == Type::Change || it.f.type == Type::Trend) && it.f.direction == best.f.direction)
          it.f.score = std::max(it.f.score, best.f.score * R_.sub_scope_factor);
      continue;
    }
    const MetricInfo* info = info_of(best.f.metric);
    Item merged = best;
    merged.c = g.merged;
    merged.f.scope = "across";
    merged.f.score = g.merged.score;
    merged.alive = true;
    merged.dedup = false;
    bool up = best.f.direction == Direction::Up;
    std::string key = std::string("finding.across_") + (best.f.type == Type::Trend ? "trend_" : "") + (up ? "up" : "down") +
                      (best.f.type == Type::Trend && plural(*info) ? "_plural" : "");
    std::string scope = best.f.scope;
    std::string best_name;
    // The best member's scope name.
    if (scope.rfind("platform:", 0) == 0) {
      std::string p = scope.substr(9);
      best_name = S_.contains("platform." + p) ? S_.get("platform." + p) : p;
    } else if (scope.rfind("channel:", 0) == 0) {
      Scope sc;
      sc.kind = Scope::Kind::Channel;
      sc.channel_id = std::stoll(scope.substr(8));
      best_name = scope_name(sc);
    }
    merged.f.sentence = S_.format_sentence(
        key, {{"metric", S_.get(std::string("metric.") + info->subject + ".subject")},
              {"n", bold(std::to_string(g.members.size()))},
              {"period", period_in_sentence(report_, lang_)},
              {"channel", best_name},
              {"change", bold(best.figure)},
              {"units", unit(true)},
              {"unit", unit(false)}});
    merged.f.inputs["channels"] = static_cast<double>(g.members.size());
    items_.push_back(std::move(merged));
  }
}

void Engine::fold_into_all() {
  for (auto& sub : items_) {
    if (!sub.alive || !(sub.dedup || sub.year_ago) || sub.f.scope == "all" || sub.f.scope == "across") continue;
    for (auto& all : items_) {
      if (!(all.alive || all.explained) || all.f.scope != "all" || all.f.metric != sub.f.metric || all.f.type != sub.f.type ||
          all.f.direction != sub.f.direction || all.year_ago != sub.year_ago)
        continue;
      // The same story for all own channels: the platform confirms it.
      sub.alive = false;
      sub.dropped_by = "same_as_all_channels";
      if (all.alive) all.f.score = std::max(all.f.score, sub.f.score * R_.sub_scope_factor);
      all.f.inputs["channels"] += 1;
      break;
    }
    if (sub.alive) sub.f.score *= R_.sub_scope_factor;
  }
}

Considered Engine::run() {
  for (const Subject& s : subjects()) {
    changes(s);
    year_ago_change(s);
    trend(s);
  }
  spikes();
  targets();
  data_gaps();
  fold_rules();
  across_channels();
  fold_into_all();
  fold_year_ago();
  fold_targets();
  business_hours();
  mark_provisional();

  std::vector<std::size_t> live;
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (items_[i].alive && !items_[i].f.sentence.empty()) live.push_back(i);
  std::vector<analysis::Candidate> cands;
  for (auto i : live) {
    items_[i].c.score = items_[i].f.score;
    cands.push_back(items_[i].c);
    // All own channels together are the company, not one channel: no per-channel limit.
    if (cands.back().channel == "all") cands.back().channel = "all#" + std::to_string(cands.size());
  }
  auto sel = analysis::select_findings(cands, R_.cap);
  Considered out;
  std::vector<bool> chosen(items_.size(), false);
  for (auto j : sel.summary) {
    out.kept.push_back(items_[live[j]].f);
    out.kept.back().summary = true;
    chosen[live[j]] = true;
  }
  for (auto j : sel.others) {
    out.kept.push_back(items_[live[j]].f);
    out.kept.back().summary = false;
    chosen[live[j]] = true;
  }
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (chosen[i]) continue;
    Finding f = items_[i].f;
    f.dropped_by = !items_[i].dropped_by.empty() ? items_[i].dropped_by
                   : !items_[i].alive            ? "folded"
                   : f.sentence.empty()          ? "not_phrased"
                                                 : "cap";
    out.dropped.push_back(std::move(f));
  }
  out.dropped.insert(out.dropped.end(), rejected_.begin(), rejected_.end());
  return out;
}

}  // namespace

Considered consider_findings(const EngineInput& in, const text::Strings& strings, const EngineRules& rules) {
  Engine e(in, strings, rules);
  return e.run();
}

std::vector<Finding> find_findings(const EngineInput& in, const text::Strings& strings, const EngineRules& rules) {
  return consider_findings(in, strings, rules).kept;
}

std::vector<Finding> summary_findings(const std::vector<Finding>& all) {
  std::vector<Finding> out;
  for (const auto& f : all) {
    if (!f.summary) break;
    out.push_back(f);
  }
  return out;
}

std::string no_significant_changes(const text::Strings& strings, const series::PeriodSet& periods) {
  return strings.format_sentence("finding.no_significant_changes",
                                 {{"period", period_in_sentence(periods.all[periods.report], strings.language())},
                                  {"prev_period", period_in_sentence(periods.all[periods.previous], strings.language())}});
}

}  // namespace boardbrief::findings
