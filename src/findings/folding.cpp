// De-duplication (docs/findings-method.md §5): families, trend and change, across channels, platforms that confirm
// all own channels.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

void Engine::fold(const std::vector<std::size_t>& idx, const std::vector<std::size_t>& kept_of, const char* rule) {
  for (std::size_t j = 0; j < idx.size(); ++j) {
    if (kept_of[j] == j) continue;
    Item& gone = items_[idx[j]];
    Item& kept = items_[idx[kept_of[j]]];
    gone.alive = false;
    gone.dropped_by = rule;
    kept.f.inputs["folded"] += 1;
    absorb(kept, gone);
    if (std::string(rule) == "trend_and_change") join_trend_and_change(kept, gone);
  }
}

void Engine::absorb(Item& host, const Item& gone) {
  Finding f = gone.f;
  f.dropped_by = gone.dropped_by;
  host.f.absorbed.push_back(std::move(f));
}

// Level and trend of one metric are one sentence: the stronger finding carries the other as a
// clause ("…(up 5 points on September; rising for 12 months, +2.2 points per month)").
void Engine::join_trend_and_change(Item& kept, const Item& gone) {
  const bool up = gone.f.direction == Direction::Up;
  std::string clause;
  if (gone.f.type == Type::Trend && !gone.figure.empty()) {
    auto w = gone.f.inputs.find("window");
    clause = S_.format(up ? "method.trend_clause_up" : "method.trend_clause_down",
                       {{"n", std::to_string(w == gone.f.inputs.end() ? 0 : static_cast<int>(w->second))},
                        {"units", unit(true)},
                        {"unit", unit(false)},
                        {"slope", gone.figure}});
  } else if (gone.f.type == Type::Change && !gone.figure.empty()) {
    clause = S_.format(up ? "method.change_clause_up" : "method.change_clause_down",
                       {{"change", gone.figure}, {"prev_period", period_in_sentence(previous_, lang_)}});
  }
  if (clause.empty()) return;
  std::string& t = kept.f.sentence;
  if (t.size() < 2) return;
  if (t.compare(t.size() - 2, 2, ").") == 0)
    t.insert(t.size() - 2, "; " + clause);
  else
    t.insert(t.size() - 1, " (" + clause + ")");
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
    // The channel named is the one that moved most (its contribution), not the first by rank.
    auto moved = [&](const Item& it) {
      auto v = it.f.inputs.find("value"), p = it.f.inputs.find("previous");
      return v != it.f.inputs.end() && p != it.f.inputs.end() ? std::fabs(v->second - p->second) : it.f.score;
    };
    std::size_t top = g.members.front();
    for (auto m : g.members)
      if (moved(items_[idx[m]]) > moved(items_[idx[top]])) top = m;
    const Item& best = items_[idx[top]];
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
    std::string key = std::string("finding.across_") + (best.f.type == Type::Trend ? "trend_" : "") +
                      (up ? "up" : "down") + (best.f.type == Type::Trend && plural(*info) ? "_plural" : "");
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
    merged.f.sentence =
        S_.format_sentence(key, {{"metric", S_.get(std::string("metric.") + info->subject + ".subject")},
                                 {"n", bold(std::to_string(g.members.size()))},
                                 {"period", period_in_sentence(report_, lang_)},
                                 {"channel", best_name},
                                 {"change", best.figure},
                                 {"units", unit(true)},
                                 {"unit", unit(false)}});
    merged.f.inputs["channels"] = static_cast<double>(g.members.size());
    merged.f.absorbed.clear();
    for (auto m : g.members) absorb(merged, items_[idx[m]]);
    items_.push_back(std::move(merged));
  }
}

void Engine::fold_into_all() {
  for (auto& sub : items_) {
    if (!sub.alive || !(sub.dedup || sub.year_ago) || sub.f.scope == "all" || sub.f.scope == "across") continue;
    for (auto& all : items_) {
      // A platform's change or trend that moves the same way as the company's change or trend of
      // the metric (against either period) confirms it; it is not a second story.
      auto story = [](const Item& i) { return i.f.type == Type::Change || i.f.type == Type::Trend; };
      if (!(all.alive || all.explained) || all.f.scope != "all" || all.f.metric != sub.f.metric ||
          !(all.f.type == sub.f.type || (story(all) && story(sub))) || all.f.direction != sub.f.direction)
        continue;
      // The same story for all own channels: the platform confirms it.
      sub.alive = false;
      sub.dropped_by = "same_as_all_channels";
      absorb(all, sub);
      if (all.alive) all.f.score = std::max(all.f.score, sub.f.score * R_.sub_scope_factor);
      all.f.inputs["channels"] += 1;
      break;
    }
    if (sub.alive) sub.f.score *= R_.sub_scope_factor;
  }
}

}  // namespace boardbrief::findings::detail
