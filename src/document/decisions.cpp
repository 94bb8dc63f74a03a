#include "document/decisions.h"

#include <algorithm>

#include "document/names.h"
#include "document/tiles.h"
#include "findings/phrasing.h"
#include "model/metric_keys.h"
#include "text/date_format.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

namespace mk = model::metric_key;

namespace {

using findings::Finding;
using findings::Type;

const model::Period* period_of(const series::PeriodSet& ps, const std::string& key) {
  for (const auto& p : ps.all)
    if (p.key == key) return &p;
  return nullptr;
}

std::string since_text(const series::PeriodSet& ps, const std::string& key, const text::Language& lang) {
  const model::Period* p = period_of(ps, key);
  return p ? findings::period_since(*p, lang) : key;
}

// The language file's subject of a metric: the needs-reply count is phrased as "inbound".
std::string subject_key(const std::string& metric) { return metric == mk::kNeedsReply ? mk::kInbound : metric; }

bool plural(const text::Strings& S, const std::string& metric) {
  const std::string list = " " + S.get("finding.plural_subjects") + " ";
  return list.find(" " + subject_key(metric) + " ") != std::string::npos;
}

std::string subject(const text::Strings& S, const series::ReportData& data, const Finding& f) {
  const std::string base = "metric." + subject_key(f.metric);
  const std::string where = scope_label(S, data, f.scope);
  if (S.contains(base + ".subject"))
    return where.empty() ? S.get(base + ".subject") : S.format(base + ".subject_channel", {{"channel", where}});
  return f.metric;
}

std::string verb(const text::Strings& S, const findings::Claim& f) {
  const bool up = f.direction == findings::Direction::Up;
  std::string key;
  bool may_be_plural = false;
  switch (f.type) {
    case Type::Target:
      key = f.tone == findings::Tone::Good ? "verb_target_met" : up ? "verb_target_above" : "verb_target_below";
      may_be_plural = true;
      break;
    case Type::Trend:
      key = up ? "verb_rising" : "verb_falling";
      may_be_plural = true;
      break;
    case Type::Anomaly: key = up ? "verb_spiked" : "verb_dropped"; break;
    case Type::DataGap:
      key = "verb_gap";
      may_be_plural = true;
      break;
    case Type::Change:
    case Type::Record: key = up ? "verb_rose" : "verb_fell"; break;
    case Type::Note: return "";
  }
  if (may_be_plural && plural(S, f.metric)) key += "_plural";
  return S.get("decisions." + key);
}

std::string mark(const text::Strings& S, const series::PeriodSet& ps, const findings::Continuity* c, std::size_t i) {
  if (!c || i >= c->kept.size()) return "";
  const auto& m = c->kept[i];
  if (m.status == findings::Status::New) return S.get("decisions.mark_new");
  return S.format("decisions.mark_since", {{"since", since_text(ps, m.since, S.language())}});
}

// "the unanswered share is above its target and has been rising (since July 2026)": the
// findings of one metric and scope among `shown`, from position `first`, in one phrase.
std::string phrase_group(const text::Strings& S, const series::ReportData& data, const std::vector<Finding>& shown,
                         const std::vector<std::size_t>& group, const findings::Continuity* c) {
  // The group's own verbs, then those of a target or trend folded into them (the engine phrases
  // "rose to 38 % …; the target is at most 15 %" as one finding: "rose and are above their target").
  std::vector<std::string> said;
  auto say = [&](const findings::Claim& f) {
    const std::string v = verb(S, f);
    if (!v.empty() && std::find(said.begin(), said.end(), v) == said.end()) said.push_back(v);
  };
  for (std::size_t i : group) say(shown[i]);
  for (std::size_t i : group) {  // a target folded as a clause leaves its value and target in the inputs
    const Finding& f = shown[i];
    auto value = f.inputs.find("value"), target = f.inputs.find("target");
    if (f.type != Type::Change || f.tone != findings::Tone::Bad || value == f.inputs.end() ||
        target == f.inputs.end() || value->second == target->second)
      continue;
    Finding t = f;
    t.type = Type::Target;
    t.direction = value->second > target->second ? findings::Direction::Up : findings::Direction::Down;
    say(t);
  }
  for (std::size_t i : group)
    for (const findings::Claim& a : shown[i].absorbed)
      if ((a.type == Type::Target || a.type == Type::Trend) && a.metric == shown[i].metric &&
          a.scope == shown[i].scope && a.tone == shown[i].tone)
        say(a);
  std::string verbs;
  for (const auto& v : said) verbs = verbs.empty() ? v : S.format("decisions.joined", {{"a", verbs}, {"b", v}});
  // The run of the group's oldest member says since when the problem has been there.
  std::size_t oldest = group.front();
  if (c)
    for (std::size_t i : group)
      if (i < c->kept.size() && c->kept[i].since < c->kept[oldest].since) oldest = i;
  return subject(S, data, shown[group.front()]) + " " + verbs + mark(S, data.periods, c, oldest);
}

// Findings of `shown` grouped by metric and scope, in order of first appearance, adverse first.
std::vector<std::vector<std::size_t>> groups(const std::vector<Finding>& shown, bool adverse) {
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Finding& f = shown[i];
    if (f.type == Type::Note || (f.tone == findings::Tone::Bad) != adverse) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const std::vector<std::size_t>& g) {
      return shown[g.front()].metric == f.metric && shown[g.front()].scope == f.scope;
    });
    if (it == out.end())
      out.push_back({i});
    else
      it->push_back(i);
  }
  return out;
}

