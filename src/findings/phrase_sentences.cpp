// The sentence of each form of claim, its key figure and the clauses of folded claims.
#include "findings/phraser.h"

namespace boardbrief::findings::detail {

void join_in_parenthesis(std::string& t, const std::string& clause) {
  if (t.size() < 2) return;
  if (t.compare(t.size() - 2, 2, ").") == 0)
    t.insert(t.size() - 2, "; " + clause);
  else
    t.insert(t.size() - 1, " (" + clause + ")");
}

std::string Phraser::sentence(const Claim& c) const {
  std::string s = main(c);
  if (s.empty()) return s;
  const bool event = c.wording.form == Form::Event;
  for (const Clause& k : c.wording.clauses) {
    // The wait shows the year-ago value itself.
    if (k.kind == ClauseKind::YearAgo && told_as_wait(c) && c.wording.year_ago) continue;
    const std::string text = clause(c, k);
    switch (k.kind) {
      case ClauseKind::YearAgo:
      case ClauseKind::Trend:
      case ClauseKind::Change: join_in_parenthesis(s, text); break;
      case ClauseKind::YearAgoAfterSpike:
        // An event says what the day did to the period against the previous period only: page 1
        // has no room for more (the year-on-year change stays in the JSON).
        if (!event) s.insert(s.size() - 1, ", " + text);
        break;
      case ClauseKind::Lifting:
      case ClauseKind::SentimentExplained:
        if (event) {  // a sentence of its own after the day's count
          s += " " + text;
          break;
        }
        [[fallthrough]];
      case ClauseKind::Target:
        s.pop_back();  // the full stop
        s += text + ".";
        break;
      case ClauseKind::BusinessHours:
      case ClauseKind::AlsoAcross: s += " " + text; break;
    }
  }
  return s;
}

std::string Phraser::main(const Claim& c) const {
  const MetricInfo* m = metric_of(c);
  if (!m || c.wording.form == Form::None) return other(c);
  if (c.wording.across > 0) return across(c, *m);
  switch (c.wording.form) {
    case Form::LevelMultiple:
    case Form::LevelPercent:
    case Form::LevelFromTo:
    case Form::RateChange: return change(c, *m);
    case Form::YearMultiple:
    case Form::YearPercent:
    case Form::YearRate: return year_change(c, *m);
    case Form::Trend: return trend(c, *m);
    case Form::Spike:
    case Form::Dip:
    case Form::SpikeAbsolute:
    case Form::DipAbsolute: return spike(c, *m);
    case Form::Event: return event(c);
    default: return other(c);
  }
}

bool Phraser::told_as_wait(const Claim& c) {
  const Form f = c.wording.form;
  return c.metric == model::metric_key::kFirstResponseP50 && c.scope == "all" && c.wording.across == 0 &&
         (f == Form::LevelMultiple || f == Form::LevelPercent || f == Form::LevelFromTo);
}

std::string Phraser::wait(const Claim& c, const MetricInfo& m) const {
  const Wording& w = c.wording;
  std::string comparisons =
      S_.format("finding.comparison", {{"period", previous()}, {"value", value_text(m.kind, w.previous)}});
  if (w.year_ago)
    comparisons +=
        "; " + S_.format("finding.comparison", {{"period", year_ago()}, {"value", value_text(m.kind, *w.year_ago)}});
  return S_.format_sentence("finding.wait_change", {{"metric", subject(m, c.scope)},
                                                    {"value", bold(value_text(m.kind, w.value))},
                                                    {"period", report()},
                                                    {"comparisons", comparisons}});
}

std::string Phraser::change(const Claim& c, const MetricInfo& m) const {
  if (told_as_wait(c)) return wait(c, m);
  const Wording& w = c.wording;
  const bool up = c.direction == Direction::Up;
  const std::string metric = subject(m, c.scope), value = count_text(m, w.value, true);
  switch (w.form) {
    case Form::LevelMultiple:
      return S_.format_sentence("finding.level_change_multiple",
                                {{"metric", metric},
                                 {"value", value},
                                 {"period", report()},
                                 {"ratio", bold(text::format_multiplier(w.change, lang_))},
                                 {"prev_period", previous()},
                                 {"record", record(w.record, up)}});
    case Form::LevelPercent:
      return S_.format_sentence(up ? "finding.level_change_up" : "finding.level_change_down",
                                {{"metric", metric},
                                 {"dpct", bold(text::format_percent(std::fabs(w.change), lang_))},
                                 {"period", report()},
                                 {"value", value},
                                 {"record", record(w.record, up)}});
    case Form::LevelFromTo:
      return S_.format_sentence(
          up ? "finding.level_change_from_up" : "finding.level_change_from_down",
          {{"metric", metric}, {"from", bold(value_text(m.kind, w.previous))}, {"to", value}, {"period", report()}});
    default:
      return S_.format_sentence(up ? "finding.rate_change_up" : "finding.rate_change_down",
                                {{"metric", metric},
                                 {"value", value},
                                 {"period", report()},
                                 {"dpp", bold(amount(m, w.change))},
                                 {"prev_period", previous()},
                                 {"record", record(w.record, up)}});
  }
}

std::string Phraser::year_change(const Claim& c, const MetricInfo& m) const {
  const Wording& w = c.wording;
  const bool up = c.direction == Direction::Up;
  const std::string metric = subject(m, c.scope), value = count_text(m, w.value, true);
  if (w.form == Form::YearMultiple)
    return S_.format_sentence("finding.level_change_year_multiple",
                              {{"metric", metric},
                               {"value", value},
                               {"period", report()},
                               {"ratio", bold(text::format_multiplier(w.change, lang_))},
                               {"year_ago", year_ago()}});
  if (w.form == Form::YearPercent)
    return S_.format_sentence(up ? "finding.level_change_year_up" : "finding.level_change_year_down",
                              {{"metric", metric},
                               {"dpct", bold(text::format_percent(std::fabs(w.change), lang_))},
                               {"period", report()},
                               {"value", value},
                               {"year_ago", year_ago()}});
  return S_.format_sentence(up ? "finding.rate_change_year_up" : "finding.rate_change_year_down",
                            {{"metric", metric},
                             {"value", value},
                             {"period", report()},
                             {"dpp", bold(amount(m, w.change))},
                             {"year_ago", year_ago()}});
}

std::string Phraser::trend(const Claim& c, const MetricInfo& m) const {
  const Wording& w = c.wording;
  const std::string key = std::string(c.direction == Direction::Up ? "finding.trend_up" : "finding.trend_down") +
                          (w.every ? "_every" : "") + (plural(m) ? "_plural" : "");
  return S_.format_sentence(key, {{"metric", subject(m, c.scope)},
                                  {"adv", S_.get(w.steadily ? "finding.adv_steadily" : "finding.adv_overall")},
                                  {"since", period_since(ps_.all[w.first_period], lang_)},
                                  {"from", value_text(m.kind, w.previous)},
                                  {"to", count_text(m, w.value, false)},
                                  {"n", std::to_string(w.window)},
                                  {"units", unit(true)},
                                  {"unit", unit(false)},
                                  {"slope", bold(slope(m, w))}});
}

std::string Phraser::spike(const Claim& c, const MetricInfo& m) const {
  const Wording& w = c.wording;
  const std::string metric = subject(m, ""), date = bold(text::format_day(w.day, lang_));
  const std::string value =
      m.kind == Kind::Level ? count_text(m, w.value, true) : bold(text::format_count(w.value, lang_));
  switch (w.form) {
    case Form::Spike:
      // The day's count and the usual level beside the ratio, so two measures spiking on one
      // day read as two measures (docs/figures.md).
      return S_.format_sentence("finding.spike", {{"metric", metric},
                                                  {"date", date},
                                                  {"ratio", bold(text::format_multiplier(w.change, lang_))},
                                                  {"value", value},
                                                  {"expected", text::format_count(w.expected, lang_)}});
    case Form::Dip:
      return S_.format_sentence(
          "finding.dip", {{"metric", metric},
                          {"date", date},
                          {"ratio", bold(S_.format("finding.below",
                                                   {{"pct", text::format_percent(100.0 * (1 - w.change), lang_)}}))}});
    default: {
      // "about 10" a day; a level that rounds to nothing is "less than one".
      const std::string usual = w.expected < 0.5
                                    ? S_.get("finding.usual_under_one")
                                    : S_.format("finding.usual_about", {{"n", text::format_count(w.expected, lang_)}});
      return S_.format_sentence(w.form == Form::SpikeAbsolute ? "finding.spike_absolute" : "finding.dip_absolute",
                                {{"metric", metric}, {"date", date}, {"value", value}, {"expected", usual}});
    }
  }
}

// A day's messages needing a reply against a normal day of that weekday, what they were about
// and where they came in.
std::string Phraser::event(const Claim& c) const {
  const Wording& w = c.wording;
  const std::string ratio =
      w.change >= 3 ? S_.format("finding.times_about", {{"n", text::format_integer(std::llround(w.change), lang_)}})
                    : text::format_multiplier(w.change, lang_);
  return S_.format_sentence("finding.event", {{"date", bold(text::format_day(w.day, lang_))},
                                              {"value", bold(text::format_count(w.value, lang_))},
                                              {"ratio", bold(ratio)},
                                              {"weekday", text::weekday_name(date::weekday{w.day}, lang_)},
                                              {"topic", event_topic(w.attribution)}});
}

// "; 9 in 10 were about billing, most on Facebook"; "" when nothing is named.
std::string Phraser::event_topic(const Attribution& a) const {
  std::string out;
  if (!a.about.empty() && a.total > 0) {
    const std::string topic = names_of(a.about);
    const long tenths = std::lround(10.0 * a.count / a.total);
    if (a.count >= a.total)
      out = S_.format("finding.event_topic_all", {{"topic", topic}});
    else if (tenths >= 10)
      out = S_.format("finding.event_topic_nearly_all", {{"topic", topic}});
    else if (tenths >= 5)
      out = S_.format("finding.event_topic_tenths", {{"n", std::to_string(tenths)}, {"topic", topic}});
    else
      out = S_.format("finding.event_topic_count", {{"n", text::format_count(a.count, lang_)}, {"topic", topic}});
  }
  if (!a.where.empty())
    out += S_.format(out.empty() ? "finding.event_where_only" : "finding.event_where", {{"where", names_of(a.where)}});
  return out;
}

// Channels that moved the same way, told once by the channel that moved most.
std::string Phraser::across(const Claim& c, const MetricInfo& m) const {
  const bool trend = c.type == Type::Trend;
  const std::string key = std::string("finding.across_") + (trend ? "trend_" : "") +
                          (c.direction == Direction::Up ? "up" : "down") + (trend && plural(m) ? "_plural" : "");
  return S_.format_sentence(key, {{"metric", subject(m, "")},
                                  {"n", bold(std::to_string(c.wording.across))},
                                  {"period", report()},
                                  {"channel", scope_name(c.wording.across_best)},
                                  {"change", figure(m, c.wording)},
                                  {"units", unit(true)},
                                  {"unit", unit(false)}});
}

// Targets, data gaps, notes and the audit trail's own sentences.
std::string Phraser::other(const Claim& c) const {
  const Wording& w = c.wording;
  const MetricInfo* m = metric_of(c);
  switch (w.form) {
    case Form::TooFew: return S_.format_sentence("finding.too_few", {{"period", report()}});
    case Form::Target: {
      const char* status = w.status == TargetStatus::Met       ? "met"
                           : w.status == TargetStatus::OnTrack ? "on_track"
                                                               : "missed";
      return S_.format_sentence(std::string("finding.target_") + status + (w.at_most ? "_at_most" : "_at_least"),
                                {{"metric", subject(*m, "")},
                                 {"value", bold(value_text(m->kind, w.value))},
                                 {"period", report()},
                                 {"target", bold(value_text(m->kind, w.target))},
                                 {"deadline", w.deadline ? text::format_date(*w.deadline, lang_) : ""}});
    }
    case Form::TrendWithheld: {
      std::string span = period_title(ps_.all[w.first_period], lang_);
      if (w.last_period != w.first_period)
        span += std::string(text::kEnDash) + period_title(ps_.all[w.last_period], lang_);
      return S_.format_sentence(
          "finding.trend_withheld",
          {{"metric", subject(*m, c.scope)}, {"n", std::to_string(w.window)}, {"span", span}, {"units", unit(true)}});
    }
    case Form::DataGap: {
      std::string spans;
      for (std::size_t i = 0; i < w.spans.size() && i < 3; ++i) {
        if (i) spans += ", ";
        spans += text::format_span(w.spans[i].first, w.spans[i].second, lang_);
      }
      if (w.spans.size() > 3) spans += ", …";
      return S_.format_sentence("finding.data_gap_metric",
                                {{"metric", noun(*m)},
                                 {"channel", short_scope_name("channel:" + std::to_string(w.channel_id))},
                                 {"span", bold(spans)}});
    }
    case Form::BusinessHours:
      return S_.format_sentence("finding.business_hours_note",
                                {{"period", report()},
                                 {"value", bold(text::format_duration(w.value, lang_))},
                                 {"calendar", text::format_duration(w.previous, lang_)}});
    case Form::PartialPeriod:
      return S_.format_sentence("data_quality.partial", {{"day", text::format_date(w.day, lang_)},
                                                         {"n", std::to_string(static_cast<long>(w.count))},
                                                         {"period", report()}});
    case Form::SkippedRows:
      return S_.format_sentence("data_quality.skipped", {{"n", std::to_string(static_cast<long long>(w.count))},
                                                         {"total", std::to_string(static_cast<long long>(w.total))}});
    default: return "";
  }
}

std::string Phraser::figure(const MetricInfo& m, const Wording& w) const {
  switch (w.form) {
    case Form::LevelMultiple: return bold(text::format_multiplier(w.change, lang_));
    case Form::LevelPercent: return bold(text::format_percent_change(w.change, lang_));
    case Form::LevelFromTo:
      return S_.format("finding.from_to",
                       {{"from", bold(value_text(m.kind, w.previous))}, {"to", bold(value_text(m.kind, w.value))}});
    case Form::RateChange:
      return bold(m.kind == Kind::Score ? text::format_score_change(w.change, lang_)
                                        : text::format_pp_change(w.change, lang_));
    case Form::Trend: return bold(slope(m, w));
    default: return "";
  }
}

std::string Phraser::slope(const MetricInfo& m, const Wording& w) const {
  switch (m.kind) {
    // In running text the same unit as the sentence's other pp figures ("+2.2 points per month;
    // up 24 points", "+2,2 procentpoint pr. måned"), not the tiles' "pp" / "pct.-point".
    case Kind::Rate:
      return (w.change < 0 ? lang_.conventions().minus : std::string("+")) + text::format_points(w.change, lang_);
    case Kind::Score:
      return S_.format(std::fabs(w.change) == 1 ? "finding.score_point" : "finding.score_points",
                       {{"n", text::format_signed(w.change, 1, lang_)}});
    case Kind::Minutes: return text::format_duration_change(w.change, lang_);
    case Kind::Level:
      return w.relative ? text::format_percent_change(*w.relative, lang_) : text::format_signed(w.change, 0, lang_);
  }
  return "";
}

std::string Phraser::amount(const MetricInfo& m, double shown) const {
  if (m.kind != Kind::Score) return text::format_points(std::fabs(shown), lang_);
  return S_.format(std::fabs(shown) == 1 ? "finding.score_point" : "finding.score_points",
                   {{"n", text::format_integer(static_cast<std::int64_t>(std::fabs(shown)), lang_)}});
}

std::string Phraser::clause(const Claim& host, const Clause& c) const {
  const MetricInfo* m = c.metric.empty() ? metric_of(host) : info_of(c.metric);
  const bool up = c.direction == Direction::Up;
  const Wording& w = c.what;
  switch (c.kind) {
    case ClauseKind::YearAgo:
    case ClauseKind::YearAgoAfterSpike: return m ? year_clause(*m, c) : "";
    case ClauseKind::Trend:
      return S_.format(
          up ? "method.trend_clause_up" : "method.trend_clause_down",
          {{"n", std::to_string(w.window)}, {"units", unit(true)}, {"unit", unit(false)}, {"slope", figure(*m, w)}});
    case ClauseKind::Change:
      return S_.format(up ? "method.change_clause_up" : "method.change_clause_down",
                       {{"change", figure(*m, w)}, {"prev_period", previous()}});
    case ClauseKind::Target: {
      const char* status = w.status == TargetStatus::Met       ? "met"
                           : w.status == TargetStatus::OnTrack ? "on_track"
                                                               : "missed";
      return S_.format(std::string("finding.clause_target_") + status + (w.at_most ? "_at_most" : "_at_least"),
                       {{"target", bold(value_text(m->kind, w.target))},
                        {"deadline", w.deadline ? text::format_date(*w.deadline, lang_) : ""}});
    }
    case ClauseKind::Lifting:
      return S_.format(host.wording.form == Form::Event ? "finding.event_lifting" : "finding.spike_lifting",
                       {{"period", report()}, {"dpct", bold(text::format_percent(w.change, lang_))}});
    case ClauseKind::SentimentExplained:
      return S_.format(host.wording.form == Form::Event ? "finding.event_sentiment" : "finding.spike_sentiment",
                       {{"period", report()},
                        {"value", bold(value_text(Kind::Score, w.value))},
                        {"prev_period", previous()},
                        {"previous", value_text(Kind::Score, w.previous)}});
    case ClauseKind::AlsoAcross:
      return S_.format_sentence(up ? "finding.across_also_up" : "finding.across_also_down",
                                {{"metric", subject(*m, "")}, {"change", figure(*m, w)}, {"unit", unit(false)}});
    case ClauseKind::BusinessHours:
      return S_.format_sentence("finding.business_hours_clause",
                                {{"value", bold(text::format_duration(w.value, lang_))}});
  }
  return "";
}

// A year-on-year change as a clause: after a change or trend ("2.7× the level of October
// 2025"), or after a spike's "…down to −25" ("9 points below October 2025").
std::string Phraser::year_clause(const MetricInfo& m, const Clause& c) const {
  const Wording& w = c.what;
  const bool up = c.direction == Direction::Up;
  if (w.form == Form::YearMultiple)
    return S_.format("finding.clause_year_ago_multiple",
                     {{"ratio", bold(text::format_multiplier(w.change, lang_))}, {"year_ago", year_ago()}});
  const std::string change =
      bold(w.form == Form::YearPercent ? text::format_percent(std::fabs(w.change), lang_) : amount(m, w.change));
  const bool after_spike = c.kind == ClauseKind::YearAgoAfterSpike;
  const char* key = after_spike ? (up ? "finding.explained_year_ago_up" : "finding.explained_year_ago_down")
                                : (up ? "finding.clause_year_ago_up" : "finding.clause_year_ago_down");
  return S_.format(key, {{"change", change}, {"year_ago", year_ago()}});
}

std::string Phraser::record(const Record& r, bool up) const {
  switch (r.kind) {
    case RecordKind::None: return "";
    case RecordKind::Since:
      return S_.format(up ? "finding.record_highest" : "finding.record_lowest",
                       {{"month_year", period_since(ps_.all[r.period], lang_)}});
    case RecordKind::InWindow:
      return S_.format(up ? "finding.record_highest_in" : "finding.record_lowest_in",
                       {{"n", std::to_string(r.count)}, {"units", unit(true)}});
    case RecordKind::Ever:
      return S_.format(up ? "finding.record_highest_ever" : "finding.record_lowest_ever",
                       {{"month_year", period_since(ps_.all[r.period], lang_)}});
  }
  return "";
}

}  // namespace boardbrief::findings::detail
