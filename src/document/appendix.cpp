#include "document/appendix.h"

#include <optional>

#include <algorithm>
#include <map>
#include <set>

#include "document/channel_groups.h"
#include "document/finding_marks.h"
#include "document/names.h"
#include "document/table_columns.h"
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

SectionHeading heading(const text::Strings& S, const std::string& key, std::string note = "") {
  return SectionHeading{S.get(key), std::move(note), ""};
}

Paragraph tight(std::string text) {
  Paragraph p{std::move(text), true};
  p.tight = true;
  return p;
}

// Days as runs: "3 Oct, 30–31 Oct 2026".
std::string day_spans(const std::set<date::local_days>& days, Language lang) {
  std::string out;
  for (auto it = days.begin(); it != days.end();) {
    auto first = *it, last = *it;
    for (++it; it != days.end() && *it == last + date::days{1}; ++it) last = *it;
    out += (out.empty() ? "" : ", ") +
           (first == last ? text::format_day_short(first, lang) : text::format_span(first, last, lang));
  }
  return out;
}

// A channel's missing days in the report period and the metrics that miss them.
struct ChannelGaps {
  std::set<date::local_days> days;
  std::vector<std::string> metrics;
};

struct CoverageRow {
  std::string label;
  std::string platform;
  const ChannelGaps* gaps = nullptr;
  std::string scope;  // in the registry
  std::string metric_list() const {
    std::string out;
    for (const auto& m : gaps->metrics) out += (out.empty() ? "" : ", ") + m;
    return out;
  }
};

// The channel, its missing days (registered), a spacer, the metrics and the days as runs.
ColumnList<CoverageRow> coverage_columns(const BriefingInput& in) {
  const auto& S = in.strings;
  const Language lang = S.language();
  auto missing_days = [&in, lang](const CoverageRow& r) {
    TableCell c;
    c.text = text::format_integer(static_cast<std::int64_t>(r.gaps->days.size()), lang);
    in.names().value("missing_days", in.strings.format("figures.missing_days", {{"metric", r.metric_list()}}), r.scope,
                     r.label, static_cast<double>(r.gaps->days.size()), c.text);
    return c;
  };
  auto text_of = [](std::string (*f)(const CoverageRow&, Language), Language l) {
    return [f, l](const CoverageRow& r) {
      TableCell c;
      c.text = f(r, l);
      return c;
    };
  };
  return {name_column<CoverageRow>(S.get("appendix.col_channel")),
          {S.get("appendix.col_missing"), 50, Align::Right, missing_days},
          {"", 12, Align::Left, [](const CoverageRow&) { return TableCell{}; }},
          {S.get("appendix.col_metric"), 150, Align::Left,
           text_of([](const CoverageRow& r, Language) { return r.metric_list(); }, lang)},
          {S.get("appendix.col_spans"), 120, Align::Left,
           text_of([](const CoverageRow& r, Language l) { return day_spans(r.gaps->days, l); }, lang)}};
}

