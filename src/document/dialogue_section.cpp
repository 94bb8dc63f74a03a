#include "document/dialogue_section.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

#include "document/channel_groups.h"
#include "document/colour_rule.h"
#include "document/finding_marks.h"
#include "document/names.h"
#include "document/partial_period.h"
#include "findings/finding.h"
#include "findings/phrasing.h"
#include "model/metric_keys.h"
#include "text/date_format.h"
#include "text/number_format.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

namespace mk = model::metric_key;

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

// A row of the dialogue table: a channel's, the folded rest's or the total's messages in the
// report period and the one before, and how many were still open at the period's end.
struct DialogueRow {
  std::string label;
  std::string platform;  // empty: no swatch
  series::DialoguePeriod cur, old;
  std::int64_t open = 0;
  std::string scope, scope_name;  // the row's figures in the registry (docs/figures.md)
};

// A column of the dialogue table that prints `cell` of a row and registers the figure `value`
// (a change against the previous period when `change`). A "–" cell registers none, nor does a
// cell without a value unless `register_null` (a percentile beyond the window: "> 72 h").
Column<DialogueRow> dialogue_column(const BriefingInput& in, std::string header, double width, std::string measure,
                                    std::string name, bool change, std::function<TableCell(const DialogueRow&)> cell,
                                    std::function<std::optional<double>(const DialogueRow&)> value,
                                    bool register_null = true) {
  auto print = [&in, measure, name, change, cell, value, register_null](const DialogueRow& r) {
    TableCell c = cell(r);
    const FigureNames N = in.names();
    const auto v = value(r);
    if (c.text == text::missing_cell() || (!v && !register_null)) return c;
    if (change)
      N.change(N.previous, measure, name, r.scope, r.scope_name, v, c.text);
    else
      N.value(measure, name, r.scope, r.scope_name, v, c.text);
    return c;
  };
  return {std::move(header), width, Align::Right, print, change};
}

TableCell text_cell(std::string text, std::optional<Role> role = std::nullopt) {
  TableCell c;
  c.text = std::move(text);
  c.role = role;
  return c;
}

// The unanswered share's change in whole points, from the rounded shares (as printed), coloured
// by the tiles' rule and gate (colour_rule.h) once both months have 30 messages to judge.
TableCell unanswered_change_cell(const DialogueRow& r, Language lang) {
  auto share = r.cur.unanswered_share(), share_old = r.old.unanswered_share();
  if (!share || !share_old || r.cur.mature < 30 || r.old.mature < 30)
    return text_cell(std::string(text::missing_cell()));
  const double pp = std::round(*share * 100) - std::round(*share_old * 100);
  return text_cell(text::format_signed(pp, 0, lang),
                   change_role(analysis::unanswered_share_change(r.cur, r.old).significant, pp, model::Better::Down));
}

// Needing a reply, its change (no better direction: grey), the unanswered share on a bar with
// the target's tick and its change, the reply times and the messages open at the end.
ColumnList<DialogueRow> dialogue_columns(const BriefingInput& in, std::optional<double> target, double bar_max) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto& ps = in.data.periods;
  const std::string prev_short = findings::period_short(ps.all[ps.previous], lang, false);
  const std::string dash(text::missing_cell());
  const std::int64_t window = in.data.response_window_seconds;
  const std::string inbound = S.get("metric.inbound.label"), unanswered = S.get("metric.unanswered_share.label");
  Column<DialogueRow> bar{"", 48, Align::Left, [target, bar_max](const DialogueRow& r) {
                            TableCell c;
                            if (auto share = r.cur.unanswered_share())
                              c.bar = TableBar{std::min(*share / bar_max, 1.0),
                                               target ? std::optional<double>(*target / bar_max) : std::nullopt,
                                               Role::Adverse};
                            return c;
                          }};
  return {
      name_column<DialogueRow>(S.get("dialogue.col_channel")),
      dialogue_column(
          in, S.get("dialogue.col_needs_reply"), 52, mk::kNeedsReply, inbound, false,
          [lang](const DialogueRow& r) { return text_cell(text::format_integer(r.cur.needs_reply, lang)); },
          [](const DialogueRow& r) { return std::optional<double>(static_cast<double>(r.cur.needs_reply)); }),
      dialogue_column(
          in, S.format("dialogue.col_vs", {{"period", prev_short}}), 46, mk::kNeedsReply, inbound, true,
          [lang, dash](const DialogueRow& r) {
            const double ratio = static_cast<double>(r.cur.needs_reply) / static_cast<double>(r.old.needs_reply);
            return text_cell(r.old.needs_reply >= 30 ? text::format_percent_change(100.0 * (ratio - 1), lang) : dash,
                             Role::Neutral);
          },
          [](const DialogueRow& r) {
            return r.old.needs_reply > 0
                       ? std::optional<double>(
                             100.0 *
                             (static_cast<double>(r.cur.needs_reply) / static_cast<double>(r.old.needs_reply) - 1))
                       : std::nullopt;
          }),
      bar,
      dialogue_column(
          in, S.get("dialogue.col_unanswered"), 56, mk::kUnansweredShare, unanswered, false,
          [lang, dash](const DialogueRow& r) {
            auto share = r.cur.unanswered_share();
            return text_cell(share ? text::format_fraction_as_percent(*share, lang) : dash);
          },
          [](const DialogueRow& r) { return r.cur.unanswered_share(); }),
      // Wide enough for the Danish "pct.-point" header.
      dialogue_column(
          in, S.format("dialogue.col_vs_pp", {{"period", prev_short}}), 48, mk::kUnansweredShare, unanswered, true,
          [lang](const DialogueRow& r) { return unanswered_change_cell(r, lang); },
          [](const DialogueRow& r) -> std::optional<double> {
            auto share = r.cur.unanswered_share(), share_old = r.old.unanswered_share();
            if (!share || !share_old) return std::nullopt;
            return std::round(*share * 100) - std::round(*share_old * 100);
          }),
      dialogue_column(
          in, S.get("dialogue.col_median"), 54, mk::kReplyTimeP50, S.get("figures.reply_time_label"), false,
          [lang, window](const DialogueRow& r) { return text_cell(minutes_cell(r.cur.answered_median, window, lang)); },
          // An answered median beyond the window prints "> 72 h" and registers nothing.
          [](const DialogueRow& r) { return minutes_of(r.cur.answered_median); }, false),
      dialogue_column(
          in, S.get("dialogue.col_p90"), 50, mk::kFirstResponseP90, S.get("metric.first_response_p90.label"), false,
          [lang, window](const DialogueRow& r) { return text_cell(minutes_cell(r.cur.frt_p90, window, lang)); },
          [](const DialogueRow& r) { return minutes_of(r.cur.frt_p90); }),
      dialogue_column(
          in, S.format("dialogue.col_open", {{"day", text::format_day_short(ps.all[ps.report].last, lang)}}), 52,
          "open_at_end", S.get("figures.open_at_end"), false,
          [lang, dash](const DialogueRow& r) {
            return text_cell(r.cur.reply_info ? text::format_integer(r.open, lang) : dash);
          },
          [](const DialogueRow& r) { return std::optional<double>(static_cast<double>(r.open)); })};
}

