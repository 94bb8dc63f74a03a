// Data-gap claims for missing days in the report period.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

void Engine::data_gaps() {
  for (const auto& g : in_.gaps) {
    auto ch = channels_.find(g.channel_id);
    if (ch == channels_.end() || !info_of(g.metric) || g.spans.empty()) continue;
    Item it;
    it.f.type = Type::DataGap;
    it.f.metric = g.metric;
    it.f.scope = "channel:" + std::to_string(g.channel_id);
    it.f.family = "data_gap";
    it.f.direction = Direction::None;
    it.f.tone = Tone::Neutral;
    it.f.wording.form = Form::DataGap;
    it.f.wording.channel_id = g.channel_id;
    for (const auto& span : g.spans) it.f.wording.spans.emplace_back(span.first, span.last);
    it.f.wording.why.kind = WhyKind::DataGap;
    double share = static_cast<double>(g.missing_days) / report_.days();
    bool own = ch->second->owner == model::Owner::Own;
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

}  // namespace boardbrief::findings::detail
