// What the channel sections share: a metric's value for a scope, the rows of a per-channel
// table (the largest own channels one by one, one "Other (n channels)" row, the total; see
// channel_groups.h) and the columns that print counts, rates and their changes, each
// registering the figure it prints (docs/figures.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document/briefing.h"
#include "document/document.h"
#include "document/figure_names.h"
#include "document/table_columns.h"
#include "model/catalogue.h"

namespace boardbrief::document {

using Value = std::optional<double>;

series::Scope channel_scope(std::int64_t id);
series::Scope platform_scope(const std::string& platform);
Value value_of(const BriefingInput& in, const std::string& metric, const series::Scope& scope, std::size_t period);
std::string missing();  // the cell of a figure that does not exist: "–"
std::string count_cell(Value v, text::Language lang);
std::vector<const model::Channel*> own_channels(const BriefingInput& in);
std::vector<const model::Channel*> competitor_channels(const BriefingInput& in);

// A table row's printed figures in the registry: scope from the row's series scope; a "–" cell
// prints none.
struct CellFigures {
  FigureNames N;
  std::string scope, scope_name;
  void value(const TableCell& c, const std::string& measure, const std::string& name, Value v) const;
  void change(const TableCell& c, const std::string& measure, const std::string& name, Value v) const;
};
CellFigures cell_figures(const BriefingInput& in, const series::Scope& scope);
// A folded row's figures: scope "others", named as the row is.
CellFigures others_figures(const BriefingInput& in, std::size_t n);

// One row of a per-channel table: what it is called, a metric of it in one period (a scope's
// series, or a folded group of channels), and whether a metric's change runs over fewer days
// than the periods have.
struct RowData {
  std::string label;
  std::string platform;  // empty: no swatch
  std::function<Value(const std::string& metric, std::size_t period)> get;
  std::function<bool(const std::string& metric)> short_days;
  CellFigures figures;
};

// The largest own channels by `metric` in the report period, then one "Other (n channels)"
// row, then the total of all own channels (with `total_label`), printed by `columns`.
void fill_channel_table(const BriefingInput& in, TableSpec& spec, const ColumnList<RowData>& columns,
                        const std::string& metric, const std::string& total_label);

// A count of `metric` in the report period.
Column<RowData> count_column(const BriefingInput& in, std::string header, double width, const std::string& metric);
// Its change on the previous period in per cent, judged by the tiles' rule and gate (baseline
// `floor`, colour_rule.h); `short_days` set when a printed change runs over fewer days than
// its periods (the cell gets a "*" the note explains).
Column<RowData> change_column(const BriefingInput& in, std::string header, double width, const std::string& metric,
                              model::Better better, double floor, bool* short_days = nullptr);
// A rate of `metric` in per cent, and its change in points.
Column<RowData> rate_column(const BriefingInput& in, std::string header, double width, const std::string& metric);
Column<RowData> pp_column(const BriefingInput& in, std::string header, double width, const std::string& metric);

}  // namespace boardbrief::document
