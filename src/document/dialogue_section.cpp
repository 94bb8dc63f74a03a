#include "document/dialogue_section.h"

#include <cmath>

#include "findings/kpi_findings.h"
#include "text/date_format.h"
#include "text/number_format.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

namespace {

using text::Language;

// Month labels with the year under the first category and under each January (H6).
layout::CategoryLabel category_label(const model::Period& p, bool first, Language lang) {
  layout::CategoryLabel l;
  date::year_month_day d{p.first};
  if (p.kind == model::Granularity::Month) {
    l.label = text::capitalise_first(text::month_short(d.month(), lang));
    if (first || d.month() == date::January) l.year = std::to_string(static_cast<int>(d.year()));
  } else {
    l.label = p.key;
  }
  return l;
}

}  // namespace

void add_dialogue_section(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  const series::DialogueSeries* dlg = in.data.find_dialogue(series::Scope::all_own());
  if (!dlg) return;
  const model::Period& report = ps.all[ps.report];
  const auto& P = dlg->periods;

  doc.blocks.push_back(PageBreak{});
  SectionOpening open;
  open.kicker = text::to_upper(S.get("dialogue.kicker"));
  open.bookmark = S.get("dialogue.bookmark");
  const auto& r = P[ps.report];
  auto share = r.unanswered_share();
  if (share)
    open.headline = S.format_sentence("dialogue.headline",
                                      {{"share", text::format_fraction_as_percent(*share, lang)},
                                       {"period", findings::period_in_sentence(report, lang)}});
  else
    open.headline = S.format_sentence("dialogue.headline_no_data", {{"period", findings::period_in_sentence(report, lang)}});
  open.subtitle = S.format("dialogue.subtitle", {{"period", findings::period_title(report, lang)},
                                                 {"prev", findings::period_title(ps.all[ps.previous], lang)},
                                                 {"year_ago", findings::period_title(ps.all[ps.year_ago], lang)}});
  doc.blocks.push_back(open);

  ComboChart chart;
  chart.title = S.get("dialogue.chart_title");
  chart.subtitle = S.get("dialogue.chart_subtitle");
  auto& spec = chart.spec;
  for (std::size_t i = 0; i < ps.window_size; ++i) {
    layout::ComboCategory c;
    c.label = category_label(ps.all[i], i == 0, lang);
    if (P[i].mature > 0) {
      c.answered = static_cast<double>(P[i].answered);
      c.unanswered = static_cast<double>(P[i].mature - P[i].answered);
    }
    c.provisional = P[i].provisional;
    spec.categories.push_back(c);
  }
  spec.report_index = ps.window_size - 1;
  spec.count_format = [lang](double v) { return text::format_compact(v, lang); };
  spec.share_format = [lang](double v) { return text::format_fraction_as_percent(v, lang); };
  spec.rate_label = S.get("dialogue.rate_label");
  spec.unanswered_label = S.get("dialogue.unanswered_label");
  spec.answered_label = S.get("dialogue.answered_label");
  spec.answered_note = S.format("dialogue.answered_note",
                                {{"hours", text::format_integer(in.data.response_window_seconds / 3600, lang)}});
  spec.bracket_word = S.get("dialogue.bracket_word");
  spec.no_data = std::string(text::no_data(lang));
  for (const auto& k : in.kpis)
    if (k.metric == "unanswered_share" && k.target) {
      spec.target_share = k.target->value;
      spec.target_label = S.format("dialogue.target_label", {{"value", text::format_fraction_as_percent(k.target->value, lang)}});
    }
  doc.blocks.push_back(std::move(chart));

  doc.blocks.push_back(Paragraph{
      S.format("dialogue.definitions", {{"hours", text::format_integer(in.data.response_window_seconds / 3600, lang)},
                                        {"tz", in.tz}}),
      true});
}

}  // namespace boardbrief::document
