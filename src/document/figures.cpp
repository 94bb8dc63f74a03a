#include "document/figures.h"

#include "document/document.h"

#include <algorithm>

namespace boardbrief::document {

void FigureSink::add(Figure f) const {
  if (!doc_ || f.text.empty()) return;
  f.block = doc_->blocks.size();
  doc_->figures.push_back(std::move(f));
}

void FigureSink::add(const std::string& key, const std::string& label, const std::string& scope,
                     const std::string& period, std::optional<double> value, const std::string& text) const {
  add(Figure{key, label, scope, period, value, text, 0});
}

void FigureSink::add_finding(const std::string& metric, const std::string& scope, const std::string& sentence) const {
  if (doc_) doc_->finding_sentences.push_back({metric, scope, sentence, doc_->blocks.size()});
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

}  // namespace

int resolve_finding_figures(Document& doc) {
  int unmatched = 0;
  std::vector<Figure> found;
  for (const auto& f : doc.finding_sentences)
    for (const auto& part : bold_parts(f.sentence)) {
      if (part.find_first_of("0123456789") == std::string::npos) continue;
      const auto it = std::find_if(doc.figures.begin(), doc.figures.end(), [&](const Figure& g) {
        return g.text == part && g.key.rfind(f.metric + ".", 0) == 0 && same_scope(f.scope, g.scope);
      });
      if (it == doc.figures.end()) {
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
