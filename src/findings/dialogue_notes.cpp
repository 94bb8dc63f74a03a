// Notes on dialogue findings: the business-hours median and the provisional wording.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

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
  it.f.sentence =
      S_.format_sentence("finding.business_hours_note",
                         {{"period", period_in_sentence(report_, lang_)},
                          {"value", value},
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

// Dialogue findings whose response window has not closed for the report period say so: the
// first in ranked order (the summary's, and so the mail's, first such finding) with the full
// sentence, every later one with a short marker, so the board reads the explanation once.
// Dropped candidates stand alone in the audit trail and keep the full sentence.
void Engine::mark_provisional(Considered& out) const {
  const std::string full = S_.format_sentence("finding.provisional_dialogue",
                                              {{"hours", std::to_string(in_.data.response_window_seconds / 3600)},
                                               {"period", period_in_sentence(report_, lang_)}});
  const std::string marker = S_.get("finding.provisional");
  bool said = false;
  for (auto& f : out.kept) {
    if (!f.provisional || f.sentence.empty()) continue;
    if (!said) {
      f.sentence += " " + full;
      said = true;
      continue;
    }
    // "…on October 2025)." -> "…on October 2025; provisional)."; else "… (provisional)."
    std::string& t = f.sentence;
    if (t.size() >= 2 && t.compare(t.size() - 2, 2, ").") == 0)
      t.insert(t.size() - 2, "; " + marker);
    else if (!t.empty() && t.back() == '.')
      t.insert(t.size() - 1, " (" + marker + ")");
    else
      t += " (" + marker + ")";
  }
  for (auto& f : out.dropped)
    if (f.provisional && !f.sentence.empty()) f.sentence += " " + full;
}

}  // namespace boardbrief::findings::detail
