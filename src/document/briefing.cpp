#include "document/briefing.h"

#include <algorithm>
#include <set>

#include "calendar/periods.h"
#include "document/appendix.h"
#include "document/channel_sections.h"
#include "document/daily_chart.h"
#include "document/dialogue_section.h"
#include "document/finding_marks.h"
#include "document/names.h"
#include "document/tiles.h"
#include "findings/finding.h"
#include "findings/phrasing.h"
#include "model/metric_keys.h"
#include "text/date_format.h"
#include "text/number_format.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

namespace mk = model::metric_key;

namespace {

// The data's as-of moment; an --as-of given as a day has no time of day worth printing
// ("kl. 00.00").
std::string as_of_text(const BriefingInput& in) {
  const auto lang = in.strings.language();
  if (in.as_of_option.size() == 10) return text::format_date(date::floor<date::days>(in.as_of), lang);
  return text::format_date_time(in.as_of, lang);
}

using text::Language;

Provenance provenance(const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  int own = 0, comp = 0;
  for (const auto& c : in.data.channels) (c.owner == model::Owner::Own ? own : comp)++;
  Provenance p;
  std::string notes;
  int mark = 0;
  for (const auto& k : in.kpis)
    if (k.provisional) {
      notes = S.format("provenance.note_provisional",
                       {{"hours", text::format_integer(in.data.response_window_seconds / 3600, lang)}});
      ++mark;
      break;
    }
  if (!in.gaps.empty()) {
    int days = 0;
    for (const auto& g : in.gaps) days += g.missing_days;
    notes += (notes.empty() ? "" : " ") +
             S.format("provenance.note_gaps",
                      {{"series", text::format_integer(static_cast<std::int64_t>(in.gaps.size()), lang)},
                       {"days", text::format_integer(days, lang)}});
  }
  if (!notes.empty()) p.rows.push_back({S.get("provenance.notes"), notes});
  // The one-pager has no appendix F: its full organisation name goes here (header and band shorten it).
  if (!in.appendix_section && !in.org.empty()) p.rows.push_back({S.get("provenance_org.label"), in.org});
  p.rows.push_back(
      {S.get("provenance.source"),
       S.format("provenance.source_text", {{"db", in.db_name},
                                           {"version", std::to_string(in.schema_version)},
                                           {"own", text::format_integer(own, lang)},
                                           {"competitors", text::format_integer(comp, lang)},
                                           {"interactions", text::format_integer(in.interaction_rows, lang)},
                                           {"daily", text::format_integer(in.daily_rows, lang)},
                                           {"as_of", as_of_text(in)}})});
  // Without an appendix (the one-pager) there is no Appendix C to point to.
  p.rows.push_back({S.get("provenance.method"),
                    S.get(in.appendix_section ? "provenance.method_colour" : "provenance_detail.method_colour_short") +
                        " · " + S.get("provenance.abbreviation_pp")});
  std::string trace =
      in.findings_json.empty() ? "" : S.format("provenance.trace_json", {{"file", in.findings_json}}) + " · ";
  trace += S.format("provenance.trace_text", {{"template", in.template_name}, {"version", in.version}});
  if (!in.fingerprint.empty()) trace += " · " + S.format("provenance_detail.short", {{"hash", in.fingerprint}});
  if (in.decisions)
    if (auto row = actions_provenance(S, *in.decisions)) p.rows.push_back(*row);
  p.rows.push_back({S.get("provenance.trace"), trace});
  return p;
}

// Page 1's provenance counts in the registry, for the block pushed next (docs/figures.md).
void register_page1_counts(const BriefingInput& in) {
  int own = 0, comp = 0;
  std::int64_t gap_days = 0;
  for (const auto& c : in.data.channels) (c.owner == model::Owner::Own ? own : comp)++;
  for (const auto& g : in.gaps) gap_days += g.missing_days;
  register_counts(
      in, {{"own", own}, {"competitors", comp}, {"interactions", in.interaction_rows}, {"daily", in.daily_rows}});
  if (!in.gaps.empty())
    register_counts(in, {{"gap_series", static_cast<std::int64_t>(in.gaps.size())}, {"gap_days", gap_days}});
}

// The template's title names the document instead of "board briefing" (docs/templates.md).
void name_document(Document& doc, TitleBand& band, const BriefingInput& in) {
  if (!in.decisions || in.decisions->title.empty()) return;
  band.doc_type = text::to_upper(in.decisions->title);
  doc.furniture.header_title = "· " + in.decisions->title;
  doc.furniture.footer_left = in.strings.format("decisions.footer_confidential", {{"org", in.org}});
}

// The bottom line (docs/decisions.md) reads the findings page 1 shows.
void add_bottom_line(Document& doc, const BriefingInput& in) {
  if (!in.decisions) return;
  const auto& S = in.strings;
  const auto shown_n = std::min(in.findings.size(), static_cast<std::size_t>(std::max(0, in.summary_findings)));
  const std::vector<findings::Finding> shown(in.findings.begin(),
                                             in.findings.begin() + static_cast<std::ptrdiff_t>(shown_n));
  doc.blocks.push_back(Paragraph{
      "**" + S.get("decisions.bottom_line_lead") + "** " + bottom_line(S, in.data, shown, in.decisions->continuity),
      false, false});
}

}  // namespace

