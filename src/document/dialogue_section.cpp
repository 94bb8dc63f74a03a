#include "document/dialogue_section.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "document/channel_groups.h"
#include "document/colour_rule.h"
#include "document/finding_marks.h"
#include "document/names.h"
#include "document/partial_period.h"
#include "findings/kpi_findings.h"
#include "text/date_format.h"
#include "text/number_format.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

namespace {

using text::Language;

// An unanswered percentile reads "> 72 h" (the response window), short enough for the column.
std::string minutes_cell(const std::optional<series::Duration>& d, std::int64_t window_seconds, Language lang) {
  if (!d) return std::string(text::missing_cell());
  if (d->infinite)
    return "> " + text::format_duration(static_cast<double>(window_seconds) / 60.0, lang, text::DurationStyle::Text);
  return text::format_duration(static_cast<double>(d->seconds) / 60.0, lang, text::DurationStyle::Table);
}

std::optional<double> minutes_of(const std::optional<series::Duration>& d) {
  if (!d || d->infinite) return std::nullopt;
  return static_cast<double>(d->seconds) / 60.0;
}

// The figures a row prints, in the registry (docs/figures.md); "–" cells print none.
void register_row(const FigureNames& N, const std::vector<TableCell>& row, const series::DialoguePeriod& cur,
                  const series::DialoguePeriod& old, std::int64_t open, const std::string& scope,
                  const std::string& scope_name) {
  const auto& S = *N.strings;
  const std::string dash(text::missing_cell());
  auto reg = [&](std::size_t col, const std::string& measure, const std::string& name, std::optional<double> v) {
    if (row[col].text != dash) N.value(measure, name, scope, scope_name, v, row[col].text);
  };
  auto change = [&](std::size_t col, const std::string& measure, const std::string& name, std::optional<double> v) {
    if (row[col].text != dash) N.change(N.previous, measure, name, scope, scope_name, v, row[col].text);
  };
  reg(1, "needs_reply", S.get("metric.inbound.label"), static_cast<double>(cur.needs_reply));
  if (old.needs_reply > 0)
    change(2, "needs_reply", S.get("metric.inbound.label"),
           100.0 * (static_cast<double>(cur.needs_reply) / old.needs_reply - 1));
  const auto share = cur.unanswered_share(), share_old = old.unanswered_share();
  reg(4, "unanswered_share", S.get("metric.unanswered_share.label"), share);
  if (share && share_old)
    change(5, "unanswered_share", S.get("metric.unanswered_share.label"),
           std::round(*share * 100) - std::round(*share_old * 100));
  const bool answered_beyond = cur.answered_median && cur.answered_median->infinite;
  if (!answered_beyond) reg(6, "reply_time_p50", S.get("figures.reply_time_label"), minutes_of(cur.answered_median));
  reg(7, "first_response_p90", S.get("metric.first_response_p90.label"), minutes_of(cur.frt_p90));
  reg(8, "open_at_end", S.get("figures.open_at_end"), static_cast<double>(open));
}

// One line where the page shows two counts of one thing: all messages needing a reply vs
// those old enough to judge (the unanswered share's base), and unanswered within the window vs
// still open when the period ended (docs/figures.md).
std::string reconciliation(const BriefingInput& in, const series::DialoguePeriod& p, std::int64_t open) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto hours = text::format_integer(in.data.response_window_seconds / 3600, lang);
  const auto& report = in.data.periods.all[in.data.periods.report];
  std::string line;
  if (p.mature < p.needs_reply)
    line = S.format("figures.reconcile_judged", {{"needs", text::format_integer(p.needs_reply, lang)},
                                                 {"judged", text::format_integer(p.mature, lang)},
                                                 {"young", text::format_integer(p.needs_reply - p.mature, lang)},
                                                 {"hours", hours}});
  if (p.mature > 0)
    line += (line.empty() ? "" : " ") +
            S.format("figures.reconcile_open", {{"unanswered", text::format_integer(p.mature - p.answered, lang)},
                                                {"open", text::format_integer(open, lang)},
                                                {"day", text::format_day(report.last, lang)},
                                                {"hours", hours}});
  return line;
}