void coverage(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const model::Period& report = in.data.periods.all[in.data.periods.report];
  std::string period = findings::period_in_sentence(report, lang);
  doc.blocks.push_back(
      heading(S, "appendix.coverage_title", S.format("appendix.coverage_subtitle", {{"period", period}})));
  if (in.gaps.empty()) {
    doc.blocks.push_back(Paragraph{S.format("appendix.coverage_complete", {{"period", period}}), true});
    return;
  }
  // One row per channel (not per channel and metric): its missing days, which metrics miss
  // them, and when; channels with the most missing days first.
  std::map<std::int64_t, ChannelGaps> per_channel;
  for (const auto& g : in.gaps) {
    auto& c = per_channel[g.channel_id];
    for (const auto& span : g.spans)
      for (auto d = span.first; d <= span.last; d += date::days{1}) c.days.insert(d);
    std::string key = "metric." + g.metric + ".label";
    std::string label = S.contains(key) ? S.get(key) : g.metric;
    if (std::find(c.metrics.begin(), c.metrics.end(), label) == c.metrics.end()) c.metrics.push_back(label);
  }
  std::vector<std::pair<std::int64_t, const ChannelGaps*>> order;
  for (const auto& [id, gaps] : per_channel) order.emplace_back(id, &gaps);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second->days.size() > b.second->days.size(); });
  std::map<std::int64_t, const model::Channel*> by_id;
  for (const auto& c : in.data.channels) by_id[c.id] = &c;
  Table t;
  t.spec.names_lead = S.get("channel_groups.names_lead");
  const auto columns = coverage_columns(in);
  t.spec.columns = table_header(columns);
  for (const auto& [id, gaps] : order) {
    CoverageRow row{std::to_string(id), "", gaps, "channel:" + std::to_string(id)};
    if (auto it = by_id.find(id); it != by_id.end()) {
      row.label = channel_label(S, in.data.channels, *it->second);
      row.platform = it->second->platform;
      row.scope = "channel:" + it->second->platform + ":" + it->second->handle;
    }
    t.spec.rows.push_back(table_row(columns, row));
  }
  t.note = S.get("appendix.coverage_note");
  doc.blocks.push_back(std::move(t));
}

void definitions(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  doc.blocks.push_back(heading(S, "appendix.definitions_title"));
  // Label from the metric's own language key when there is one.
  static const char* const kOrder[] = {mk::kFollowers,      mk::kReach,           mk::kImpressions, mk::kEngagements,
                                       mk::kEngagementRate, mk::kPosts,           mk::kLinkClicks,  mk::kMentions,
                                       mk::kShareOfVoice,   mk::kUnansweredShare, "first_response", mk::kNetSentiment};
  bool first = true;
  for (const char* key : kOrder) {
    std::string label_key = std::string("metric.") + key + ".label";
    if (std::string(key) == "first_response") label_key = "metric.first_response_p50.label";
    std::string label = S.contains(label_key) ? S.get(label_key) : key;
    std::string text = "**" + label + ":** " + S.get(std::string("appendix_definition.") + key);
    doc.blocks.push_back(first ? Paragraph{text, true} : tight(text));
    first = false;
    // The two medians of the dialogue side by side: the wait (tiles, findings, target) and the
    // reply time of answered messages (page 2's table and chart); docs/figures.md.
    if (std::string(key) == "first_response")
      doc.blocks.push_back(
          tight("**" + S.get("figures.reply_time_label") + ":** " + S.get("figures.reply_time_definition")));
  }
}

// The report's family of tests (docs/findings-method.md §2): its size and each ranked finding's
// raw p and Benjamini–Hochberg q, so the reader can see how strong each claim is.
std::optional<std::string> tests_paragraph(const BriefingInput& in) {
  if (!in.all_findings) return std::nullopt;
  const auto& S = in.strings;
  const auto& lang = S.language();
  auto number = [&](double v) {
    return v < 0.001 ? "< " + text::format_decimal(0.001, 3, lang) : text::format_decimal(v, 3, lang);
  };
  std::string list;
  double family = 0;
  int rank = 0;
  for (const auto& f : *in.all_findings) {
    ++rank;
    auto p = f.inputs.find("p"), q = f.inputs.find("q"), m = f.inputs.find("family_size");
    if (p == f.inputs.end() || q == f.inputs.end()) continue;
    if (m != f.inputs.end()) family = m->second;
    list += (list.empty() ? "" : "; ") +
            S.format("method.appendix_item",
                     {{"rank", std::to_string(rank)}, {"p", number(p->second)}, {"q", number(q->second)}});
  }
  if (list.empty()) return std::nullopt;
  return S.format("method.appendix_tests", {{"m", text::format_count(family, lang)}, {"list", list}});
}

