#include "document/daily_chart.h"

#include "findings/kpi_findings.h"
#include "layout/style.h"
#include "text/date_format.h"
#include "text/number_format.h"

namespace boardbrief::document {

std::optional<DailyChart> make_daily_chart(const BriefingInput& in) {
  if (!in.daily) return std::nullopt;
  const auto& S = in.strings;
  text::Language lang = S.language();
  const auto& d = *in.daily;
  const auto& ps = in.data.periods;
  const model::Period& report = ps.all[ps.report];
  DailyChart chart;
  auto& spec = chart.spec;
  spec.part_colors = {layout::style::kBadFill, layout::style::kInk30};
  spec.plot_height = 56;  // G5: page 1 holds five findings, six tiles, this chart and provenance
  spec.format = [lang](double v) { return text::format_compact(v, lang); };
  spec.axis_format = [lang](double v, double top, double step) { return text::format_axis_value(v, top, step, lang); };
  std::size_t begin = static_cast<std::size_t>(d.report_begin);
  for (std::size_t i = begin; i < d.days(); ++i) {
    date::local_days day = d.first + date::days{static_cast<int>(i)};
    if (day > report.last) break;
    layout::DailyColumn col;
    date::year_month_day ymd{day};
    bool first = i == begin;
    // H6: label the first day and each Monday.
    if (first) col.label = text::format_day_short(day, lang);
    else if (date::weekday{day} == date::Monday) col.label = std::to_string(static_cast<unsigned>(ymd.day()));
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
  // H11: annotate the flagged spike day, when the findings flagged one in the period.
  for (const auto& f : in.findings) {
    if (f.type != findings::Type::Anomaly) continue;
    // Only the dialogue's own days belong on this chart (spikes of daily metrics do not).
    if (f.metric != "negative_mentions" && f.metric != "needs_reply") continue;
    auto it = f.inputs.find("day_offset");
    if (it == f.inputs.end()) continue;
    auto day_index = static_cast<long>(it->second);
    if (day_index < 0 || static_cast<std::size_t>(day_index) >= spec.days.size()) continue;
    layout::DailyAnnotation a;
    a.day = static_cast<std::size_t>(day_index);
    date::local_days day = report.first + date::days{day_index};
    auto value = f.inputs.count("value") ? f.inputs.at("value") : 0.0;
    auto ratio = f.inputs.count("ratio") ? f.inputs.at("ratio") : 0.0;
    auto expected = f.inputs.count("expected") ? f.inputs.at("expected") : 0.0;
    // As the finding says it: a ratio only where the sentence gives one (not against a
    // near-zero usual level), and the counted messages named for the metric flagged.
    const bool as_ratio = f.inputs.count("ratio_shown") ? f.inputs.at("ratio_shown") > 0 : ratio > 0;
    a.headline = S.format(as_ratio ? "daily_chart.annotation" : "daily_chart.annotation_absolute",
                          {{"day", text::format_day_short(day, lang)},
                           {"value", text::format_integer(static_cast<long>(value), lang)},
                           {"what", S.get("daily_chart.what_" + f.metric)},
                           {"ratio", text::format_multiplier(ratio, lang, text::MultiplierStyle::Figure)},
                           {"expected", expected < 0.5 ? S.get("finding.usual_under_one")
                                                       : S.format("finding.usual_about",
                                                                  {{"n", text::format_count(expected, lang)}})}});
    a.detail = S.get("daily_chart.annotation_detail");
    spec.annotations.push_back(std::move(a));
    if (spec.annotations.size() == 2) break;
  }
  chart.title.title = S.get("daily_chart.title");
  chart.title.subtitle = S.format("daily_chart.subtitle", {{"period", findings::period_since(report, lang)}});
  chart.title.subtitle_inline = true;
  layout::KeyEntry neg{layout::KeyEntry::Kind::Swatch, layout::style::kBadFill, S.get("daily_chart.key_negative"), 0.7, {}};
  layout::KeyEntry other{layout::KeyEntry::Kind::Swatch, layout::style::kInk30, S.get("daily_chart.key_other"), 0.7, {}};
  chart.title.key = {neg, other};
  if (spec.reference) {
    layout::KeyEntry ref{layout::KeyEntry::Kind::Line, layout::style::kInk60,
                         S.format("daily_chart.key_reference",
                                  {{"period", findings::period_in_sentence(ps.all[ps.previous], lang)},
                                   {"value", text::format_integer(static_cast<long>(std::round(prev_avg)), lang)}}),
                         0.7, {2, 2}};
    chart.title.key.push_back(ref);
  }
  return chart;
}

}  // namespace boardbrief::document
