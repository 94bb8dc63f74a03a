// The report command as six named stages (docs/architecture.md, "The report command"):
// set up → read one snapshot → analyse (and decide) → compose → write → deliver. Each stage is a
// function from the results of the ones before it to a struct of its own.
#include "app/report.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>

#include "analysis/coverage.h"
#include "analysis/kpis.h"
#include "app/as_of.h"
#include "app/data_quality_notices.h"
#include "app/decisions_run.h"
#include "app/deliver.h"
#include "app/engine_rules.h"
#include "app/findings_json.h"
#include "app/output_paths.h"
#include "app/printed_figures.h"
#include "app/run.h"
#include "app/snapshot.h"
#include "app/stage_timer.h"
#include "base/atomic_file.h"
#include "calendar/periods.h"
#include "calendar/time_zone.h"
#include "document/briefing.h"
#include "findings/engine.h"
#include "layout/compose.h"
#include "options/template_spec.h"
#include "pdf/pdf_writer.h"
#include "store/timestamp.h"
#include "text/report_keys.h"
#include "text/strings.h"

namespace boardbrief::app {

namespace fs = std::filesystem;

namespace {

model::Period resolve_period(const std::string& spec, const std::string& from, const std::string& to,
                             date::local_days as_of) {
  if (!spec.empty()) return calendar::parse_period(spec, as_of);
  return calendar::custom_period(calendar::parse_day(from, "--from"), calendar::parse_day(to, "--to"));
}

std::string default_org(const std::string& db) { return fs::path(db).stem().string(); }

// The provenance of the briefing (docs/templates.md, "Provenance") as machine-readable fields for the JSON.
std::vector<std::pair<std::string, std::string>> provenance_fields(const document::BriefingInput& in,
                                                                   const model::Period& p) {
  auto fields =
      std::vector<std::pair<std::string, std::string>>{{"tool", "boardbrief " + in.version},
                                                       {"database", in.db_name},
                                                       {"schema_version", std::to_string(in.schema_version)},
                                                       {"period_first_day", calendar::format_day(p.first)},
                                                       {"period_last_day", calendar::format_day(p.last)},
                                                       {"period_begin_utc", in.period_begin_utc},
                                                       {"period_end_utc", in.period_end_utc},
                                                       {"time_zone", in.tz},
                                                       {"template", in.template_name},
                                                       {"language", in.language_code},
                                                       {"as_of_option", in.as_of_option},
                                                       {"rows_channels", std::to_string(in.data.channels.size())},
                                                       {"rows_aggregates", std::to_string(in.aggregate_rows)},
                                                       {"rows_interactions", std::to_string(in.interaction_rows)},
                                                       {"rows_fingerprinted", std::to_string(in.fingerprint_rows)},
                                                       {"fingerprint", in.fingerprint}};
  if (in.decisions && !in.decisions->actions_file.empty()) {
    fields.emplace_back("actions_file", in.decisions->actions_file);
    fields.emplace_back("actions_sha256", in.decisions->actions_sha256);
  }
  return fields;
}

// Stage 1, set up: the options resolved and every input checked before the database is opened,
// so a mistake costs nothing.
struct Setup {
  calendar::TimeZone tz;
  AsOf as_of;
  model::Period period;
  std::string data_dir;
  std::string lang_dir;  // templates/lang in the data directory
  std::string lang_file;
  std::string out_path;  // the PDF
  std::optional<MailPlan> mail;
  text::Strings strings;  // the report language
  // Set by resolve_template() (the `= {}` lets set_up() name the members above in order).
  std::string template_path = {};
  options::TemplateSpec tmpl = {};
  pdf::FontFiles fonts = {};
  std::string actions_path = {};  // --actions, else the template's [actions] file, else ""
  int response_window_hours = 72;
};

// The language file's strings; a language is a file (en and da ship).
text::Strings load_language(const std::string& lang, const std::string& lang_file, const std::string& data_dir) {
  if (!fs::exists(lang_file))
    throw UsageError("--lang '" + lang + "': no language file " + lang_file +
                     " (available: " + available_languages(data_dir) + ")");
  return text::Strings::load(lang_file, text::report_keys(), text::Strings::Conventions::Required);
}

// The template with its fonts resolved against the data directory, checked against the outputs.
void resolve_template(const options::ReportOptions& o, Setup& s) {
  s.template_path = options::template_path(o.template_path, s.data_dir);
  const fs::path fonts = fs::path(s.data_dir) / "fonts";
  s.tmpl = options::load_template(s.template_path, fonts.string());
  auto font = [&](const std::string& f) { return fs::path(f).is_absolute() ? f : (fonts / f).string(); };
  s.fonts = {font(s.tmpl.font_regular), font(s.tmpl.font_bold), font(s.tmpl.font_italic)};
  s.actions_path = !o.actions.empty() ? o.actions : s.tmpl.actions_file;
  check_not_inputs(s.out_path, o.findings_json,
                   {{"the template", s.template_path},
                    {"the language file", s.lang_file},
                    {"the logo", s.tmpl.logo},
                    {"the actions file", s.actions_path},
                    {"a font", s.fonts.regular},
                    {"a font", s.fonts.bold},
                    {"a font", s.fonts.italic}});
  s.response_window_hours = o.response_window_hours > 0 ? o.response_window_hours : s.tmpl.response_window_hours;
}

Setup set_up(const options::ReportOptions& o) {
  calendar::TimeZone tz(o.tz);
  const AsOf as_of = resolve_as_of(o.as_of, tz);
  const model::Period period = resolve_period(o.period, o.from, o.to, as_of.day());
  if (period.first > as_of.day())
    throw UsageError("period " + period.key + " starts after --as-of " + calendar::format_day(as_of.day()) +
                     ": there are no data for it yet");
  const std::string data_dir = find_data_dir(o.data_dir);
  std::optional<MailPlan> mail = plan_mail(o);  // checks the SMTP credentials before any work
  const std::string out_path = pdf_path(o.out, period);
  check_outputs(o.db, out_path, o.findings_json);  // before any work: never the database, never each other
  const std::string lang_dir = (fs::path(data_dir) / "templates" / "lang").string();
  const std::string lang_file = (fs::path(lang_dir) / (o.lang + ".toml")).string();
  Setup s{std::move(tz), as_of,           period,
          data_dir,      lang_dir,        lang_file,
          out_path,      std::move(mail), load_language(o.lang, lang_file, data_dir)};
  resolve_template(o, s);
  return s;
}

// The template's business hours as a clock for the secondary first-response time; empty: none.
series::DialogueBuilder::BusinessClock business_hours_clock(const Setup& s) {
  if (!s.tmpl.business_hours) return {};
  return business_clock(*s.tmpl.business_hours, s.tz);
}

// Stage 3, analyse: coverage gaps, the KPIs and the ranked findings.
struct Analysis {
  std::vector<analysis::Gap> gaps;  // missing days in the report period
  std::vector<analysis::Kpi> kpis;
  findings::EngineRules rules;  // the method's thresholds with the template's overrides
  // Selected once: the PDF, the appendix and the findings JSON all phrase this one selection.
  findings::Selection selection;
  std::vector<findings::Finding> all_found;  // every kept finding, phrased: the summary first, then the others
  std::vector<findings::Finding> found;      // the summary
};

findings::EngineInput engine_input(const Snapshot& snap, const Analysis& a) {
  return {snap.data, a.kpis, a.gaps, &snap.daily, &snap.daily_metrics, &snap.targets, &snap.breakdown};
}

Analysis analyse(const options::ReportOptions& o, const Setup& s, const Snapshot& snap) {
  Analysis a;
  a.gaps = analysis::find_gaps(snap.window_days, {s.period.first, s.period.last});
  if (o.strict && !a.gaps.empty())
    throw DataError(o.db + ": missing days in the period in " + std::to_string(a.gaps.size()) +
                    " channel/metric series (--strict); see `boardbrief check`");
  a.kpis = analysis::compute_kpis(snap.data, snap.targets);
  a.rules = engine_rules(s.tmpl);
  a.selection = findings::select_claims(engine_input(snap, a), a.rules);
  apply_notices(snap.quality, s.period, a.selection);  // data-quality notices first
  a.all_found = findings::phrase(a.selection, s.strings).kept;
  a.found = findings::summary_findings(a.all_found);
  return a;
}

// From figures to decisions: continuity, actions, outlook, bottom line (docs/decisions.md).
void decide(const options::ReportOptions& o, const Setup& s, const Snapshot& snap, const Analysis& a,
            DecisionsRun& out) {
  prepare_decisions(out, {snap.data, a.kpis, snap.targets, a.all_found, s.strings, a.rules, s.tmpl, s.actions_path,
                          s.lang_dir, o.lang, s.tmpl.sections.summary_findings, o.quiet});
}

// Stage 4, compose: the document, its pages and the PDF bytes.
struct Composed {
  std::string org;  // as printed: --org, else the template's, else the database's name
  document::Document doc;
  layout::ComposedDocument pages;
  std::vector<unsigned char> pdf;
  std::vector<std::pair<std::string, std::string>> provenance;  // for the findings JSON
};

std::string organisation(const options::ReportOptions& o, const options::TemplateSpec& tmpl) {
  if (!o.org.empty()) return o.org;
  return !tmpl.organisation.empty() ? tmpl.organisation : default_org(o.db);
}

document::BriefingInput briefing_input(const options::ReportOptions& o, const Setup& s, const Snapshot& snap,
                                       const Analysis& a, const DecisionsRun& decisions) {
  document::BriefingInput in(s.strings, snap.data, a.kpis, a.found, a.gaps, s.tmpl.sections);
  in.all_findings = &a.all_found;
  in.daily = &snap.daily;
  in.decisions = &decisions.doc;
  in.partial_period = snap.quality.partial_end.has_value();
  in.org = organisation(o, s.tmpl);
  in.tz = o.tz;
  in.as_of = s.as_of.local;
  in.as_of_option = o.as_of;
  in.language_code = o.lang;
  in.db_name = fs::path(o.db).filename().string();
  in.schema_version = snap.schema_version;
  in.interaction_rows = snap.data.interactions_read;
  in.daily_rows = snap.report_day_rows;
  in.aggregate_rows = snap.aggregate_rows;
  in.fingerprint = snap.fingerprint;
  in.fingerprint_rows = snap.fingerprint_rows;
  const auto bounds = s.tz.utc_range(s.period);
  in.period_begin_utc = store::format_utc_instant(bounds.begin.time_since_epoch().count());
  in.period_end_utc = store::format_utc_instant(bounds.end.time_since_epoch().count());
  in.findings_json = o.findings_json.empty() ? "" : fs::path(o.findings_json).filename().string();
  in.template_name = fs::path(s.template_path).filename().string();
  in.version = BOARDBRIEF_VERSION;
  return in;
}

// The template's [page] and [branding] (docs/templates.md).
document::Page page(const options::TemplateSpec& tmpl) {
  document::Page p;
  if (tmpl.page_size == options::PageSize::Letter) p.width_pt = 612, p.height_pt = 792;
  if (tmpl.landscape) std::swap(p.width_pt, p.height_pt);
  p.accent = tmpl.accent;
  p.logo = tmpl.logo;
  return p;
}

std::vector<unsigned char> render_pdf(pdf::PdfWriter& writer, const Composed& c, std::int64_t as_of_instant) {
  pdf::DocumentInfo info;
  info.title = c.doc.info.title;
  info.author = c.org;
  info.subject = c.doc.info.subject;
  info.keywords = c.doc.info.keywords;
  info.creator = std::string("boardbrief ") + BOARDBRIEF_VERSION;
  info.created = date::sys_seconds{std::chrono::seconds{as_of_instant}};
  std::vector<pdf::Bookmark> bookmarks;
  for (const auto& b : c.pages.bookmarks) bookmarks.push_back({b.title, b.page_index});
  return writer.render(c.pages.pages, info, bookmarks);
}

Composed compose(const options::ReportOptions& o, const Setup& s, const Snapshot& snap, const Analysis& a,
                 const DecisionsRun& decisions, StageTimer& timer) {
  Composed c;
  const document::BriefingInput in = briefing_input(o, s, snap, a, decisions);
  c.org = in.org;
  c.provenance = provenance_fields(in, s.period);
  c.doc = document::build_briefing(in);
  c.doc.page = page(s.tmpl);
  timer.lap("document");
  pdf::PdfWriter writer(s.fonts);
  timer.lap("pdf_fonts");
  c.pages = layout::compose(c.doc, writer);
  timer.lap("layout");
  c.pdf = render_pdf(writer, c, s.as_of.instant);
  timer.lap("pdf");
  return c;
}

std::string_view bytes_of(const std::vector<unsigned char>& v) {
  return {reinterpret_cast<const char*>(v.data()), v.size()};
}

// Stage 5, write: both outputs or neither, so a PDF that fails to write does not leave a new
// JSON beside an old PDF.
void write_outputs(const options::ReportOptions& o, const Setup& s, const Snapshot& snap, const Analysis& a,
                   const DecisionsRun& decisions, const Composed& c) {
  StagedFiles outputs;
  if (!o.findings_json.empty()) {
    outputs.add(o.findings_json,
                findings_json(a.selection, snap.data, a.kpis, s.lang_dir, o.lang, s.tz, o.db, s.as_of.instant, a.rules,
                              c.provenance, printed_figures(c.doc, c.pages), &decisions));
  }
  outputs.add(s.out_path, bytes_of(c.pdf));
  outputs.commit();
}

// Stage 6, deliver: the line on stderr and, with --mail-to, the mail. `shown`: the findings
// page 1 shows (the template may show fewer than the engine's summary; the one-pager shows three).
void deliver(const options::ReportOptions& o, const Setup& s, const Analysis& a, const Composed& c, std::size_t shown) {
  const std::size_t pages = c.pages.pages.size();
  if (!o.quiet)
    std::cerr << "boardbrief: wrote " << s.out_path << " (" << pages << (pages == 1 ? " page, " : " pages, ") << shown
              << " findings in the summary, " << a.all_found.size() - shown << " other)\n";
  if (!s.mail) return;
  // Only now: the PDF is on disk and stays there if sending fails.
  const std::vector<findings::Finding> summary(a.found.begin(), a.found.begin() + static_cast<std::ptrdiff_t>(shown));
  send_mail(*s.mail,
            {s.strings, s.period, c.org, fs::path(o.db).filename().string(), s.out_path, std::string(bytes_of(c.pdf)),
             summary, key_figures(c.doc)},
            o.quiet);
}

}  // namespace

ExitCode run_report(const options::ReportOptions& o) {
  StageTimer timer;  // BOARDBRIEF_TIMINGS=1: per-stage times on stderr for bench/run.sh
  const Setup setup = set_up(o);
  timer.lap("setup");
  const Snapshot snapshot = read_snapshot({o.db, o.timeout_seconds, setup.period, setup.tz, setup.as_of,
                                           setup.response_window_hours, business_hours_clock(setup), o.strict},
                                          timer);
  const Analysis analysis = analyse(o, setup, snapshot);
  timer.lap("analysis");
  DecisionsRun decisions;  // not movable: the document points into it
  decide(o, setup, snapshot, analysis, decisions);
  timer.lap("decisions");
  const Composed composed = compose(o, setup, snapshot, analysis, decisions, timer);
  write_outputs(o, setup, snapshot, analysis, decisions, composed);
  timer.lap("write");
  timer.print(std::cerr);
  deliver(o, setup, analysis, composed,
          std::min(analysis.found.size(), static_cast<std::size_t>(setup.tmpl.sections.summary_findings)));
  return ExitCode::Ok;
}

}  // namespace boardbrief::app