FindingFigures finding_figures(const BriefingInput& in, const findings::Finding& f) {
  const auto& S = in.strings;
  const auto lang = S.language();
  const auto& ps = in.data.periods;
  FindingFigures out;
  out.metric = f.metric;
  out.scope = f.scope;
  out.sentence = f.sentence;
  out.inputs = f.inputs;
  // The language files name the messages needing a reply "inbound".
  const std::string key = f.metric == model::metric_key::kNeedsReply ? model::metric_key::kInbound : f.metric;
  const std::string label = "metric." + key + ".label";
  if (S.contains(label)) out.measure_name = S.get(label);
  for (const auto& p : ps.all) {
    if (p.key == f.period) out.period_key = p.key, out.period_name = findings::period_title(p, lang);
    if (p.key == f.baseline) out.base_key = p.key, out.base_name = findings::period_title(p, lang);
  }
  // A platform with one own channel is that channel (as the tables name it).
  if (f.scope.rfind("platform:", 0) == 0) {
    const std::string platform = f.scope.substr(9);
    out.scope_name = platform_name(S, platform);
    int own = 0;
    for (const auto& c : in.data.channels)
      if (c.owner == model::Owner::Own && c.platform == platform && ++own == 1)
        out.scope_key = "channel:" + c.platform + ":" + c.handle;
    if (own != 1) out.scope_key.clear();
  }
  out.year_ago_key = ps.all[ps.year_ago].key;
  out.year_ago_name = findings::period_title(ps.all[ps.year_ago], lang);
  if (const auto d = f.inputs.find("day_offset"); d != f.inputs.end()) {
    const date::local_days day = ps.all[ps.report].first + date::days{static_cast<int>(d->second)};
    out.day_key = calendar::format_day(day);
    out.day_name = text::format_day(day, lang);
  }
  return out;
}

FigureNames BriefingInput::names() const {
  const auto& ps = data.periods;
  return FigureNames{figures, &strings, ps.all[ps.report], ps.all[ps.previous], ps.all[ps.year_ago], partial_period};
}

namespace {

// The PDF's metadata and the page furniture: running header and footer.
void describe_document(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto& ps = in.data.periods;
  const std::string period_title = findings::period_title(ps.all[ps.report], lang);
  doc.info.title = S.get("meta.title") + " – " + period_title;
  doc.info.subject = S.format("meta.compared_with", {{"prev", findings::period_since(ps.all[ps.previous], lang)},
                                                     {"year_ago", findings::period_since(ps.all[ps.year_ago], lang)}});
  doc.info.keywords = ps.all[ps.report].key;
  doc.furniture.header_org = in.org;
  doc.furniture.header_title = "· " + S.get("meta.running_header");
  doc.furniture.header_period = period_title;
  doc.furniture.footer_left = S.format("footer.confidential", {{"org", in.org}});
  doc.furniture.footer_centre = S.format("footer.generated", {{"date", as_of_text(in)}});
  doc.furniture.page_pattern = S.get("footer.page");
}

TitleBand title_band(const BriefingInput& in) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto& ps = in.data.periods;
  TitleBand band;
  band.org_kicker = text::to_upper(in.org);
  band.doc_type = S.get("meta.document_type");
  band.title = S.get("meta.title");
  band.period = findings::period_title(ps.all[ps.report], lang);
  band.comparison = S.format("meta.compared_with", {{"prev", findings::period_since(ps.all[ps.previous], lang)},
                                                    {"year_ago", findings::period_since(ps.all[ps.year_ago], lang)}});
  if (in.partial_period) band.comparison = S.get("partial_period.compared_with");  // no claim over the gap
  band.scope =
      S.format("meta.scope", {{"channels", own_platform_names(S, in.data.channels)}, {"tz", time_zone_name(S, in.tz)}});
  return band;
}