void audit_list(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  std::string n = text::format_integer(in.summary_findings, in.strings.language());
  doc.blocks.push_back(heading(S, "appendix.audit_title", S.format("appendix.audit_subtitle", {{"n", n}})));
  std::vector<FindingItem> items;
  std::vector<const findings::Finding*> of_item;  // for the registry's finding figures
  int rank = 0;
  const int on_page_1 = std::min(in.summary_findings, static_cast<int>(in.findings.size()));
  if (in.all_findings) {
    for (const auto& f : *in.all_findings) {
      if (++rank <= on_page_1) continue;
      FindingItem item = finding_item(f, rank);
      item.why_lead = S.get("summary.why_lead");
      item.why_text = f.why;
      if (in.decisions)  // since when, management's action, outlook (docs/decisions.md)
        item.notes = finding_notes(S, in.data.periods, *in.decisions, *in.all_findings,
                                   static_cast<std::size_t>(rank - 1), false);
      items.push_back(std::move(item));
      of_item.push_back(&f);
    }
  }
  if (items.empty()) {
    doc.blocks.push_back(Paragraph{S.get("appendix.audit_none"), true});
    return;
  }
  // Groups of two, so a long list flows over pages and fills them (a block never breaks across pages).
  for (std::size_t i = 0; i < items.size(); i += 2) {
    FindingList list;
    list.continues = i > 0;
    list.items.assign(items.begin() + static_cast<std::ptrdiff_t>(i),
                      items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), i + 2)));
    for (std::size_t k = i; k < std::min(items.size(), i + 2); ++k)
      in.figures.add_finding(finding_figures(in, *of_item[k]));
    doc.blocks.push_back(std::move(list));
  }
}

// Every channel by its full name and handle: one paragraph for the own channels and one for the
// competitors, platform by platform, so the list takes a few lines for nine channels and about a
// page for 200 (docs/visual-rules.md, "Pages that scale"). A long list is cut into paragraphs of
// kChannelsPerParagraph, because a paragraph never breaks across pages.
constexpr std::size_t kChannelsPerParagraph = 16;

void channels(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  doc.blocks.push_back(heading(S, "appendix.channels_title", S.get("appendix.channels_subtitle")));
  bool first = true;
  for (model::Owner owner : {model::Owner::Own, model::Owner::Competitor}) {
    std::vector<const model::Channel*> list;
    for (const auto& c : in.data.channels)
      if (c.owner == owner) list.push_back(&c);
    std::stable_sort(list.begin(), list.end(), [](const auto* a, const auto* b) { return a->platform < b->platform; });
    const std::string lead = "**" + S.get(owner == model::Owner::Own ? "sentiment.own_row" : "appendix.competitors") +
                             "** (" + text::format_integer(static_cast<std::int64_t>(list.size()), S.language()) +
                             "): ";
    std::string text;
    std::string platform;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i % kChannelsPerParagraph == 0) {
        if (!text.empty()) doc.blocks.push_back(first ? Paragraph{text, true} : tight(text)), first = false;
        text = i == 0 ? lead : "";
        platform.clear();
      }
      const auto& c = *list[i];
      if (c.platform != platform) {
        text += std::string(platform.empty() && (i % kChannelsPerParagraph == 0) ? "" : "; ") + "**" +
                platform_name(S, c.platform) + "** ";
        platform = c.platform;
      } else {
        text += ", ";
      }
      text += c.name + " · " + c.handle;
    }
    if (!text.empty()) doc.blocks.push_back(first ? Paragraph{text, true} : tight(text)), first = false;
  }
}

}  // namespace

// The counts a provenance block prints, registered for the block pushed next (docs/figures.md).
void register_counts(const BriefingInput& in, std::initializer_list<std::pair<const char*, std::int64_t>> counts) {
  const FigureNames N = in.names();
  for (const auto& [what, n] : counts)
    N.sink.add(
        std::string("rows.") + what + "." + N.report.key,
        in.strings.format("figures.label", {{"measure", in.strings.get(std::string("figures.rows_") + what)},
                                            {"scope", in.db_name},
                                            {"period", findings::period_title(N.report, in.strings.language())}}),
        "database", N.report.key, static_cast<double>(n), text::format_integer(n, in.strings.language()));
}

