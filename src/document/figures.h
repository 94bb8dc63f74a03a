// The figure registry: every figure the briefing prints is registered where it is formatted,
// with a stable key, its full name in the report language (scope and period included), its
// unrounded value and the text exactly as printed. The layout reports the page of each block,
// so the findings JSON can say where each figure appears. The rules are in docs/figures.md.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace boardbrief::text {
class Strings;
}

namespace boardbrief::document {

struct Document;

struct Figure {
  std::string key;     // stable: "<measure>.<scope>.<period>[.vs.<period>]", e.g. "unanswered_share.all.2026-10"
  std::string label;   // "Unanswered messages, all own channels, change October 2026 vs September 2026"
  std::string scope;   // "all", "platform:facebook", "competitor:…"
  std::string period;  // the period key ("2026-10"), or "2026-10 vs 2026-09" for a change
  std::optional<double> value;  // unrounded; none when the figure is "beyond the window" (> 72 h)
  std::string text;             // exactly as printed
  std::size_t block = 0;        // the index of the block printing it in Document::blocks
  std::string scope_name;       // the scope as the label names it ("all own channels", "Facebook")
};

// A finding sentence printed in a block: its bold figures are matched, once every block is
// built, with the registered figures of the same measure and scope (resolve_finding_figures).
struct FindingFigures {
  std::string metric, scope;  // the finding's ("unanswered_share", "all" or "platform:facebook")
  std::string sentence;       // rich text, figures in **bold**
  std::size_t block = 0;
  // For the figures only the finding prints (a trend's slope, a change in %): its inputs and
  // the names of its periods in the report language; empty when not given.
  std::map<std::string, double> inputs;
  std::string measure_name;             // "Median wait for a reply"
  std::string scope_key, scope_name;    // as the registry names the scope, when no figure of it is registered
  std::string period_key, period_name;  // the report period
  std::string base_key, base_name;      // the period compared with
  std::string year_ago_key, year_ago_name;
  std::string day_key, day_name;  // a spike's day
};

// Where builders register figures: a figure belongs to the block pushed next onto the
// document (builders format a block's figures, then push it). Without a document (tests that
// build one block) registering does nothing.
class FigureSink {
 public:
  FigureSink() = default;
  explicit FigureSink(Document* doc) : doc_(doc) {}
  void add(Figure f) const;
  // The common case: key parts joined with '.', label given in the report language.
  void add(const std::string& key, const std::string& label, const std::string& scope, const std::string& period,
           std::optional<double> value, const std::string& text) const;
  // A finding sentence printed in the block pushed next.
  void add_finding(const std::string& metric, const std::string& scope, const std::string& sentence) const;
  void add_finding(FindingFigures f) const;

 private:
  Document* doc_ = nullptr;
};

// Registers each bold figure of the noted finding sentences that prints the same text as a
// registered figure of the finding's measure and scope, for the sentence's block (its page).
// Returns how many bold figures found no registered figure (the findings JSON's inputs trace them).
// With `strings`, a bold figure that matches none is matched with the finding's inputs and
// registered under a label of its own (figures.finding_* in the language file).
int resolve_finding_figures(Document& doc, const text::Strings* strings = nullptr);

}  // namespace boardbrief::document