// A channel's scope key in the registry: platform and handle, stable across runs.
std::string channel_scope(const model::Channel& c) { return "channel:" + c.platform + ":" + c.handle; }

// one row per own channel, sorted by messages needing a reply, with a total row.
Table channel_table(const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  const model::Period& report = ps.all[ps.report];
  std::string prev_short = findings::period_short(ps.all[ps.previous], lang, false);
  Table t;
  t.title = S.format("dialogue.table_title", {{"period", findings::period_since(report, lang)}});
  t.subtitle = S.format(in.partial_period ? "partial_period.dialogue_table_subtitle" : "dialogue.table_subtitle",
                        {{"prev", findings::period_since(ps.all[ps.previous], lang)}});
  auto end_day = text::format_day_short(report.last, lang);  // "31 Oct": the header has two short lines
  t.spec.columns = {{S.get("dialogue.col_channel"), 0, Align::Left},
                    {S.get("dialogue.col_needs_reply"), 52, Align::Right},
                    {S.format("dialogue.col_vs", {{"period", prev_short}}), 46, Align::Right},
                    {"", 48, Align::Left},
                    {S.get("dialogue.col_unanswered"), 56, Align::Right},
                    // Wide enough for the Danish "pct.-point" header.
                    {S.format("dialogue.col_vs_pp", {{"period", prev_short}}), 48, Align::Right},
                    {S.get("dialogue.col_median"), 54, Align::Right},
                    {S.get("dialogue.col_p90"), 50, Align::Right},
                    {S.format("dialogue.col_open", {{"day", end_day}}), 52, Align::Right}};
  constexpr double kBarMax = 0.6;  // one fixed scale, 0–60 %
  std::optional<double> target;
  for (const auto& k : in.kpis)
    if (k.metric == "unanswered_share" && k.target) target = k.target->value;

  const FigureNames N = in.names();
  auto row_for = [&](const series::DialoguePeriod& cur, const series::DialoguePeriod& old, std::string label,
                     std::string platform, std::int64_t open, bool total, const std::string& scope) {
    const std::string scope_name = total ? N.all_own() : label;
    std::vector<TableCell> row(9);
    row[0].text = std::move(label);
    row[0].platform = std::move(platform);
    row[1].text = text::format_integer(cur.needs_reply, lang);
    // Changes coloured by the tiles' rule and gates (colour_rule.h): needing a reply has no
    // better direction, so it stays grey; the unanswered share is judged per row.
    if (old.needs_reply >= 30)
      row[2].text =
          text::format_percent_change(100.0 * (static_cast<double>(cur.needs_reply) / old.needs_reply - 1), lang);
    else
      row[2].text = std::string(text::missing_cell());
    row[2].role = Role::Neutral;
    auto share = cur.unanswered_share(), share_old = old.unanswered_share();
    if (share) {
      TableBar bar;
      bar.fraction = std::min(*share / kBarMax, 1.0);
      if (target) bar.target = *target / kBarMax;
      bar.role = Role::Adverse;
      row[3].bar = bar;
      row[4].text = text::format_fraction_as_percent(*share, lang);
    } else {
      row[4].text = std::string(text::missing_cell());
    }
    if (share && share_old && cur.mature >= 30 && old.mature >= 30) {
      double pp = std::round(*share * 100) - std::round(*share_old * 100);
      row[5].text = text::format_signed(pp, 0, lang);
      row[5].role = change_role(analysis::unanswered_share_change(cur, old).significant, pp, model::Better::Down);
    } else {
      row[5].text = std::string(text::missing_cell());
    }
    row[6].text = minutes_cell(cur.answered_median, in.data.response_window_seconds, lang);
    row[7].text = minutes_cell(cur.frt_p90, in.data.response_window_seconds, lang);
    row[8].text = cur.reply_info ? text::format_integer(open, lang) : std::string(text::missing_cell());
    if (total)
      for (auto& c : row) c.bold = true;
    register_row(N, row, cur, old, open, scope, scope_name);
    return row;
  };

  // The largest channels by messages needing a reply, then one row for the rest
  // (channel_groups.h). Open = the period's own messages without a reply by its end (the combo
  // chart's bracket), not every unanswered message since the data began.
  auto scope_of = [](const model::Channel& c) {
    series::Scope scope;
    scope.kind = series::Scope::Kind::Channel;
    scope.channel_id = c.id;
    return scope;
  };
  t.spec.names_lead = S.get("channel_groups.names_lead");
  std::vector<const model::Channel*> own;
  for (const auto& c : in.data.channels)
    if (c.owner == model::Owner::Own && in.data.find_dialogue(scope_of(c))) own.push_back(&c);
  auto groups = group_channels(own, [&](const model::Channel& c) {
    return static_cast<double>(in.data.find_dialogue(scope_of(c))->periods[ps.report].needs_reply);
  });
  std::int64_t total_open = 0;
  for (const auto* c : groups.shown) {
    const auto* ds = in.data.find_dialogue(scope_of(*c));
    std::int64_t open = ds->periods[ps.report].unanswered_at_end;
    total_open += open;
    t.spec.rows.push_back(row_for(ds->periods[ps.report], ds->periods[ps.previous],
                                  channel_label(in.strings, in.data.channels, *c), c->platform, open, false,
                                  channel_scope(*c)));
  }
  if (!groups.others.empty()) {
    auto cur = group_dialogue(in.data, groups.others, ps.report);
    total_open += cur.unanswered_at_end;
    t.spec.rows.push_back(row_for(cur, group_dialogue(in.data, groups.others, ps.previous),
                                  others_label(S, groups.others.size()), "", cur.unanswered_at_end, false, "others"));
  }
  if (const auto* all = in.data.find_dialogue(series::Scope::all_own()))
    t.spec.total = row_for(all->periods[ps.report], all->periods[ps.previous], S.get("dialogue.total"), "", total_open,
                           true, "all");
  // Without a target the note says nothing about a tick, rather than "tick: target –".
  t.note = target ? S.format("dialogue.table_note", {{"max", text::format_percent(100 * kBarMax, lang)},
                                                     {"target", text::format_fraction_as_percent(*target, lang)}})
                  : S.format("dialogue.table_note_no_target", {{"max", text::format_percent(100 * kBarMax, lang)}});
  drop_change_columns(t, in, {2, 5});
  if (const auto* all = in.data.find_dialogue(series::Scope::all_own()))
    if (auto line = reconciliation(in, all->periods[ps.report], total_open); !line.empty()) t.note += " " + line;
  return t;
}

