#include "document/figures.h"

#include "document/document.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <regex>

#include "text/strings.h"

namespace boardbrief::document {

void FigureSink::add(Figure f) const {
  if (!doc_ || f.text.empty()) return;
  f.block = doc_->blocks.size();
  doc_->figures.push_back(std::move(f));
}

void FigureSink::add(const std::string& key, const std::string& label, const std::string& scope,
                     const std::string& period, std::optional<double> value, const std::string& text) const {
  add(Figure{key, label, scope, period, value, text, 0, ""});
}

void FigureSink::add_finding(const std::string& metric, const std::string& scope, const std::string& sentence) const {
  FindingFigures f;
  f.metric = metric;
  f.scope = scope;
  f.sentence = sentence;
  add_finding(std::move(f));
}

void FigureSink::add_finding(FindingFigures f) const {
  if (!doc_) return;
  f.block = doc_->blocks.size();
  doc_->finding_sentences.push_back(std::move(f));
}

namespace {

std::vector<std::string> bold_parts(const std::string& rich) {
  std::vector<std::string> out;
  for (std::size_t a = rich.find("**"); a != std::string::npos;) {
    const std::size_t b = rich.find("**", a + 2);
    if (b == std::string::npos) break;
    out.push_back(rich.substr(a + 2, b - a - 2));
    a = rich.find("**", b + 2);
  }
  return out;
}

// "platform:facebook" covers "channel:facebook:<handle>" and "platform:Facebook".
bool same_scope(const std::string& finding, const std::string& figure) {
  if (finding == "all" || figure == "all") return finding == figure;
  const std::string platform = finding.rfind("platform:", 0) == 0 ? finding.substr(9) : finding;
  std::string lower;
  for (char c : figure) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower.rfind("channel:" + platform + ":", 0) == 0 || lower == "platform:" + platform;
}

// The number a bold figure prints: minutes for a duration ("2 h 4 min"), else the number
// with the language's separators, and how far rounding may have moved it.
struct Printed {
  double value = 0, tolerance = 0;
};

std::optional<Printed> parse_printed(const std::string& part, const text::Strings& S) {
  const auto& lang = S.language().conventions();
  static const std::regex hours("([0-9]+)\\s*(h|t|Std\\.)"), minutes("([0-9]+)\\s*min", std::regex::icase);
  std::string plain;
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (part.compare(i, 2, "\xC2\xA0") == 0) {
      plain += ' ';
      ++i;
      continue;
    }  // no-break space
    plain += part[i];
  }
  std::smatch m;
  const bool h = std::regex_search(plain, m, hours);
  const double hv = h ? std::stod(m[1]) : 0;
  if (std::regex_search(plain, m, minutes) || h)
    return Printed{hv * 60 + (std::regex_search(plain, m, minutes) ? std::stod(m[1]) : 0), 1.0};
  std::string digits;
  int decimals = -1;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      if (decimals >= 0) ++decimals;
    } else if (!digits.empty() && plain.compare(i, lang.decimal_separator.size(), lang.decimal_separator) == 0 &&
               decimals < 0 && i + 1 < plain.size() && plain[i + 1] >= '0' && plain[i + 1] <= '9') {
      digits += '.';
      decimals = 0;
    } else if (!digits.empty() && !lang.thousands_separator.empty() &&
               plain.compare(i, lang.thousands_separator.size(), lang.thousands_separator) == 0) {
      i += lang.thousands_separator.size() - 1;
    } else if (!digits.empty()) {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  double tol = decimals > 0 ? 0.5 * std::pow(10.0, -decimals) : 0.5;
  if (decimals < 0) {  // "212,000" may be 211,518 rounded to three digits
    int zeros = 0;
    for (std::size_t i = digits.size(); i-- > 1 && digits[i] == '0';) ++zeros;
    if (zeros > 0) tol = 0.5 * std::pow(10.0, zeros);
  }
  return Printed{std::stod(digits), tol};
}

// A bold figure only the finding prints, matched with one of its inputs and registered under a
// label naming what it is; none when no input prints as it, or the label would carry another value.
std::optional<Figure> from_inputs(const Document& doc, const FindingFigures& f, const std::string& part,
                                  const text::Strings& S) {
  if (f.period_key.empty() || f.measure_name.empty()) return std::nullopt;
  const auto printed = parse_printed(part, S);
  if (!printed) return std::nullopt;
  // The scope as the registry already names it (a table row, a tile).
  std::string scope = f.scope_key.empty() ? f.scope : f.scope_key;
  std::string scope_name = f.scope == "all" ? S.get("figures.all_own") : f.scope_name;
  for (const auto& g : doc.figures)
    if (g.key.rfind(f.metric + ".", 0) == 0 && same_scope(f.scope, g.scope) && !g.scope_name.empty()) {
      scope = g.scope;
      scope_name = g.scope_name;
      break;
    }
  if (scope_name.empty()) return std::nullopt;
  struct Kind {
    const char* input;
    const char* label;  // figures.<label>
    std::string key, period, period_name, base_name;
  };
  const std::string m = f.metric + "." + scope + ".";
  const Kind kinds[] = {
      {"value", "label", m + (f.day_key.empty() ? f.period_key : f.day_key), f.period_key,
       f.day_key.empty() ? f.period_name : f.day_name, ""},
      {"relative_change_pct", "finding_change_pct", m + f.period_key + ".vs." + f.base_key + ".pct", f.period_key,
       f.period_name, f.base_name},
      {"year_ago_relative_change_pct", "finding_change_pct", m + f.period_key + ".vs." + f.year_ago_key + ".pct",
       f.period_key, f.period_name, f.year_ago_name},
      {"delta_points", "label_change", m + f.period_key + ".vs." + f.base_key, f.period_key, f.period_name,
       f.base_name},
      {"year_ago_delta_points", "label_change", m + f.period_key + ".vs." + f.year_ago_key, f.period_key, f.period_name,
       f.year_ago_name},
      {"relative_slope_pct", "finding_trend_pct", m + "trend_pct." + f.period_key, f.period_key, f.period_name, ""},
      {"sen_slope", "finding_trend", m + "trend." + f.period_key, f.period_key, f.period_name, ""},
      {"ratio", "finding_ratio", f.metric + ".spike_ratio." + scope + "." + f.day_key, f.day_key, f.day_name, ""},
      {"expected", "finding_usual", f.metric + ".usual." + scope + "." + f.day_key, f.day_key, f.day_name, ""},
      {"business_hours_median_minutes", "finding_business", m + "business." + f.period_key, f.period_key, f.period_name,
       ""},
  };
  for (const auto& k : kinds) {
    const auto in = f.inputs.find(k.input);
    if (in == f.inputs.end() || k.period.empty()) continue;
    if (std::fabs(std::fabs(in->second) - printed->value) > printed->tolerance + 1e-9) continue;
    Figure g{
        k.key,
        S.format(
            std::string("figures.") + k.label,
            {{"measure", f.measure_name}, {"scope", scope_name}, {"period", k.period_name}, {"base", k.base_name}}),
        scope,
        k.period,
        in->second,
        part,
        f.block,
        scope_name};
    // A registered figure of that key with another value (a share as a fraction, not in %) wins.
    const bool clash = std::any_of(doc.figures.begin(), doc.figures.end(), [&](const Figure& o) {
      return (o.key == g.key || o.label == g.label) && o.value != g.value;
    });
    if (clash) return std::nullopt;
    return g;
  }
  return std::nullopt;
}

}  // namespace

int resolve_finding_figures(Document& doc, const text::Strings* strings) {
  int unmatched = 0;
  std::vector<Figure> found;
  for (const auto& f : doc.finding_sentences)
    for (const auto& part : bold_parts(f.sentence)) {
      if (part.find_first_of("0123456789") == std::string::npos) continue;
      const auto it = std::find_if(doc.figures.begin(), doc.figures.end(), [&](const Figure& g) {
        return g.text == part && g.key.rfind(f.metric + ".", 0) == 0 && same_scope(f.scope, g.scope);
      });
      if (it == doc.figures.end()) {
        auto own = strings ? from_inputs(doc, f, part, *strings) : std::nullopt;
        if (own)
          found.push_back(std::move(*own));
        else
          ++unmatched;
        continue;
      }
      Figure copy = *it;
      copy.block = f.block;
      found.push_back(std::move(copy));
    }
  doc.figures.insert(doc.figures.end(), found.begin(), found.end());
  return unmatched;
}

}  // namespace boardbrief::document