// The rows of the largest own channels and of the rest; returns the messages open at the end
// over all of them.
std::int64_t add_dialogue_rows(const BriefingInput& in, TableSpec& spec, const ColumnList<DialogueRow>& columns) {
  const auto& ps = in.data.periods;
  auto scope_of = [](const model::Channel& c) {
    series::Scope scope;
    scope.kind = series::Scope::Kind::Channel;
    scope.channel_id = c.id;
    return scope;
  };
  std::vector<const model::Channel*> own;
  for (const auto& c : in.data.channels)
    if (c.owner == model::Owner::Own && in.data.find_dialogue(scope_of(c))) own.push_back(&c);
  auto groups = group_channels(own, [&](const model::Channel& c) {
    return static_cast<double>(in.data.find_dialogue(scope_of(c))->periods[ps.report].needs_reply);
  });
  std::int64_t total_open = 0;
  for (const auto* c : groups.shown) {
    const auto* ds = in.data.find_dialogue(scope_of(*c));
    const std::string label = channel_label(in.strings, in.data.channels, *c);
    total_open += ds->periods[ps.report].unanswered_at_end;
    spec.rows.push_back(
        table_row(columns, DialogueRow{label, c->platform, ds->periods[ps.report], ds->periods[ps.previous],
                                       ds->periods[ps.report].unanswered_at_end, channel_scope(*c), label}));
  }
  if (!groups.others.empty()) {
    auto cur = group_dialogue(in.data, groups.others, ps.report);
    total_open += cur.unanswered_at_end;
    const std::string label = others_label(in.strings, groups.others.size());
    spec.rows.push_back(
        table_row(columns, DialogueRow{label, "", cur, group_dialogue(in.data, groups.others, ps.previous),
                                       cur.unanswered_at_end, "others", label}));
  }
  return total_open;
}

