// Spikes and dips in the daily counts of the dialogue and in summed daily metrics (notes §2.2), and
// the period changes they explain (§5.3 rule 3).
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

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
      // Days before the database's first message are missing, not quiet days.
      for (std::size_t i = 0; i < c.size(); ++i)
        m.y.push_back(d.covered(i) ? std::optional<double>(static_cast<double>(c[i])) : std::nullopt);
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
    std::string lifting, explains;
    Direction explains_direction = Direction::None;
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
        explains = m.metric;
        explains_direction = Direction::Up;
        lifting = S_.format("finding.spike_lifting",
                            {{"period", period_in_sentence(report_, lang_)},
                             {"dpct", bold(text::format_percent(100.0 * (total / (total - excess) - 1), lang_))}});
      }
    }
    if (excess > 0 && m.metric == "negative_mentions") {
      lifting = sentiment_explained(excess);
      if (!lifting.empty()) {
        explains = "net_sentiment";
        explains_direction = Direction::Down;
      }
    }
    std::string carried;  // the spike sentence that carries the explanation
    // "about 10" a day; a level that rounds to nothing is "less than one".
    auto usual_level = [&](double e) {
      return e < 0.5 ? S_.get("finding.usual_under_one")
                     : S_.format("finding.usual_about", {{"n", text::format_count(e, lang_)}});
    };
    for (const auto& sp : scan.spikes) {
      const bool up = sp.z > 0;
      auto day = m.first + date::days{sp.day};
      std::string date_text = bold(text::format_day(day, lang_));
      std::string sentence;
      const bool as_ratio = R_.spike.phrase_as_ratio(sp);
      if (as_ratio && up) {
        std::string ratio = text::format_multiplier(*sp.ratio, lang_);
        // The day's count and the usual level beside the ratio, so two measures spiking on one
        // day read as two measures (docs/figures.md).
        sentence = S_.format_sentence("finding.spike", {{"metric", subject_text(*s.info, "")},
                                                        {"date", date_text},
                                                        {"ratio", bold(ratio)},
                                                        {"value", bold(text::format_count(sp.y, lang_))},
                                                        {"expected", text::format_count(sp.expected, lang_)}});
        if (!lifting.empty()) {
          sentence.pop_back();  // the full stop
          sentence += lifting + ".";
          lifting.clear();
          carried = explains;
        }
      } else if (as_ratio) {
        std::string below = S_.format("finding.below", {{"pct", text::format_percent(100.0 * (1 - *sp.ratio), lang_)}});
        sentence = S_.format_sentence("finding.dip", {{"metric", subject_text(*s.info, "")},
                                                      {"date", date_text},
                                                      {"ratio", bold(below)}});
      } else {
        sentence = S_.format_sentence(up ? "finding.spike_absolute" : "finding.dip_absolute",
                                      {{"metric", subject_text(*s.info, "")},
                                       {"date", date_text},
                                       {"value", bold(text::format_count(sp.y, lang_))},
                                       {"expected", usual_level(sp.expected)}});
        if (up && !lifting.empty()) {
          sentence.pop_back();
          sentence += lifting + ".";
          lifting.clear();
          carried = explains;
        }
      }
      Item& it = add(s, Type::Anomaly, FindingType::Anomaly, up, std::fabs(sp.z), false);
      it.f.sentence = std::move(sentence);
      it.dedup = false;  // spikes on different days are different news
      if (!carried.empty()) {
        it.explains = std::move(carried);
        it.explains_direction = explains_direction;
        carried.clear();
      }
      it.c.period = report_.key + "/" + std::to_string(sp.day);
      it.f.inputs["day_offset"] = sp.day - m.report_begin;  // days after the report period's first day
      it.f.inputs["value"] = sp.y;
      if (sp.ratio) it.f.inputs["ratio"] = *sp.ratio;
      it.f.inputs["ratio_shown"] = as_ratio ? 1.0 : 0.0;  // the sentence (and chart note) use the ratio
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

}  // namespace boardbrief::findings::detail
