// Names for registered figures: the measure, the scope and the period spelled out in the
// report language ("Unanswered messages, all own channels, change October 2026 vs September
// 2026"), so two different measures never share a label (docs/figures.md).
#pragma once

#include <optional>
#include <string>

#include "document/figures.h"
#include "model/period.h"
#include "text/strings.h"

namespace boardbrief::document {

struct FigureNames {
  FigureSink sink;
  const text::Strings* strings = nullptr;
  model::Period report, previous, year_ago;
  bool partial = false;  // a partial period prints no changes: change() registers nothing

  // The value of `measure` ("unanswered_share", named `measure_name`) for `scope` (key and
  // name) in the report period.
  void value(const std::string& measure, const std::string& measure_name, const std::string& scope,
             const std::string& scope_name, std::optional<double> v, const std::string& text) const;
  // The value in another period of the window (a chart's value label).
  void value_in(const model::Period& p, const std::string& measure, const std::string& measure_name,
                const std::string& scope, const std::string& scope_name, std::optional<double> v,
                const std::string& text) const;
  // The change of `measure` from `base` to the report period, in the unit printed.
  void change(const model::Period& base, const std::string& measure, const std::string& measure_name,
              const std::string& scope, const std::string& scope_name, std::optional<double> v,
              const std::string& text) const;
  // "all own channels" in the report language.
  std::string all_own() const;
};

}  // namespace boardbrief::document