// One row per own channel (the largest by messages needing a reply, then one row for the rest,
// channel_groups.h) and the total. Open = the period's own messages without a reply by its end
// (the combo chart's bracket), not every unanswered message since the data began.
Table channel_table(const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  Table t;
  t.title = S.format("dialogue.table_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  t.subtitle = S.format(in.partial_period ? "partial_period.dialogue_table_subtitle" : "dialogue.table_subtitle",
                        {{"prev", findings::period_since(ps.all[ps.previous], lang)}});
  constexpr double kBarMax = 0.6;  // one fixed scale, 0–60 %
  std::optional<double> target;
  for (const auto& k : in.kpis)
    if (k.metric == mk::kUnansweredShare && k.target) target = k.target->value;
  // Without a target the note says nothing about a tick, rather than "tick: target –".
  t.note = target ? S.format("dialogue.table_note", {{"max", text::format_percent(100 * kBarMax, lang)},
                                                     {"target", text::format_fraction_as_percent(*target, lang)}})
                  : S.format("dialogue.table_note_no_target", {{"max", text::format_percent(100 * kBarMax, lang)}});
  auto columns = dialogue_columns(in, target, kBarMax);
  drop_change_columns(t, columns, in);
  t.spec.columns = table_header(columns);
  t.spec.names_lead = S.get("channel_groups.names_lead");
  const std::int64_t total_open = add_dialogue_rows(in, t.spec, columns);
  if (const auto* all = in.data.find_dialogue(series::Scope::all_own())) {
    t.spec.total = table_row(columns,
                             DialogueRow{S.get("dialogue.total"), "", all->periods[ps.report],
                                         all->periods[ps.previous], total_open, "all", in.names().all_own()},
                             true);
    if (auto line = reconciliation(in, all->periods[ps.report], total_open); !line.empty()) t.note += " " + line;
  }
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
      N.value_in(ps.all[i], mk::kUnansweredShare, S.get("metric.unanswered_share.label"), "all", N.all_own(),
                 *c.unanswered / judged, spec.share_format(*c.unanswered / judged));
  }
  const auto& c = spec.categories[r];
  if (!c.missing() && *c.unanswered > 0)
    N.value("unanswered", S.get("figures.unanswered_count"), "all", N.all_own(), *c.unanswered,
            spec.count_format(*c.unanswered));
}

}  // namespace

// "1", "1 and 2", "1, 2 and 4": findings by their rank on page 1.
std::string rank_list(const text::Strings& S, const std::vector<std::size_t>& ranks) {
  std::string out;
  for (std::size_t k = 0; k < ranks.size(); ++k) {
    if (k > 0) out += k + 1 == ranks.size() ? " " + S.get("dialogue_refs.and") + " " : ", ";
    out += text::format_integer(static_cast<std::int64_t>(ranks[k]), S.language());
  }
  return out;
}

// What stands out in the dialogue (the mock-up's page 2 adds to page 1): the best-ranked
// dialogue findings that are not on page 1, at most two. Page 1's own dialogue findings are
// referred to by their rank, never said again (docs/visual-rules.md, "Pages that scale").
std::vector<FindingItem> dialogue_list(const BriefingInput& in) {
  const auto& S = in.strings;
  static const char* const kDialogueMetrics[] = {mk::kUnansweredShare, mk::kFirstResponseP50, mk::kFirstResponseP90,
                                                 mk::kNeedsReply,      mk::kBacklog,          mk::kResponseRate,
                                                 mk::kInbound};
  const std::size_t on_page_1 =
      std::min(static_cast<std::size_t>(std::max(in.summary_findings, 0)), in.findings.size());
  std::vector<FindingItem> items;
  std::vector<std::size_t> page_1_ranks;
  for (std::size_t i = 0; in.all_findings && i < in.all_findings->size(); ++i) {
    const auto& f = (*in.all_findings)[i];
    if (std::none_of(std::begin(kDialogueMetrics), std::end(kDialogueMetrics),
                     [&](const char* m) { return f.metric == m; }))
      continue;
    if (i < on_page_1) {
      page_1_ranks.push_back(i + 1);
      continue;
    }
    if (items.size() == 2) continue;
    FindingItem item = finding_item(f);
    item.why_lead = S.get("summary.why_lead");
    item.why_text = f.why;
    if (in.decisions)  // since when, management's action, outlook (docs/decisions.md)
      item.notes = finding_notes(S, in.data.periods, *in.decisions, *in.all_findings, i, false, false);
    items.push_back(std::move(item));
    in.figures.add_finding(finding_figures(in, f));
  }
  if (!page_1_ranks.empty()) {
    FindingItem ref;  // no mark: a pointer, not a finding
    ref.sentence = S.format_plural("dialogue_refs.on_page_1", static_cast<std::int64_t>(page_1_ranks.size()),
                                   {{"ranks", rank_list(S, page_1_ranks)}});
    items.push_back(std::move(ref));
  }
  return items;
}

// The response-time target on the chart (docs/decisions.md): a dashed line, and the months whose
// plotted median lies above it in the bad colour. The chart plots the median of answered
// messages, which is never above the target's median over all messages (unanswered count as
// infinite), so a coloured month is always a real miss.
static void add_response_target(const BriefingInput& in, LineChartSpec& spec, LineSeries& median) {
  for (const auto& k : in.kpis) {
    if (k.metric != mk::kFirstResponseP50 || !k.target) continue;
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
      N.value_in(ps.all[i], mk::kReplyTimeP50, S.get("figures.reply_time_label"), "all", N.all_own(), minutes,
                 text::format_duration(*median.values[i] * 60, lang));  // spec.format, set below
      break;
    }
  spec.report_index = ps.window_size - 1;
  spec.format = [lang](double hours) { return text::format_duration(hours * 60, lang); };
  spec.allow_zoom = false;  // durations from zero
  b.list_title = S.get("dialogue_extra.list_title");
  b.items = dialogue_list(in);
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
    if (k.metric == mk::kUnansweredShare && k.target) {
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
    N.value(mk::kUnansweredShare, S.get("metric.unanswered_share.label"), "all", N.all_own(), *share,
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
