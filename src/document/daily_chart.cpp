#include "document/daily_chart.h"

#include <algorithm>

#include "calendar/periods.h"
#include "findings/finding.h"
#include "findings/phrasing.h"
#include "model/metric_keys.h"
#include "text/date_format.h"
#include "text/number_format.h"

namespace boardbrief::document {

namespace mk = model::metric_key;

namespace {

// The flagged day of the same measure as the bars (messages needing a reply), if any finding
// flagged it: its ratio is the one the note may quote.
const findings::Finding* needs_reply_spike(const BriefingInput& in, double day_offset) {
  const auto* all = in.all_findings ? in.all_findings : &in.findings;
  for (const auto& f : *all)
    if (f.type == findings::Type::Anomaly && f.metric == mk::kNeedsReply && f.scope == "all" &&
        f.inputs.count("day_offset") && f.inputs.at("day_offset") == day_offset)
      return &f;
  return nullptr;
}

// The note quotes what is plotted: the day's column (messages needing a reply, the negative
// part) and the ratio of that measure to its usual weekday level; a day flagged for negative
// messages only names that other count as such (docs/figures.md).
DailyAnnotation annotate(const BriefingInput& in, const findings::Finding& flagged, std::size_t day_index,
                         std::size_t begin) {
  const auto& S = in.strings;
  const text::Language lang = S.language();
  const auto& d = *in.daily;
  const FigureNames N = in.names();
  const std::size_t i = begin + day_index;
  const date::local_days day = N.report.first + date::days{static_cast<int>(day_index)};
  const auto needs = d.needs_reply[i], negative = std::min(d.negative_needs_reply[i], d.needs_reply[i]);
  DailyAnnotation a;
  a.day = day_index;
  a.headline = S.format("figures.annotation_bar", {{"day", text::format_day_short(day, lang)},
                                                   {"needs", text::format_integer(needs, lang)},
                                                   {"negative", text::format_integer(negative, lang)}});
  const std::string day_key = calendar::format_day(day), scope_name = N.all_own();
  const std::string day_name = text::format_day(day, lang);
  auto reg = [&](const std::string& measure, const std::string& name, double v, const std::string& text) {
    N.sink.add(measure + ".all." + day_key,
               S.format("figures.label", {{"measure", name}, {"scope", scope_name}, {"period", day_name}}), "all",
               day_key, v, text);
  };
  reg(mk::kNeedsReply, S.get("metric.inbound.label"), static_cast<double>(needs), text::format_integer(needs, lang));
  reg("needs_reply_negative", S.get("figures.negative_needs_reply"), static_cast<double>(negative),
      text::format_integer(negative, lang));
  const findings::Finding* same =
      flagged.metric == mk::kNeedsReply ? &flagged : needs_reply_spike(in, static_cast<double>(day_index));
  const findings::Finding& f = same ? *same : flagged;
  const double value = f.inputs.count("value") ? f.inputs.at("value") : 0.0;
  const double ratio = f.inputs.count("ratio") ? f.inputs.at("ratio") : 0.0;
  const double expected = f.inputs.count("expected") ? f.inputs.at("expected") : 0.0;
  const bool as_ratio = f.inputs.count("ratio_shown") ? f.inputs.at("ratio_shown") > 0 : ratio > 0;
  const std::string usual = expected < 0.5 ? S.get("finding.usual_under_one") : text::format_count(expected, lang);
  const std::string ratio_text = text::format_multiplier(ratio, lang, text::MultiplierStyle::Figure);
  const std::string prefix = same ? "figures.annotation" : "figures.annotation_negative";
  a.detail = S.format(
      prefix + (as_ratio ? "_ratio" : "_usual"),
      {{"value", text::format_integer(static_cast<long>(value), lang)}, {"ratio", ratio_text}, {"expected", usual}});
  if (!same)
    reg(mk::kNegativeMentions, S.get("figures.negative_all"), value,
        text::format_integer(static_cast<long>(value), lang));
  if (as_ratio)
    reg(f.metric + ".spike_ratio", S.get(same ? "figures.spike_ratio_needs_reply" : "figures.spike_ratio_negative"),
        ratio, ratio_text);
  return a;
}

}  // namespace

std::optional<DailyChart> make_daily_chart(const BriefingInput& in) {
  // Without message data there is nothing to plot: a row of zeros would claim a quiet month.
  if (!in.daily || in.data.interactions_read == 0) return std::nullopt;
  const auto& S = in.strings;
  text::Language lang = S.language();
  const auto& d = *in.daily;
  const auto& ps = in.data.periods;
  const model::Period& report = ps.all[ps.report];
  DailyChart chart;
  auto& spec = chart.spec;
  spec.part_roles = {Role::Adverse, Role::Other};
  spec.format = [lang](double v) { return text::format_compact(v, lang); };
  spec.axis_format = [lang](double v, double top, double step) { return text::format_axis_value(v, top, step, lang); };
  std::size_t begin = static_cast<std::size_t>(d.report_begin);
  for (std::size_t i = begin; i < d.days(); ++i) {
    date::local_days day = d.first + date::days{static_cast<int>(i)};
    if (day > report.last) break;
    DailyColumn col;
    date::year_month_day ymd{day};
    bool first = i == begin;
    // label the first day and each Monday.
    if (first)
      col.label = text::format_day_short(day, lang);
    else if (date::weekday{day} == date::Monday)
      col.label = std::to_string(static_cast<unsigned>(ymd.day()));
    double negative = static_cast<double>(std::min(d.negative_needs_reply[i], d.needs_reply[i]));
    col.parts = {negative, static_cast<double>(d.needs_reply[i]) - negative};
    spec.days.push_back(std::move(col));
  }
  if (spec.days.empty()) return std::nullopt;
  // Reference: the previous period's daily average of messages needing a reply.
  const auto* all = in.data.find_dialogue(series::Scope::all_own());
  double prev_avg = 0;
  if (all) {
    const model::Period& prev = ps.all[ps.previous];
    prev_avg = static_cast<double>(all->periods[ps.previous].needs_reply) / prev.days();
    if (prev_avg > 0) spec.reference = prev_avg;
  }
  // annotate the flagged spike day, when the findings flagged one in the period.
  for (const auto& f : in.findings) {
    if (f.type != findings::Type::Anomaly) continue;
    // Only the dialogue's own days belong on this chart (spikes of daily metrics do not).
    if (f.metric != mk::kNegativeMentions && f.metric != mk::kNeedsReply) continue;
    auto it = f.inputs.find("day_offset");
    if (it == f.inputs.end()) continue;
    auto day_index = static_cast<long>(it->second);
    if (day_index < 0 || static_cast<std::size_t>(day_index) >= spec.days.size()) continue;
    // One note per day: it quotes the column, whichever measure flagged the day.
    if (std::any_of(spec.annotations.begin(), spec.annotations.end(),
                    [&](const DailyAnnotation& a) { return a.day == static_cast<std::size_t>(day_index); }))
      continue;
    spec.annotations.push_back(annotate(in, f, static_cast<std::size_t>(day_index), begin));
    if (spec.annotations.size() == 2) break;
  }
  chart.title.title = S.get("daily_chart.title");
  chart.title.subtitle = S.format("daily_chart.subtitle", {{"period", findings::period_since(report, lang)}});
  chart.title.subtitle_inline = true;
  KeyEntry neg{KeyEntry::Kind::Swatch, Role::Adverse, S.get("daily_chart.key_negative")};
  KeyEntry other{KeyEntry::Kind::Swatch, Role::Other, S.get("daily_chart.key_other")};
  chart.title.key = {neg, other};
  if (spec.reference) {
    KeyEntry ref{KeyEntry::Kind::Line, Role::Target,
                 S.format("daily_chart.key_reference",
                          {{"period", findings::period_in_sentence(ps.all[ps.previous], lang)},
                           {"value", text::format_integer(static_cast<long>(std::round(prev_avg)), lang)}})};
    chart.title.key.push_back(ref);
    const FigureNames N = in.names();
    N.value_in(ps.all[ps.previous], "needs_reply_daily_average", S.get("figures.daily_average"), "all", N.all_own(),
               prev_avg, text::format_integer(static_cast<long>(std::round(prev_avg)), lang));
  }
  return chart;
}

}  // namespace boardbrief::document
