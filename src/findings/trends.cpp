// Trend claims over the fixed windows (docs/findings-method.md): the trend test's p (Bonferroni
// over the windows of one subject) joins the report's family; withheld over data gaps or against
// the year-on-year change.
#include "findings/engine_parts.h"

namespace boardbrief::findings::detail {

namespace {

// Whether every observed period from `first` on moved the trend's way from the one before.
bool moved_every_period(const Series& values, std::size_t first, bool up) {
  std::optional<double> last;
  for (std::size_t i = first; i < values.size(); ++i) {
    if (!values[i]) return false;  // a gap: no claim about every period
    if (last && (up ? *values[i] <= *last : *values[i] >= *last)) return false;
    last = values[i];
  }
  return true;
}

}  // namespace

void Engine::trend(const Subject& s) {
  if (s.info->kind == Kind::Minutes && !s.enough_sample) return reject(s, Type::Trend, "", "sample_size");
  const bool is_rate = s.info->kind == Kind::Rate || s.info->kind == Kind::Score;
  // Weekly series are noisier: at least 8 points, else 6 (docs/findings-method.md §1).
  const int min_points = report_.kind == model::Granularity::Week ? 8 : 6;
  int observed = 0;
  for (const auto& v : s.values) observed += v ? 1 : 0;
  std::map<std::string, double> in{{"points", observed}};
  const auto family_p = analysis::trend_family_p(s.values, R_.trend_windows, min_points, R_.trend);
  if (!family_p) return reject(s, Type::Trend, "", "too_few_points", in);
  if (!significant(test_id(s, Type::Trend, ""), *family_p, in))
    return reject(s, Type::Trend, "", "not_significant", in);
  // The windows at the report's cut-off: the longest window whose p passes it (Bonferroni).
  analysis::TrendRules at_cutoff = R_.trend;
  at_cutoff.alpha = cutoff_;
  auto t = analysis::test_trend_windows(s.values, R_.trend_windows, min_points, is_rate, at_cutoff);
  if (!t) return reject(s, Type::Trend, "", "too_small", in);
  // A year-long window over a seasonal metric can test "significant" while the month is level
  // with the same month last year (a winter hump, then summer): no trend claim against that.
  if (t->window >= 12 && s.year_ago && s.values.back() && *s.values.back() != *s.year_ago &&
      ((*s.values.back() > *s.year_ago) != (t->direction == analysis::TrendDirection::Up))) {
    in.insert({{"window", t->window},
               {"window_p", t->p},
               {"z", t->z},
               {"value", *s.values.back()},
               {"year_ago", *s.year_ago}});
    return reject(s, Type::Trend, "", "contradicted_by_year_on_year", in);
  }
  // No trend claim from a window with data gaps: say so instead.
  const std::size_t n = s.values.size();
  std::vector<std::size_t> gap_periods;
  for (std::size_t i = n - static_cast<std::size_t>(t->window); i < n; ++i)
    if (s.coverage[i] < R_.min_period_coverage) gap_periods.push_back(i);
  if (!gap_periods.empty()) return withheld_trend(s, t->window, gap_periods);
  Wording w;
  w.form = Form::Trend;
  w.window = t->window;
  w.first_period = n - static_cast<std::size_t>(t->window);
  while (w.first_period + 1 < n && !s.values[w.first_period]) ++w.first_period;
  w.previous = s.values[w.first_period].value_or(0);
  w.value = s.values.back().value_or(0);
  w.every = moved_every_period(s.values, w.first_period, t->direction == analysis::TrendDirection::Up);
  w.change = t->slope.slope;
  if (s.info->kind == Kind::Level) w.relative = t->relative_pct;
  w.steadily = t->adverb == analysis::TrendAdverb::Steadily;
  w.strong = t->significance == analysis::TrendSignificance::StatisticallySignificant;
  Item& it =
      add(s, Type::Trend, FindingType::Trend, t->direction == analysis::TrendDirection::Up, std::fabs(t->z), false);
  it.f.wording = std::move(w);
  it.f.inputs.insert(in.begin(), in.end());
  it.f.inputs["window"] = t->window;
  it.f.inputs["n"] = t->n;
  it.f.inputs["s"] = static_cast<double>(t->s);
  it.f.inputs["z"] = t->z;
  it.f.inputs["window_p"] = t->p;
  it.f.inputs["tau"] = t->tau;
  it.f.inputs["sen_slope"] = t->slope.slope;
  if (t->relative_pct) it.f.inputs["relative_slope_pct"] = *t->relative_pct;
}

// A trend window with data gaps is told as a data gap, never as a trend.
void Engine::withheld_trend(const Subject& s, int window, const std::vector<std::size_t>& gap_periods) {
  Item it;
  it.f.type = Type::DataGap;
  it.f.metric = s.info->key;
  it.f.scope = s.scope.key();
  it.f.family = "data_gap";
  it.f.direction = Direction::None;
  it.f.tone = Tone::Neutral;
  it.f.wording.form = Form::TrendWithheld;
  it.f.wording.window = window;
  it.f.wording.first_period = gap_periods.front();
  it.f.wording.last_period = gap_periods.back();
  it.f.wording.why.kind = WhyKind::DataGap;
  it.f.score = 0.5;
  it.f.period = report_.key;
  it.f.inputs["gap_periods"] = static_cast<double>(gap_periods.size());
  it.dedup = false;
  it.c.family = "data_gap";
  it.c.channel = it.f.scope;
  it.c.metric = s.info->key;
  it.c.period = report_.key;
  it.c.score = it.f.score;
  items_.push_back(std::move(it));
}

}  // namespace boardbrief::findings::detail