// The combo chart's value labels, as layout/chart_combo.cpp prints them: the report period,
// the one before and the first month get the judged total and the unanswered share; the
// report column's bracket the unanswered count.
void register_combo(const BriefingInput& in, const ComboChartSpec& spec) {
  const FigureNames N = in.names();
  const auto& S = in.strings;
  const auto& ps = in.data.periods;
  if (!spec.report_index || spec.categories.empty()) return;
  const std::size_t r = *spec.report_index;
  std::vector<std::size_t> which = {r};
  if (r > 0) which.push_back(r - 1);
  if (r > 1) which.push_back(0);
  for (std::size_t i : which) {
    const auto& c = spec.categories[i];
    if (c.missing()) continue;
    const double judged = *c.answered + *c.unanswered;
    N.value_in(ps.all[i], "needs_reply_judged", S.get("figures.judged_count"), "all", N.all_own(), judged,
               spec.count_format(judged));
    if (judged > 0)
      N.value_in(ps.all[i], "unanswered_share", S.get("metric.unanswered_share.label"), "all", N.all_own(),
                 *c.unanswered / judged, spec.share_format(*c.unanswered / judged));
  }
  const auto& c = spec.categories[r];
  if (!c.missing() && *c.unanswered > 0)
    N.value("unanswered", S.get("figures.unanswered_count"), "all", N.all_own(), *c.unanswered,
            spec.count_format(*c.unanswered));
}

}  // namespace

