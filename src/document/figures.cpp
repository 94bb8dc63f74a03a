#include "document/figures.h"

#include "document/document.h"

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

}  // namespace boardbrief::document
