#include "app/report.h"

#include <filesystem>
#include <iostream>
#include <set>

#include "analysis/coverage.h"
#include "analysis/kpis.h"
#include "app/as_of.h"
#include "app/decisions_run.h"
#include "app/deliver.h"
#include "app/engine_rules.h"
#include "app/findings_json.h"
#include "store/interaction_span.h"
#include "app/output_paths.h"
#include "app/printed_figures.h"
#include "app/row_pipeline.h"
#include "app/run.h"
#include "app/stage_timer.h"
#include "options/template_spec.h"
#include "base/atomic_file.h"
#include "base/quote.h"
#include "calendar/periods.h"
#include "calendar/time_zone.h"
#include "document/briefing.h"
#include "findings/engine.h"
#include "layout/compose.h"
#include "pdf/pdf_writer.h"
#include "series/backlog.h"
#include "series/build.h"
#include "series/breakdown.h"
#include "series/daily.h"
#include "series/reply_info.h"
#include "store/data_quality.h"
#include "store/database.h"
#include "app/data_quality_notices.h"
#include "store/timestamp.h"
#include "text/number_format.h"
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

}  // namespace

ExitCode run_report(const options::ReportOptions& o) {
  StageTimer timer;  // BOARDBRIEF_TIMINGS=1: per-stage times on stderr for bench/run.sh
  calendar::TimeZone tz(o.tz);
  AsOf as_of = resolve_as_of(o.as_of, tz);
  model::Period period = resolve_period(o.period, o.from, o.to, as_of.day());
  if (period.first > as_of.day())
    throw UsageError("period " + period.key + " starts after --as-of " + calendar::format_day(as_of.day()) +
                     ": there are no data for it yet");
  std::string data_dir = find_data_dir(o.data_dir);
  std::optional<MailPlan> mail = plan_mail(o);  // checks the SMTP credentials before any work
  std::string out_path = pdf_path(o.out, period);
  check_outputs(o.db, out_path, o.findings_json);  // before any work: never the database, never each other
  std::string lang_file = (fs::path(data_dir) / "templates" / "lang" / (o.lang + ".toml")).string();
  if (!fs::exists(lang_file))  // a language is a file; en and da ship
    throw UsageError("--lang '" + o.lang + "': no language file " + lang_file +
                     " (available: " + available_languages(data_dir) + ")");
  text::Strings strings = text::Strings::load(lang_file, text::report_keys(), text::Strings::Conventions::Required);
  std::string template_path = options::template_path(o.template_path, data_dir);
  options::TemplateSpec tmpl = options::load_template(template_path, (fs::path(data_dir) / "fonts").string());
  fs::path fonts = fs::path(data_dir) / "fonts";
  auto font = [&](const std::string& f) { return fs::path(f).is_absolute() ? f : (fonts / f).string(); };
  check_not_inputs(out_path, o.findings_json,
                   {{"the template", template_path},
                    {"the language file", lang_file},
                    {"the logo", tmpl.logo},
                    {"the actions file", !o.actions.empty() ? o.actions : tmpl.actions_file},
                    {"a font", font(tmpl.font_regular)},
                    {"a font", font(tmpl.font_bold)},
                    {"a font", font(tmpl.font_italic)}});
  int window_hours = o.response_window_hours > 0 ? o.response_window_hours : tmpl.response_window_hours;

  timer.lap("setup");
  // Read everything inside one read transaction.
  store::Database db(o.db, 5000, o.timeout_seconds);
  series::ReportData data;
  data.periods = series::make_period_set(period);
  data.channels = db.channels();
  data.metrics = db.metrics();
  data.response_window_seconds = static_cast<std::int64_t>(window_hours) * 3600;
  auto targets = db.targets();
  // Data quality (store/data_quality.h): stop on untrustworthy figures before reading them.
  DataQualityVerdict dq;
  const auto ranges = series::day_ranges(data.periods);
  model::DayRange window = ranges.front();
  for (const auto& r : ranges) window = {std::min(window.first, r.first), std::max(window.last, r.last)};
  store::check_column_types(db);
  store::check_duplicate_keys(db, window);
  dq.warnings = store::check_daily_metric(db, window);
  const auto report_utc = tz.utc_range(period);
  std::optional<std::int64_t> last_received;  // in the report period
  timer.lap("open");
  auto aggregates = db.aggregate_metrics(series::day_ranges(data.periods));
  timer.lap("metrics");
  data.metric_series = series::build_metric_series(data.periods, data.channels, data.metrics, aggregates);
  series::DialogueBuilder dialogue(data.periods, data.channels, tz, as_of.instant, data.response_window_seconds);
  // Only the report period's median is shown (docs/performance.md: 8 % of the time at 10M rows).
  if (tmpl.business_hours)
    dialogue.measure_business_time(business_clock(*tmpl.business_hours, tz), data.periods.report);
  series::DailyAccumulator daily(period, data.channels, tz);
  // Attribution of company-wide changes to topics and channels (docs/findings-method.md).
  series::BreakdownAccumulator breakdown_acc(period, data.periods.all[data.periods.previous], data.channels, tz,
                                             as_of.instant, data.response_window_seconds);
  series::BacklogCounter backlog(tz.utc_range(period).end.time_since_epoch().count());
  // Counts before the database's first message and after its last are missing, not zero.
  const auto span = store::interaction_span(db);
  daily.data_span(span);
  {
    // The scan steps SQLite and parses on this thread; the accumulators run on a second one.
    RowPipeline pipeline([&](const model::InteractionRow& r) {
      dialogue.add(r);
      daily.add(r);
      breakdown_acc.add(r);
      if (r.received >= report_utc.begin.time_since_epoch().count() &&
          r.received < report_utc.end.time_since_epoch().count())
        last_received = r.received;  // the scan is in received_at order
      backlog.add(r);
    });
    db.scan_interactions(std::min(dialogue.scan_begin(), daily.scan_begin()),
                         std::max(dialogue.scan_end(), daily.scan_end()),
                         [&](const model::InteractionRow& r) { pipeline.push(r); });
    pipeline.finish();
  }
  timer.lap("scan");
  const series::Breakdown breakdown = breakdown_acc.finish(db.topics());
  data.dialogue = dialogue.finish();
  series::drop_absent_reply_info(data);  // no reply anywhere in the window: reply data absent, not "never answered"
  data.interactions_read = dialogue.rows();
  data.backlog_at_end = backlog.result();  // in the scan: a query over all history cost 1 s at 10M rows
  // One read of daily values for the spike window (docs/findings-method.md §1) and the
  // report period (coverage check, provenance count); a year's period is longer than the window.
  const auto window_days = db.daily_values({std::min(series::spike_window_first(period), period.first), period.last});
  auto daily_metrics = series::daily_metric_totals(window_days, data.channels, data.metrics, period);
  const auto report_day_rows = std::count_if(window_days.begin(), window_days.end(),
                                             [&](const model::DailyValue& v) { return v.day >= period.first; });
  data.daily_rows = static_cast<std::int64_t>(aggregates.size());
  timer.lap("store_rest");

  bool own_data = false;
  for (const auto& [key, s] : data.metric_series)
    if (s.scope.kind == series::Scope::Kind::AllOwn && s.values[data.periods.report]) own_data = true;
  const auto* all_dialogue = data.find_dialogue(series::Scope::all_own());
  if (all_dialogue && all_dialogue->periods[data.periods.report].inbound > 0) own_data = true;
  if (!own_data)
    throw DataError(o.db + ": no data for own channels in " + period.key + " (" + calendar::format_day(period.first) +
                    " to " + calendar::format_day(period.last) + "); run `boardbrief check --db " + o.db + "`");

  {
    if (auto w = store::judge_interactions(o.db, db.data_quality())) dq.warnings.push_back(*w);
    dq.skipped = db.data_quality().interactions_skipped();
    dq.scanned = db.data_quality().interactions_scanned;
    auto last_day = store::last_metric_day(db, {period.first, period.last});
    if (last_received) {
      auto d = tz.local_day(calendar::Instant{std::chrono::seconds{*last_received}});
      if (!last_day || d > *last_day) last_day = d;
    }
    if (auto w = store::stale_data_warning(o.db, period, last_day, as_of.day())) {
      dq.warnings.push_back(*w);
      dq.partial_end = last_day;
    }
    report_warnings(dq, o.strict);
  }

  auto gaps = analysis::find_gaps(window_days, {period.first, period.last});
  if (o.strict && !gaps.empty())
    throw DataError(o.db + ": missing days in the period in " + std::to_string(gaps.size()) +
                    " channel/metric series (--strict); see `boardbrief check`");

  // Analysis and findings.
  auto kpis = analysis::compute_kpis(data, targets);
  // All gated findings (summary first, then "other findings"); the briefing shows the summary.
  findings::EngineInput engine_in{data, kpis, gaps, &daily.counts(), &daily_metrics, &targets, &breakdown};
  const findings::EngineRules rules = engine_rules(tmpl);
  // Selected once: the PDF, the appendix and the findings JSON all phrase this one selection.
  findings::Selection selection = findings::select_claims(engine_in, rules);
  apply_notices(dq, period, selection);  // data-quality notices first (store/data_quality.h)
  auto all_found = findings::phrase(selection, strings).kept;
  auto found = findings::summary_findings(all_found);
  timer.lap("analysis");
  DecisionsRun decisions;  // continuity, actions, outlook, bottom line (docs/decisions.md)
  prepare_decisions(
      decisions,
      {data, kpis, targets, all_found, strings, rules, tmpl, !o.actions.empty() ? o.actions : tmpl.actions_file,
       (fs::path(data_dir) / "templates" / "lang").string(), o.lang, tmpl.summary_findings, o.quiet});

  timer.lap("decisions");
  // Document, layout, PDF.
  document::BriefingInput in(strings, data, kpis, found, gaps);
  in.org = o.org.empty() ? default_org(o.db) : o.org;
  in.tz = o.tz;
  in.as_of = as_of.local;
  in.db_name = fs::path(o.db).filename().string();
  in.schema_version = db.schema_version();
  in.interaction_rows = data.interactions_read;
  in.daily_rows = static_cast<std::int64_t>(report_day_rows);
  in.findings_json = o.findings_json.empty() ? "" : fs::path(o.findings_json).filename().string();
  in.template_name = fs::path(template_path).filename().string();
  in.version = BOARDBRIEF_VERSION;
  in.daily = &daily.counts();
  in.summary_findings = tmpl.summary_findings;
  in.dialogue_section = tmpl.dialogue_section;
  // Board template sections, page and provenance (docs/templates.md).
  if (!tmpl.organisation.empty() && o.org.empty()) in.org = tmpl.organisation;
  in.all_findings = &all_found;
  in.findings_why = tmpl.findings_why;
  in.summary_chart = tmpl.summary_chart;
  in.summary_tiles = tmpl.summary_tiles;
  in.tile_count = tmpl.tile_count;
  in.tiles_heading = tmpl.tiles_heading;
  in.audience_section = tmpl.audience_section;
  in.audience_metrics = tmpl.audience_metrics;
  in.audience_platforms = tmpl.audience_platforms;
  in.chart_periods = tmpl.chart_periods;
  in.engagement_section = tmpl.engagement_section;
  in.engagement_chart = tmpl.engagement_chart;  // pdfdoc: column chart of the engagement section
  in.sentiment_section = tmpl.sentiment_section;
  in.appendix_section = tmpl.appendix_section;
  in.language_code = o.lang;
  in.as_of_option = o.as_of;
  auto bounds = tz.utc_range(period);
  in.period_begin_utc = store::format_utc_instant(bounds.begin.time_since_epoch().count());
  in.period_end_utc = store::format_utc_instant(bounds.end.time_since_epoch().count());
  in.fingerprint = db.fingerprint();
  in.fingerprint_rows = db.fingerprinted_rows();
  in.aggregate_rows = static_cast<std::int64_t>(aggregates.size());
  in.partial_period = dq.partial_end.has_value();  // pdfdoc: partial-period tiles
  in.decisions = &decisions.doc;
  document::Document doc = document::build_briefing(in);
  const bool letter = tmpl.page_size == "Letter";
  doc.page.width_pt = letter ? 612 : 595.276;
  doc.page.height_pt = letter ? 792 : 841.89;
  if (tmpl.landscape) std::swap(doc.page.width_pt, doc.page.height_pt);
  doc.page.accent = tmpl.accent;
  doc.page.logo = tmpl.logo;

  timer.lap("document");
  pdf::PdfWriter writer({font(tmpl.font_regular), font(tmpl.font_bold), font(tmpl.font_italic)});
  timer.lap("pdf_fonts");
  auto pages = layout::compose(doc, writer);
  timer.lap("layout");
  pdf::DocumentInfo info;
  info.title = doc.info.title;
  info.author = in.org;
  info.subject = doc.info.subject;
  info.keywords = doc.info.keywords;
  info.creator = std::string("boardbrief ") + BOARDBRIEF_VERSION;
  info.created = date::sys_seconds{std::chrono::seconds{as_of.instant}};
  std::vector<pdf::Bookmark> bookmarks;
  for (const auto& b : pages.bookmarks) bookmarks.push_back({b.title, b.page_index});
  auto bytes = writer.render(pages.pages, info, bookmarks);
  timer.lap("pdf");

  // Both outputs or neither: a PDF that fails to write must not leave a new JSON beside an old PDF.
  StagedFiles outputs;
  if (!o.findings_json.empty())
    outputs.add(
        o.findings_json,
        findings_json(selection, data, kpis, (fs::path(data_dir) / "templates" / "lang").string(), o.lang, tz, o.db,
                      as_of.instant, rules, provenance_fields(in, period), printed_figures(doc, pages), &decisions));
  outputs.add(out_path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  outputs.commit();
  // The template may show fewer than the engine's summary (the one-pager shows three).
  const std::size_t shown = std::min(found.size(), static_cast<std::size_t>(tmpl.summary_findings));
  timer.lap("write");
  timer.print(std::cerr);
  if (!o.quiet)
    std::cerr << "boardbrief: wrote " << out_path << " (" << pages.pages.size()
              << (pages.pages.size() == 1 ? " page, " : " pages, ") << shown << " findings in the summary, "
              << all_found.size() - shown << " other)\n";
  if (mail)  // only now: the PDF is on disk and stays there if sending fails
    send_mail(*mail,
              {strings, period, in.org, in.db_name, out_path,
               std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()),
               // the findings page 1 shows, as the stderr line counts them
               std::vector<findings::Finding>(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(shown)),
               key_figures(doc)},
              o.quiet);
  return ExitCode::Ok;
}

}  // namespace boardbrief::app
