// The phrasing pass: the selection's claims in one language, "why it matters", where a change
// came from, and the provisional note.
#include "findings/phrase.h"

#include <algorithm>

#include "findings/engine.h"
#include "findings/phraser.h"

namespace boardbrief::findings {

namespace detail {

Phraser::Phraser(const Selection& s, const text::Strings& strings)
    : sel_(s), S_(strings), lang_(strings.language()), ps_(s.periods) {
  for (const auto& c : s.channels) channels_[c.id] = &c;
  for (const auto& c : s.channels)
    if (c.owner == model::Owner::Own) ++own_per_platform_[c.platform];
}

std::string Phraser::value_text(Kind k, double v) const {
  switch (k) {
    case Kind::Rate: return text::format_percent(v, lang_);
    case Kind::Minutes: return text::format_duration(v, lang_);
    case Kind::Score: return text::format_signed(v, 0, lang_);
    case Kind::Level: return text::format_count(v, lang_);
  }
  return {};
}

std::string Phraser::count_text(const MetricInfo& m, double v, bool strong) const {
  const std::string number = strong ? bold(value_text(m.kind, v)) : value_text(m.kind, v);
  const std::string key = std::string("metric.") + m.subject + ".count";
  if (m.kind != Kind::Level || !S_.contains(key)) return number;
  return S_.format_plural(key, std::llround(v), {{"n", number}});
}

std::string Phraser::noun(const MetricInfo& m) const { return S_.get(std::string("metric.") + m.subject + ".noun"); }

// "month"/"months" (or week, quarter, year, period) for the report's granularity.
std::string Phraser::unit(bool plural) const {
  const char* u = "period";
  switch (ps_.all[ps_.report].kind) {
    case model::Granularity::Week: u = "week"; break;
    case model::Granularity::Month: u = "month"; break;
    case model::Granularity::Quarter: u = "quarter"; break;
    case model::Granularity::Year: u = "year"; break;
    case model::Granularity::Custom: u = "period"; break;
  }
  return S_.get(std::string("finding.unit_") + u + (plural ? "s" : ""));
}

// Whether the language treats the metric's subject as plural ("impressions have risen").
bool Phraser::plural(const MetricInfo& m) const {
  std::string list = " " + S_.get("finding.plural_subjects") + " ";
  return list.find(std::string(" ") + m.subject + " ") != std::string::npos;
}

std::string Phraser::platform_name(const std::string& p) const {
  return S_.contains("platform." + p) ? S_.get("platform." + p) : p;
}

std::string Phraser::scope_name(const std::string& key) const {
  if (key.rfind("platform:", 0) == 0) return platform_name(key.substr(9));
  if (key.rfind("channel:", 0) != 0) return "";
  const std::int64_t id = std::stoll(key.substr(8));
  auto it = channels_.find(id);
  if (it == channels_.end()) return "#" + std::to_string(id);
  return it->second->name + " (" + platform_name(it->second->platform) + ")";
}

std::string Phraser::short_scope_name(const std::string& key) const {
  if (key.rfind("channel:", 0) == 0) {
    auto ch = channels_.find(std::stoll(key.substr(8)));
    auto own = ch == channels_.end() ? own_per_platform_.end() : own_per_platform_.find(ch->second->platform);
    if (own != own_per_platform_.end() && own->second == 1 && ch->second->owner == model::Owner::Own)
      return platform_name(ch->second->platform);
  }
  return scope_name(key);
}

std::string Phraser::subject(const MetricInfo& m, const std::string& scope_key) const {
  const std::string base = std::string("metric.") + m.subject, name = scope_name(scope_key);
  if (name.empty()) return S_.get(base + ".subject");
  return S_.format(base + ".subject_channel", {{"channel", name}});
}

std::string Phraser::names_of(const std::vector<Contribution>& parts) const {
  std::vector<std::string> names;
  for (const auto& p : parts) {
    if (p.by == "topic") {
      names.push_back(S_.contains("topic." + p.key) ? S_.get("topic." + p.key) : p.key);
      continue;
    }
    names.push_back(short_scope_name(p.key));
  }
  if (names.empty()) return "";
  if (names.size() == 1) return names[0];
  return S_.format("method.and", {{"a", names[0]}, {"b", names[1]}});
}

std::string Phraser::attribution(const Claim& c) const {
  const Attribution& a = c.wording.attribution;
  if (a.empty() || c.wording.form == Form::Event) return "";  // an event names them in its sentence
  if (a.spike) {
    const char* key = !a.about.empty() && !a.where.empty() ? "method.spike_topic_where"
                      : !a.about.empty()                   ? "method.spike_topic"
                                                           : "method.spike_where";
    return S_.format_sentence(key, {{"n", text::format_count(a.count, lang_)},
                                    {"total", text::format_count(a.total, lang_)},
                                    {"topic", names_of(a.about)},
                                    {"where", names_of(a.where)}});
  }
  auto pct = [&](const std::vector<Contribution>& n) {
    double s = 0;
    for (const auto& p : n) s += p.share;
    return text::format_percent(100.0 * std::min(s, 1.0), lang_);
  };
  const std::string change = S_.get(c.direction == Direction::Up ? "method.rise" : "method.fall");
  const std::string w = names_of(a.where), t = names_of(a.about);
  if (!a.where.empty() && !a.about.empty())
    return S_.format_sentence(
        a.all ? "method.where_topic_all" : "method.where_topic",
        {{"where", w}, {"share", pct(a.where)}, {"change", change}, {"tshare", pct(a.about)}, {"topic", t}});
  if (!a.where.empty())
    return S_.format_sentence("method.where", {{"where", w}, {"share", pct(a.where)}, {"change", change}});
  return S_.format_sentence(a.all ? "method.topic_all" : "method.topic",
                            {{"share", pct(a.about)}, {"change", change}, {"topic", t}});
}

// "Why it matters", specific where the claim carries the numbers (docs/findings-method.md): the
// target gap, the customers left without a reply or the day's messages; the metric's general
// line otherwise.
std::string Phraser::why(const Claim& c) const {
  const Why& y = c.wording.why;
  const MetricInfo* m = metric_of(c);
  switch (y.kind) {
    case WhyKind::DataGap: return S_.get("why.data_gap");
    case WhyKind::DataQuality: return S_.get("data_quality.why");
    case WhyKind::Target:
      return S_.format_sentence("method.why_target",
                                {{"target", value_text(m->kind, y.target)},
                                 {"period", period_since(ps_.all[ps_.report], lang_)},
                                 {"gap", m->kind == Kind::Rate ? text::format_points(std::fabs(y.gap), lang_)
                                                               : value_text(m->kind, std::fabs(y.gap))},
                                 {"side", S_.get(y.gap > 0 ? "method.above" : "method.below")}});
    case WhyKind::Unanswered:
      return S_.format_sentence("method.why_unanswered",
                                {{"n", text::format_count(y.count, lang_)}, {"period", report()}});
    case WhyKind::Event:
      return S_.format_sentence("method.why_event", {{"n", text::format_count(y.count, lang_)},
                                                     {"date", text::format_day(y.day, lang_)},
                                                     {"usual", text::format_count(y.usual, lang_)}});
    case WhyKind::Negative:
      return S_.format_sentence("method.why_negative", {{"n", text::format_count(y.count, lang_)},
                                                        {"weekday", text::weekday_name(date::weekday{y.day}, lang_)},
                                                        {"usual", text::format_count(y.usual, lang_)}});
    case WhyKind::Metric: return m ? S_.get(m->why) : "";
  }
  return "";
}

// Dialogue findings whose response window has not closed for the report period say so: the
// first in ranked order (the summary's, and so the mail's, first such finding) with the full
// sentence, every later one with a short marker, so the board reads the explanation once.
void Phraser::mark_provisional(std::string& t, bool full) const {
  if (full) {
    t += " " +
         S_.format_sentence("finding.provisional_dialogue",
                            {{"hours", std::to_string(sel_.response_window_seconds / 3600)}, {"period", report()}});
    return;
  }
  // "…on October 2025)." -> "…on October 2025; provisional)."; else "… (provisional)."
  const std::string marker = S_.get("finding.provisional");
  if (t.size() >= 2 && t.compare(t.size() - 2, 2, ").") == 0)
    t.insert(t.size() - 2, "; " + marker);
  else if (!t.empty() && t.back() == '.')
    t.insert(t.size() - 1, " (" + marker + ")");
  else
    t += " (" + marker + ")";
}

}  // namespace detail

Finding phrase_claim(const Claim& c, const Selection& s, const text::Strings& strings) {
  detail::Phraser p(s, strings);
  Finding f;
  static_cast<Claim&>(f) = c;
  f.sentence = p.sentence(c);
  f.why = p.why(c);
  return f;
}

Considered phrase(const Selection& s, const text::Strings& strings) {
  detail::Phraser p(s, strings);
  Considered out;
  bool said = false;  // the provisional note in full, once
  for (const auto* claims : {&s.kept, &s.dropped}) {
    auto& list = claims == &s.kept ? out.kept : out.dropped;
    for (const Claim& c : *claims) {
      Finding f;
      static_cast<Claim&>(f) = c;
      f.sentence = p.sentence(c);
      f.why = p.why(c);
      if (c.provisional && !f.sentence.empty()) {
        // Dropped candidates stand alone in the audit trail and keep the full sentence.
        const bool full = claims == &s.dropped || !said;
        p.mark_provisional(f.sentence, full);
        if (claims == &s.kept) said = true;
      }
      // Where the change came from is its own sentence, after any "(provisional)" marker.
      const std::string where = p.attribution(c);
      if (!where.empty() && !f.sentence.empty()) f.sentence += " " + where;
      list.push_back(std::move(f));
    }
  }
  return out;
}

std::string no_significant_changes(const text::Strings& strings, const series::PeriodSet& periods) {
  return strings.format_sentence(
      "finding.no_significant_changes",
      {{"period", period_in_sentence(periods.all[periods.report], strings.language())},
       {"prev_period", period_in_sentence(periods.all[periods.previous], strings.language())}});
}

}  // namespace boardbrief::findings