// The response-time target on the chart (docs/decisions.md): a dashed line, and the months whose
// plotted median lies above it in the bad colour. The chart plots the median of answered
// messages, which is never above the target's median over all messages (unanswered count as
// infinite), so a coloured month is always a real miss.
static void add_response_target(const BriefingInput& in, LineChartSpec& spec, LineSeries& median) {
  for (const auto& k : in.kpis) {
    if (k.metric != "first_response_p50" || !k.target) continue;
    mark_target(
        spec, median, k.target->value / 60.0, k.target->at_most,
        in.strings.format(k.target->at_most ? "decisions.chart_target_at_most" : "decisions.chart_target_at_least",
                          {{"value", text::format_duration(k.target->value, in.strings.language())}}));
  }
}
// The mock-up's second row: the median first response of answered messages per month (a gap
// where a month has none), and the two best-ranked dialogue findings beside it.
static std::optional<ChartBeside> response_time_beside(const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  const series::DialogueSeries* dlg = in.data.find_dialogue(series::Scope::all_own());
  if (!dlg) return std::nullopt;
  ChartBeside b;
  b.chart.title = S.get("dialogue_extra.frt_title");
  b.chart.subtitle = S.get("dialogue_extra.frt_subtitle");
  auto& spec = b.chart.spec;
  LineSeries median;
  median.name = S.get("dialogue_extra.frt_median");
  bool any = false;
  for (std::size_t i = 0; i < ps.window_size; ++i) {
    CategoryLabel l = category_label(ps.all[i], i == 0, lang);
    if ((ps.window_size - 1 - i) % 3 != 0) l = {};
    spec.categories.push_back(l);
    const auto& d = dlg->periods[i].answered_median;
    median.values.push_back(d && !d->infinite ? std::optional<double>(static_cast<double>(d->seconds) / 3600.0)
                                              : std::nullopt);
    any = any || median.values.back().has_value();
  }
  if (!any) return std::nullopt;
  add_response_target(in, spec, median);
  spec.series = {median};
  // The end label: the last month with a value, as layout/chart_line.cpp prints it.
  for (std::size_t i = median.values.size(); i-- > 0;)
    if (median.values[i]) {
      const FigureNames N = in.names();
      const double minutes = static_cast<double>(dlg->periods[i].answered_median->seconds) / 60.0;  // as the table
      N.value_in(ps.all[i], "reply_time_p50", S.get("figures.reply_time_label"), "all", N.all_own(), minutes,
                 text::format_duration(*median.values[i] * 60, lang));  // spec.format, set below
      break;
    }
  spec.report_index = ps.window_size - 1;
  spec.format = [lang](double hours) { return text::format_duration(hours * 60, lang); };
  spec.allow_zoom = false;  // durations from zero
  b.list_title = S.get("dialogue_extra.list_title");
  static const char* const kDialogueMetrics[] = {
      "unanswered_share", "first_response_p50", "first_response_p90", "needs_reply", "backlog", "response_rate",
      "inbound"};
  // Dialogue findings that are not on page 1 first (the mock-up's page 2 adds to page 1), then
  // page 1's own when there are fewer than two others.
  const std::size_t on_page_1 =
      std::min(static_cast<std::size_t>(std::max(in.summary_findings, 0)), in.findings.size());
  std::vector<const findings::Finding*> picked;
  for (int pass = 0; pass < 2 && in.all_findings; ++pass) {
    for (std::size_t rank = 0; rank < in.all_findings->size() && picked.size() < 2; ++rank) {
      const auto& f = (*in.all_findings)[rank];
      if ((rank < on_page_1) != (pass == 1)) continue;
      if (std::any_of(std::begin(kDialogueMetrics), std::end(kDialogueMetrics),
                      [&](const char* m) { return f.metric == m; }))
        picked.push_back(&f);
    }
  }
  if (!picked.empty()) {
    for (const findings::Finding* fp : picked) {
      const auto& f = *fp;
      FindingItem item = finding_item(f);
      item.why_lead = S.get("summary.why_lead");
      item.why_text = f.why;
      if (in.decisions)  // since when, management's action, outlook (docs/decisions.md)
        item.notes = finding_notes(S, in.data.periods, *in.decisions, *in.all_findings,
                                   static_cast<std::size_t>(fp - in.all_findings->data()), false, false);
      b.items.push_back(std::move(item));
      in.figures.add_finding(finding_figures(in, f));
    }
  }
  return b;
}

