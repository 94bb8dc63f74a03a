// The business-hours median: a clause of the first-response finding, or a note of its own.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

namespace mk = model::metric_key;

// Customers experience calendar time, so it stays the headline; with business hours configured
// the same median in business time follows the first-response finding, or stands as a note.
void Engine::business_hours() {
  const auto* dlg = in_.data.find_dialogue(Scope::all_own());
  if (!dlg || ps_.report >= dlg->periods.size()) return;
  const auto& p = dlg->periods[ps_.report];
  if (!p.business_p50 || p.business_p50->infinite || !p.frt_p50 || p.frt_p50->infinite) return;
  const double minutes = static_cast<double>(p.business_p50->seconds) / 60.0;
  for (auto& it : items_) {
    if (!it.alive || it.f.metric != mk::kFirstResponseP50 || it.f.scope != "all" || !it.f.told()) continue;
    Clause c{ClauseKind::BusinessHours, Direction::None, {}, {}};
    c.what.value = minutes;
    it.f.wording.clauses.push_back(std::move(c));
    it.f.inputs["business_hours_median_minutes"] = minutes;
    return;
  }
  Item it;
  it.f.type = Type::Note;
  it.f.metric = mk::kFirstResponseP50;
  it.f.scope = "all";
  it.f.family = "frt";
  it.f.direction = Direction::None;
  it.f.tone = Tone::Neutral;
  it.f.period = report_.key;
  it.f.provisional = p.provisional;
  it.f.wording.form = Form::BusinessHours;
  it.f.wording.value = minutes;
  it.f.wording.previous = static_cast<double>(p.frt_p50->seconds) / 60.0;
  it.f.score = 0.5;  // context, never in the summary
  it.f.inputs["business_hours_median_minutes"] = minutes;
  it.f.inputs["calendar_median_minutes"] = static_cast<double>(p.frt_p50->seconds) / 60.0;
  it.dedup = false;
  it.c.family = "frt_business";
  it.c.channel = "all";
  it.c.metric = mk::kFirstResponseP50;
  it.c.period = report_.key;
  it.c.score = it.f.score;
  items_.push_back(std::move(it));
}

}  // namespace boardbrief::findings::detail