const char* status_key(model::ActionStatus s) {
  return s == model::ActionStatus::Done         ? "decisions.action_done"
         : s == model::ActionStatus::InProgress ? "decisions.action_in_progress"
                                                : "decisions.action_planned";
}

std::string action_text(const text::Strings& S, const model::Action& a) {
  const char* status = status_key(a.status);
  return S.format("decisions.action_text", {{"action", a.action},
                                            {"owner", a.owner},
                                            {"due", text::format_date(a.due, S.language())},
                                            {"status", S.get(status)}});
}

}  // namespace

std::string scope_label(const text::Strings& S, const series::ReportData& data, const std::string& scope) {
  if (scope.rfind("platform:", 0) == 0) return platform_name(S, scope.substr(9));
  if (scope.rfind("channel:", 0) == 0) {
    for (const auto& ch : data.channels)
      if ("channel:" + std::to_string(ch.id) == scope) return ch.name + " (" + platform_name(S, ch.platform) + ")";
    return scope;
  }
  return "";
}

std::string bottom_line(const text::Strings& S, const series::ReportData& data, const std::vector<Finding>& shown,
                        const findings::Continuity* continuity) {
  const auto& ps = data.periods;
  const std::string period = findings::period_in_sentence(ps.all[ps.report], S.language());
  auto adverse = groups(shown, true);
  if (!adverse.empty()) {
    std::string rest;
    if (adverse.size() > 1)
      rest = S.format("decisions.bottom_line_also", {{"item", phrase_group(S, data, shown, adverse[1], continuity)}});
    return S.format_sentence(
        "decisions.bottom_line_attention",
        {{"period", period}, {"first", phrase_group(S, data, shown, adverse[0], continuity)}, {"rest", rest}});
  }
  auto other = groups(shown, false);
  if (!other.empty())
    return S.format_sentence("decisions.bottom_line_favourable",
                             {{"period", period}, {"first", phrase_group(S, data, shown, other[0], continuity)}});
  return S.format_sentence("decisions.bottom_line_calm", {{"period", period}});
}

std::vector<std::pair<std::string, std::string>> finding_notes(const text::Strings& S, const series::PeriodSet& ps,
                                                               const Decisions& d, const std::vector<Finding>& kept,
                                                               std::size_t index, bool page1, bool with_status) {
  std::vector<std::pair<std::string, std::string>> notes;
  if (index >= kept.size()) return notes;
  const Finding& f = kept[index];
  std::string lead;
  if (with_status && d.continuity && index < d.continuity->kept.size()) {
    const auto& m = d.continuity->kept[index];
    lead = m.status == findings::Status::New
               ? S.format_sentence("decisions.status_new",
                                   {{"period", findings::period_in_sentence(ps.all[ps.report], S.language())}})
               : S.format_sentence("decisions.status_since", {{"since", since_text(ps, m.since, S.language())}});
  }
  std::string text;
  // A finding listed right after another answered by the same actions (a metric's level and
  // trend) does not repeat them.
  const bool repeat = d.actions && index > 0 && index < d.matches.by_finding.size() &&
                      !d.matches.by_finding[index].empty() &&
                      d.matches.by_finding[index] == d.matches.by_finding[index - 1];
  if (d.actions && index < d.matches.by_finding.size() && !repeat)
    for (std::size_t j : d.matches.by_finding[index])
      text += (text.empty() ? "" : " ") + S.get("decisions.action_lead") + " " + action_text(S, (*d.actions)[j]);
  if (text.empty() && !repeat && page1 && d.no_action_line && f.tone == findings::Tone::Bad)
    text = S.get("decisions.no_action");
  if (!lead.empty() || !text.empty()) notes.emplace_back(lead, text);
  for (const auto& o : d.outlook) {
    if (o.finding != index) continue;
    const std::string outlook = S.get("decisions.outlook_lead") + " " + outlook_sentence(S, o);
    // "Continuing since April 2026." with nothing after it: the outlook runs on in the same line.
    if (!notes.empty() && notes.back().second.empty())
      notes.back().second = outlook;
    else
      notes.emplace_back(S.get("decisions.outlook_lead"), outlook_sentence(S, o));
  }
  return notes;
}