Provenance full_provenance(const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const model::Period& report = in.data.periods.all[in.data.periods.report];
  Provenance p;
  // The organisation in full: the title band and the running header may shorten a long name.
  if (!in.org.empty()) p.rows.push_back({S.get("provenance_org.label"), in.org});
  p.rows.push_back(
      {S.get("provenance_detail.tool"), S.format("provenance_detail.tool_text", {{"version", in.version}})});
  p.rows.push_back({S.get("provenance_detail.database"),
                    S.format("provenance_detail.database_text",
                             {{"db", in.db_name}, {"schema", std::to_string(in.schema_version)}})});
  p.rows.push_back({S.get("provenance_detail.period"),
                    S.format("provenance_detail.period_text", {{"first", text::format_date(report.first, lang)},
                                                               {"last", text::format_date(report.last, lang)},
                                                               {"tz", in.tz},
                                                               {"begin", in.period_begin_utc},
                                                               {"end", in.period_end_utc}})});
  p.rows.push_back(
      {S.get("provenance_detail.settings"),
       S.format("provenance_detail.settings_text",
                {{"template", in.template_name},
                 {"lang", in.language_code},
                 {"as_of", in.as_of_option.empty() ? text::format_date_time(in.as_of, lang) : in.as_of_option},
                 {"hours", text::format_integer(in.data.response_window_seconds / 3600, lang)}})});
  p.rows.push_back(
      {S.get("provenance_detail.rows"),
       S.format("provenance_detail.rows_text",
                {{"channels", text::format_integer(static_cast<std::int64_t>(in.data.channels.size()), lang)},
                 {"aggregates", text::format_integer(in.aggregate_rows, lang)},
                 {"interactions", text::format_integer(in.interaction_rows, lang)},
                 {"total", text::format_integer(in.fingerprint_rows, lang)}})});
  p.rows.push_back({S.get("provenance_detail.fingerprint"),
                    S.format("provenance_detail.fingerprint_text", {{"hash", in.fingerprint}})});
  return p;
}

void add_appendix(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  doc.blocks.push_back(PageBreak{});
  SectionOpening o;
  o.kicker = text::to_upper(S.get("appendix.kicker"));
  o.bookmark = S.get("appendix.bookmark");
  o.headline = S.get("appendix.headline");
  o.subtitle = S.get("appendix.subtitle");
  doc.blocks.push_back(std::move(o));
  coverage(doc, in);
  definitions(doc, in);
  doc.blocks.push_back(heading(S, "appendix.methods_title"));
  doc.blocks.push_back(Paragraph{
      S.format("appendix.methods_text", {{"n", text::format_integer(in.summary_findings, in.strings.language())}}),
      true});
  if (auto tests = tests_paragraph(in)) doc.blocks.push_back(Paragraph{*tests, true});
  audit_list(doc, in);
  channels(doc, in);
  doc.blocks.push_back(heading(S, "appendix.provenance_title"));
  Provenance p = full_provenance(in);
  // Page 1's notes (missing days) are copied into this block (build_briefing).
  std::int64_t gap_days = 0;
  for (const auto& g : in.gaps) gap_days += g.missing_days;
  if (!in.gaps.empty())
    register_counts(in, {{"gap_series", static_cast<std::int64_t>(in.gaps.size())}, {"gap_days", gap_days}});
  register_counts(in, {{"channels", static_cast<std::int64_t>(in.data.channels.size())},
                       {"aggregates", in.aggregate_rows},
                       {"interactions", in.interaction_rows},
                       {"fingerprinted", in.fingerprint_rows}});
  p.in_flow = true;
  doc.blocks.push_back(std::move(p));
}

}  // namespace boardbrief::document