ComboChart dialogue_chart(const BriefingInput& in, bool compact) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  const series::DialogueSeries* dlg = in.data.find_dialogue(series::Scope::all_own());
  static const std::vector<series::DialoguePeriod> kNone;
  const auto& P = dlg ? dlg->periods : kNone;
  ComboChart chart;
  chart.title = S.get("dialogue.chart_title");
  chart.subtitle = S.get("dialogue.chart_subtitle");
  auto& spec = chart.spec;
  spec.compact = compact;  // the one-pager's page 1 also holds the bottom line and the actions
  for (std::size_t i = 0; i < ps.window_size && i < P.size(); ++i) {
    ComboCategory c;
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
      spec.target_label =
          S.format("dialogue.target_label", {{"value", text::format_fraction_as_percent(k.target->value, lang)}});
      in.figures.add(k.metric + ".target",
                     S.format("figures.target", {{"measure", S.get("tiles.label.unanswered_share")}}), "all",
                     ps.all[ps.report].key, k.target->value, text::format_fraction_as_percent(k.target->value, lang));
    }
  register_combo(in, spec);
  return chart;
}

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
  if (in.data.interactions_read == 0) {
    // No message data at all: the section says so instead of charting zeros.
    open.headline =
        S.format_sentence("figures.headline_no_message_data", {{"period", findings::period_in_sentence(report, lang)}});
    open.subtitle = S.get("figures.no_message_data");
    doc.blocks.push_back(open);
    doc.blocks.push_back(Paragraph{S.get("figures.no_message_data_text"), false});
    return;
  }
  if (!share && !r.reply_info && r.needs_reply > 0)
    open.headline = S.format_sentence(
        "figures.headline_no_reply_data",
        {{"n", text::format_integer(r.needs_reply, lang)}, {"period", findings::period_in_sentence(report, lang)}});
  else if (share)
    open.headline = S.format_sentence("dialogue.headline", {{"share", text::format_fraction_as_percent(*share, lang)},
                                                            {"period", findings::period_in_sentence(report, lang)}});
  else
    open.headline =
        S.format_sentence("dialogue.headline_no_data", {{"period", findings::period_in_sentence(report, lang)}});
  if (open.subtitle.empty())
    open.subtitle = S.format(in.partial_period ? "partial_period.dialogue_subtitle" : "dialogue.subtitle",
                             {{"period", findings::period_since(report, lang)},
                              {"prev", findings::period_since(ps.all[ps.previous], lang)},
                              {"year_ago", findings::period_since(ps.all[ps.year_ago], lang)}});
  const FigureNames N = in.names();
  if (share)  // registered for the opening, pushed next (docs/figures.md)
    N.value("unanswered_share", S.get("metric.unanswered_share.label"), "all", N.all_own(), *share,
            text::format_fraction_as_percent(*share, lang));
  doc.blocks.push_back(open);

  doc.blocks.push_back(dialogue_chart(in, false));
  // The per-channel table right under the monthly chart it breaks down, then the response-time
  // chart with what stands out: the section fills page 2 instead of leaving the table alone on
  // page 3 (a block that does not fit still moves whole to the next page).
  // The definitions go with the table's note, so they never end up alone on a page.
  Table table = channel_table(in);
  table.note += " " + S.format("dialogue.definitions",
                               {{"hours", text::format_integer(in.data.response_window_seconds / 3600, lang)},
                                {"tz", time_zone_name(S, in.tz)}});
  doc.blocks.push_back(std::move(table));
  if (auto beside = response_time_beside(in)) doc.blocks.push_back(std::move(*beside));
}

}  // namespace boardbrief::document
