#include "app/decisions_run.h"

#include <filesystem>
#include <iostream>

#include "series/earlier.h"
#include "text/report_keys.h"

namespace boardbrief::app {

namespace fs = std::filesystem;

std::vector<findings::Finding> earlier_findings(const series::ReportData& data,
                                                const std::vector<model::TargetRow>& targets,
                                                const text::Strings& strings, const findings::EngineRules& rules,
                                                std::size_t back) {
  const series::ReportData earlier = series::earlier_data(data, back);
  const auto kpis = analysis::compute_kpis(earlier, targets);
  const std::vector<analysis::Gap> no_gaps;
  findings::EngineInput in{earlier, kpis, no_gaps, nullptr, nullptr, &targets};
  return findings::find_findings(in, strings, rules);
}

namespace {

// The earlier period needs a previous one inside the window; at most twelve periods back.
std::size_t max_back(const series::ReportData& data) {
  const std::size_t r = data.periods.report;
  return r < 2 ? 0 : std::min<std::size_t>(12, r - 1);
}

std::vector<findings::Finding> shown_findings(const DecisionsContext& ctx) {
  std::vector<findings::Finding> out;
  for (const auto& f : ctx.kept)
    if (f.summary && static_cast<int>(out.size()) < ctx.shown) out.push_back(f);
  return out;
}

void warn_unmatched(const DecisionsRun& out, const DecisionsContext& ctx) {
  if (ctx.quiet || !out.actions) return;
  const auto& period = ctx.data.periods.all[ctx.data.periods.report];
  for (std::size_t j : out.doc.matches.unmatched) {
    const auto& a = out.actions->actions[j];
    std::cerr << "boardbrief: warning: " << out.actions->path << ":" << a.line << ": action \"" << a.action
              << "\" (metric " << a.metric << ", scope " << (a.scope.empty() ? "any" : a.scope)
              << ") matches no finding in " << period.key << "; it is listed in the appendix\n";
  }
}

}  // namespace

void prepare_decisions(DecisionsRun& out, const DecisionsContext& ctx) {
  out.kept = &ctx.kept;
  out.continuity = findings::trace_continuity(ctx.kept, max_back(ctx.data), [&](std::size_t back) {
    return earlier_findings(ctx.data, ctx.targets, ctx.strings, ctx.rules, back);
  });
  out.doc.continuity = &out.continuity;
  out.doc.no_action_line = ctx.tmpl.no_action_line;
  out.doc.title = options::template_title(ctx.tmpl, ctx.language);
  if (!ctx.actions_path.empty()) {
    out.actions = options::load_actions(ctx.actions_path);
    out.doc.actions = &out.actions->actions;
    out.doc.actions_file = fs::path(ctx.actions_path).filename().string();
    out.doc.actions_sha256 = out.actions->sha256;
    out.doc.matches = findings::match_actions(ctx.kept, out.actions->actions);
    warn_unmatched(out, ctx);
  }
  const auto& ps = ctx.data.periods;
  out.doc.outlook = findings::find_outlook(ctx.kept, ctx.kpis, ps.all[ps.report]);

  const auto shown = shown_findings(ctx);
  out.bottom_line = document::bottom_line(ctx.strings, ctx.data, shown, &out.continuity);
  for (const auto& code : {"en", "da"}) {
    const auto S = code == ctx.language
                       ? ctx.strings
                       : text::Strings::load((fs::path(ctx.lang_dir) / (std::string(code) + ".toml")).string(),
                                             text::report_keys(), text::Strings::Conventions::Required);
    (std::string(code) == "en" ? out.bottom_line_en : out.bottom_line_da) =
        document::bottom_line(S, ctx.data, shown, &out.continuity);
  }
  for (const auto& o : out.doc.outlook) out.outlook_sentences.push_back(document::outlook_sentence(ctx.strings, o));
  if (auto p = document::resolved_paragraph(ctx.strings, ctx.data, &out.continuity))
    out.resolved_sentences.push_back(p->text);
}

}  // namespace boardbrief::app