// Page 1's ranked findings under their heading, then the line on resolved ones.
void add_summary_findings(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  const auto& ps = in.data.periods;
  // A document the template names for someone other than the board does not address the board.
  const std::string summary_title =
      in.decisions && !in.decisions->title.empty() ? S.get("decisions.summary_title") : S.get("summary.title");
  doc.blocks.push_back(SectionHeading{summary_title, S.get("summary.note"), summary_title});
  FindingList list;
  int rank = 0;
  std::set<std::string> whys;  // "why it matters" never twice on the page
  for (const auto& f : in.findings) {
    if (rank == in.summary_findings) break;
    FindingItem item = finding_item(f, ++rank);
    // The same "why" is never printed twice on the page (docs/findings-method.md §6).
    if (in.findings_why && !f.why.empty() && whys.insert(f.why).second) {
      item.why_lead = S.get("summary.why_lead");
      item.why_text = f.why;
    }
    if (in.decisions) {
      item.notes = finding_notes(S, ps, *in.decisions, in.all_findings ? *in.all_findings : in.findings,
                                 static_cast<std::size_t>(rank - 1), true);
      for (const auto& o : in.decisions->outlook)
        if (o.finding == static_cast<std::size_t>(rank - 1)) register_outlook(in.names(), S, o);
    }
    list.items.push_back(std::move(item));
    in.figures.add_finding(finding_figures(in, f));  // its bold figures, resolved below
  }
  // A calm month says so in one sentence; the key figures follow (docs/findings-method.md).
  list.empty_text =
      S.format_sentence("method.calm", {{"period", findings::period_in_sentence(ps.all[ps.report], S.language())}});
  doc.blocks.push_back(std::move(list));
  if (in.decisions)
    if (auto resolved = resolved_paragraph(S, in.data, in.decisions->continuity))
      doc.blocks.push_back(std::move(*resolved));
}

// Page 1's key figures: the heading with its comparison note, the KPI tiles and the chart.
void add_key_figures(Document& doc, const BriefingInput& in) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto& ps = in.data.periods;
  const model::Period& report = ps.all[ps.report];
  const std::string unit_word = S.get(report.kind == model::Granularity::Month     ? "tiles.unit_months"
                                      : report.kind == model::Granularity::Quarter ? "tiles.unit_quarters"
                                      : report.kind == model::Granularity::Week    ? "tiles.unit_weeks"
                                                                                   : "tiles.unit_periods");
  if (in.summary_tiles && in.tiles_heading)
    doc.blocks.push_back(
        SectionHeading{S.get("tiles.title"),
                       S.format(in.partial_period ? "partial_period.tiles_note" : "tiles.note",
                                {{"prev", findings::period_since(ps.all[ps.previous], lang)},
                                 {"year_ago", findings::period_since(ps.all[ps.year_ago], lang)},
                                 {"n", text::format_integer(static_cast<std::int64_t>(ps.window_size), lang)},
                                 {"unit", unit_word}}),
                       S.get("tiles.title")});
  TileGrid grid;
  TileContext tctx{S, in.data, ps.all[ps.previous], ps.all[ps.year_ago]};
  const FigureNames names = in.names();
  tctx.names = &names;
  tctx.partial = in.partial_period;
  for (const auto& k : in.kpis)
    if (static_cast<int>(grid.tiles.size()) < in.tile_count) grid.tiles.push_back(make_tile(k, tctx));
  if (in.tile_count <= 4) grid.per_row = in.tile_count;  // up to four key figures share one row (docs/templates.md)
  if (in.summary_tiles) doc.blocks.push_back(std::move(grid));
  switch (in.summary_chart) {
    case model::SummaryChart::Daily:
      if (auto chart = make_daily_chart(in)) doc.blocks.push_back(std::move(*chart));
      break;
    case model::SummaryChart::Dialogue: doc.blocks.push_back(dialogue_chart(in, true)); break;
    case model::SummaryChart::None: break;
  }
}

