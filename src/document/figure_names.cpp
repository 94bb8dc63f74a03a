#include "document/figure_names.h"

#include "findings/phrasing.h"

namespace boardbrief::document {

void FigureNames::value(const std::string& measure, const std::string& measure_name, const std::string& scope,
                        const std::string& scope_name, std::optional<double> v, const std::string& text) const {
  value_in(report, measure, measure_name, scope, scope_name, v, text);
}

void FigureNames::value_in(const model::Period& p, const std::string& measure, const std::string& measure_name,
                           const std::string& scope, const std::string& scope_name, std::optional<double> v,
                           const std::string& text) const {
  if (!strings || partial) return;
  const auto lang = strings->language();
  sink.add(Figure{
      measure + "." + scope + "." + p.key,
      strings->format("figures.label",
                      {{"measure", measure_name}, {"scope", scope_name}, {"period", findings::period_title(p, lang)}}),
      scope, p.key, v, text, 0, scope_name});
}

void FigureNames::change(const model::Period& base, const std::string& measure, const std::string& measure_name,
                         const std::string& scope, const std::string& scope_name, std::optional<double> v,
                         const std::string& text) const {
  if (!strings || partial) return;
  const auto lang = strings->language();
  sink.add(Figure{measure + "." + scope + "." + report.key + ".vs." + base.key,
                  strings->format("figures.label_change", {{"measure", measure_name},
                                                           {"scope", scope_name},
                                                           {"period", findings::period_title(report, lang)},
                                                           {"base", findings::period_title(base, lang)}}),
                  scope, report.key + " vs " + base.key, v, text, 0, scope_name});
}

std::string FigureNames::all_own() const { return strings ? strings->get("figures.all_own") : std::string(); }

}  // namespace boardbrief::document