std::string outlook_sentence(const text::Strings& S, const findings::Outlook& o) {
  analysis::Kpi k;
  k.kind = o.kind;
  const auto lang = S.language();
  const std::string base = "metric." + subject_key(o.metric);
  const std::string key = std::string(o.target.at_most ? "decisions.outlook_at_most" : "decisions.outlook_at_least") +
                          (plural(S, o.metric) ? "_plural" : "");
  return S.format(key, {{"subject", S.contains(base + ".subject") ? S.get(base + ".subject") : o.metric},
                        {"low", format_kpi_value(k, o.projection.low, lang)},
                        {"high", format_kpi_value(k, o.projection.high, lang)},
                        {"by", findings::period_since(o.by, lang)},
                        {"target", format_kpi_value(k, o.target.value, lang)}});
}

void register_outlook(const FigureNames& names, const text::Strings& S, const findings::Outlook& o) {
  analysis::Kpi k;
  k.kind = o.kind;
  const std::string base = "metric." + subject_key(o.metric);
  const std::string metric = S.contains(base + ".label") ? S.get(base + ".label") : o.metric;
  for (const bool high : {false, true}) {
    const double v = high ? o.projection.high : o.projection.low;
    names.value_in(
        o.by, std::string(high ? "outlook_high." : "outlook_low.") + o.metric,
        S.format(high ? "decisions.figure_outlook_high" : "decisions.figure_outlook_low", {{"metric", metric}}), "all",
        names.all_own(), v, format_kpi_value(k, v, S.language()));
  }
}

std::optional<Paragraph> resolved_paragraph(const text::Strings& S, const series::ReportData& data,
                                            const findings::Continuity* continuity) {
  if (!continuity || continuity->resolved.empty()) return std::nullopt;
  const auto& ps = data.periods;
  const auto lang = S.language();
  std::string items;
  for (const auto& r : continuity->resolved) {
    const model::Period* from = period_of(ps, r.since);
    const model::Period* to = period_of(ps, r.last.period);
    std::string span = to ? findings::period_since(*to, lang) : r.last.period;
    if (from && to && !(*from == *to)) span = findings::period_since(*from, lang) + "–" + span;
    const std::string phrase = subject(S, data, r.last) + " " + verb(S, r.last);
    items += (items.empty() ? "" : "; ") + S.format("decisions.resolved_item", {{"phrase", phrase}, {"span", span}});
  }
  return Paragraph{
      S.format_sentence("decisions.resolved",
                        {{"period", findings::period_in_sentence(ps.all[ps.report], lang)}, {"items", items}}),
      true, false};
}

void add_unmatched_actions(std::vector<Block>& blocks, const text::Strings& S, const series::ReportData& data,
                           const Decisions& d) {
  if (!d.actions || d.matches.unmatched.empty()) return;
  const auto& ps = data.periods;
  blocks.push_back(SectionHeading{
      S.get("decisions.unmatched_title"),
      S.format("decisions.unmatched_note", {{"period", findings::period_in_sentence(ps.all[ps.report], S.language())}}),
      ""});
  for (std::size_t j : d.matches.unmatched) {
    const model::Action& a = (*d.actions)[j];
    std::string scope = a.scope.empty() ? S.get("decisions.scope_any") : a.scope;
    const char* status = status_key(a.status);
    blocks.push_back(Paragraph{S.format("decisions.unmatched_item", {{"metric", "**" + a.metric + "**"},
                                                                     {"scope", scope},
                                                                     {"action", a.action},
                                                                     {"owner", a.owner},
                                                                     {"due", text::format_date(a.due, S.language())},
                                                                     {"status", S.get(status)}}),
                               false, true});
  }
}

void mark_target(LineChartSpec& spec, LineSeries& series, double target, bool at_most, const std::string& label) {
  spec.reference = target;
  spec.reference_label = label;
  for (std::size_t i = 0; i < series.values.size(); ++i)
    if (series.values[i] && (at_most ? *series.values[i] > target : *series.values[i] < target))
      series.missed.push_back(i);
}

std::optional<std::pair<std::string, std::string>> actions_provenance(const text::Strings& S, const Decisions& d) {
  if (d.actions_file.empty()) return std::nullopt;
  return std::make_pair(S.get("decisions.provenance_label"),
                        S.format("decisions.provenance_text", {{"file", d.actions_file}, {"hash", d.actions_sha256}}));
}

}  // namespace boardbrief::document
