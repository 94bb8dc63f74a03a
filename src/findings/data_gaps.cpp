// Data-gap findings for missing days in the report period.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

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
    std::string name = c->name + " (" +
                       (S_.contains("platform." + c->platform) ? S_.get("platform." + c->platform) : c->platform) + ")";
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

}  // namespace boardbrief::findings::detail