// Page 1's provenance block and which of its rows must stay when the page is full.
Provenance page1_provenance(const BriefingInput& in) {
  const auto& S = in.strings;
  Provenance page1 = provenance(in);
  page1.droppable = in.appendix_section;
  // The notes explain the page's tags; the source row carries the counts the figure registry
  // records for page 1, so a shortened block keeps both.
  page1.essential_rows = !page1.rows.empty() && page1.rows.front().first == S.get("provenance.notes") ? 2 : 0;
  if (!in.appendix_section && page1.rows.size() > 1) {
    // The one-pager has no appendix: when its page is full only the method row (what colour
    // and "pp" mean, also in the board pack's appendix) gives way, so the page stays one page.
    auto method = std::find_if(page1.rows.begin(), page1.rows.end(),
                               [&](const auto& r) { return r.first == S.get("provenance.method"); });
    if (method != page1.rows.end()) std::rotate(method, method + 1, page1.rows.end());
    page1.essential_rows = page1.rows.size() - 1;
  }
  return page1;
}

// The sections after page 1 the template asks for, in their fixed order.
void add_sections(Document& doc, const BriefingInput& in) {
  if (in.dialogue_section) add_dialogue_section(doc, in);
  if (in.audience_section) add_audience_section(doc, in);
  if (in.engagement_section) add_engagement_section(doc, in);
  if (in.sentiment_section) add_sentiment_section(doc, in);
  if (in.appendix_section) add_appendix(doc, in);
  if (in.appendix_section && in.decisions) add_unmatched_actions(doc.blocks, in.strings, in.data, *in.decisions);
}

// The appendix's provenance also carries page 1's notes, so page 1's block may be left out.
void carry_page1_notes(Document& doc, const Provenance& page1, const text::Strings& S) {
  if (page1.rows.empty() || page1.rows.front().first != S.get("provenance.notes")) return;
  for (auto& block : doc.blocks)
    if (auto* p = std::get_if<Provenance>(&block); p && p->in_flow) p->rows.insert(p->rows.begin(), page1.rows.front());
}

// Sections are numbered in the order they appear (page 1 is 1), whichever the template left out.
void number_sections(Document& doc) {
  int number = 1;
  for (auto& block : doc.blocks) {
    auto* o = std::get_if<SectionOpening>(&block);
    if (!o) continue;
    const auto dot = o->kicker.find(" · ");
    if (dot == 0 || dot == std::string::npos || o->kicker.find_first_not_of("0123456789") != dot) continue;
    o->kicker = std::to_string(++number) + o->kicker.substr(dot);
  }
}

}  // namespace

Document build_briefing(const BriefingInput& input) {
  Document doc;
  BriefingInput in = input;
  in.figures = FigureSink(&doc);  // every builder below registers what it prints here
  describe_document(doc, in);
  TitleBand band = title_band(in);
  name_document(doc, band, in);
  doc.blocks.push_back(band);
  add_bottom_line(doc, in);

  doc.blocks.push_back(Columns{Columns::Mark::Begin});
  add_summary_findings(doc, in);
  doc.blocks.push_back(Columns{Columns::Mark::Next});
  add_key_figures(doc, in);
  doc.blocks.push_back(Columns{Columns::Mark::End});
  const Provenance page1 = page1_provenance(in);
  register_page1_counts(in);
  doc.blocks.push_back(page1);

  add_sections(doc, in);
  carry_page1_notes(doc, page1, in.strings);
  number_sections(doc);
  resolve_finding_figures(doc, &in.strings);  // every block is built: the findings' bold figures find theirs

  // The provenance fields in the PDF's keywords, so they travel with the file.
  for (const auto& [label, text] : full_provenance(in).rows) doc.info.keywords += "; " + label + ": " + text;
  return doc;
}

}  // namespace boardbrief::document
