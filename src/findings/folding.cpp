// De-duplication (docs/findings-method.md §5): families, trend and change, across channels,
// platforms that confirm all own channels.
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
  Claim f = gone.f;
  f.dropped_by = gone.dropped_by;
  host.f.absorbed.push_back(std::move(f));
}

// Level and trend of one metric are one sentence: the stronger finding carries the other as a
// clause ("…(up 5 points on September; rising for 12 months, +2.2 points per month)").
void Engine::join_trend_and_change(Item& kept, const Item& gone) {
  if (gone.f.type != Type::Trend && gone.f.type != Type::Change) return;
  Clause c{gone.f.type == Type::Trend ? ClauseKind::Trend : ClauseKind::Change, gone.f.direction, gone.f.wording, {}};
  c.what.clauses.clear();
  kept.f.wording.clauses.push_back(std::move(c));
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
    Item merged = best;
    merged.c = g.merged;
    merged.f.scope = "across";
    merged.f.score = g.merged.score;
    merged.f.wording.across = static_cast<int>(g.members.size());
    merged.f.wording.across_best = best.f.scope;
    merged.f.wording.clauses.clear();
    merged.alive = true;
    merged.dedup = false;
    merged.f.inputs["channels"] = static_cast<double>(g.members.size());
    merged.f.absorbed.clear();
    for (auto m : g.members) absorb(merged, items_[idx[m]]);
    items_.push_back(std::move(merged));
  }
}

std::string Engine::platform_of(const std::string& key) const {
  const Scope s = parse_scope(key);
  if (s.kind == Scope::Kind::Platform) return s.platform;
  auto ch = channels_.find(s.channel_id);
  return s.kind == Scope::Kind::Channel && ch != channels_.end() ? ch->second->platform : key;
}

// Several metrics moving the same way across channels, led by the same platform, are one story:
// the strongest tells it and the others follow as "…rose there too" (docs/findings-method.md §5).
void Engine::fold_across_by_platform() {
  std::map<std::pair<std::string, Direction>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (items_[i].alive && items_[i].f.scope == "across" && items_[i].f.type == Type::Trend)
      groups[{platform_of(items_[i].f.wording.across_best), items_[i].f.direction}].push_back(i);
  for (auto& [key, idx] : groups) {
    if (idx.size() < 2) continue;
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return items_[a].f.score > items_[b].f.score; });
    Item& host = items_[idx.front()];
    for (std::size_t j = 1; j < idx.size(); ++j) {
      Item& gone = items_[idx[j]];
      gone.alive = false;
      gone.dropped_by = "same_platform_story";
      host.f.wording.clauses.push_back({ClauseKind::AlsoAcross, gone.f.direction, gone.f.wording, gone.f.metric});
      host.f.wording.clauses.back().what.clauses.clear();
      host.f.inputs["folded"] += 1;
      absorb(host, gone);
    }
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
