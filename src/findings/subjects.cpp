// Which scopes are analysed, and the metric series of each subject.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

namespace mk = model::metric_key;

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

std::vector<Subject> Engine::subjects() const {
  std::vector<Subject> out;
  metric_subjects(out);
  dialogue_subjects(out);
  return out;
}

// The stored and derived metrics of every analysed scope.
void Engine::metric_subjects(std::vector<Subject>& out) const {
  const auto& data = in_.data;
  const std::size_t w = ps_.window_size;
  for (const auto& [key, ms] : data.metric_series) {
    const MetricInfo* info = info_of(ms.metric);
    if (!info || !analysed(ms.scope)) continue;
    Subject s;
    s.info = info;
    s.scope = ms.scope;
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
      s.year_ago_coverage =
          ya < ms.days_with_data.size() ? ms.days_with_data[ya] / static_cast<double>(ps_.all[ya].days()) : 0.0;
    }
    out.push_back(std::move(s));
  }
}

void Engine::dialogue_subjects(std::vector<Subject>& out) const {
  for (const auto& [key, ds] : in_.data.dialogue) {
    if (!analysed(ds.scope)) continue;
    for (const char* metric : {mk::kUnansweredShare, mk::kFirstResponseP50, mk::kNeedsReply, mk::kNetSentiment}) {
      Subject s = dialogue_subject(ds, info_of(metric));
      if (s.info) out.push_back(std::move(s));
    }
  }
}

namespace {

// One dialogue period's figure of the metric, and the proportion a binomial test uses.
std::pair<std::optional<double>, std::optional<analysis::Proportion>> dialogue_figure(Kind kind,
                                                                                      const series::DialoguePeriod& p) {
  std::optional<double> v;
  std::optional<analysis::Proportion> prop;
  if (!p.covered) return {v, prop};  // before the database's first message or after its last
  switch (kind) {
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
  return {v, prop};
}

}  // namespace

// The subject of one dialogue metric of one scope; info == nullptr when the scope has no messages.
Subject Engine::dialogue_subject(const series::DialogueSeries& ds, const MetricInfo* info) const {
  Subject s;
  s.info = info;
  s.scope = ds.scope;
  s.better = s.info->key == std::string(mk::kNeedsReply)     ? model::Better::None
             : s.info->key == std::string(mk::kNetSentiment) ? model::Better::Up
                                                             : model::Better::Down;
  bool any = false;
  for (std::size_t i = 0; i < ps_.window_size && i < ds.periods.size(); ++i) {
    const auto& p = ds.periods[i];
    auto [v, prop] = dialogue_figure(info->kind, p);
    if (p.covered && (p.needs_reply > 0 || p.inbound > 0)) any = true;
    s.values.push_back(v);
    s.proportions.push_back(prop);
    s.coverage.push_back(1.0);
  }
  if (!any) return {};
  if (ps_.year_ago < ds.periods.size()) {
    std::tie(s.year_ago, s.year_ago_proportion) = dialogue_figure(info->kind, ds.periods[ps_.year_ago]);
    s.year_ago_coverage = 1.0;
  }
  if (info->kind == Kind::Minutes) {
    const auto& cur = ds.periods[ps_.report];
    const auto& old = ds.periods[ps_.previous];
    s.enough_sample = cur.mature >= R_.rate.min_total && old.mature >= R_.rate.min_total;
    s.enough_sample_year = cur.mature >= R_.rate.min_total && ps_.year_ago < ds.periods.size() &&
                           ds.periods[ps_.year_ago].mature >= R_.rate.min_total;
  }
  // Response figures leave out messages whose window has not closed: say so.
  s.provisional = (info->kind == Kind::Rate || info->kind == Kind::Minutes) && ps_.report < ds.periods.size() &&
                  ds.periods[ps_.report].provisional;
  return s;
}

}  // namespace boardbrief::findings::detail
