#include "document/tiles.h"

#include <algorithm>

#include <cmath>

#include "document/colour_rule.h"
#include "document/names.h"
#include "findings/phrasing.h"
#include "model/metric_keys.h"
#include "series/reply_info.h"
#include "text/number_format.h"

namespace boardbrief::document {

namespace mk = model::metric_key;

namespace {

using analysis::Kpi;
using analysis::ValueKind;
using text::Language;

// Splits "38%" / "38 %" / "24.9 M" into the figure and its unit so the unit can be set
// smaller. Durations keep their words inline: the tile sizes letters itself.
std::pair<std::string, std::string> split_unit(const std::string& s) {
  std::size_t end = s.size();
  while (end > 0) {
    unsigned char c = static_cast<unsigned char>(s[end - 1]);
    if ((c >= '0' && c <= '9')) break;
    --end;
  }
  return {s.substr(0, end), s.substr(end)};
}

SparkScale spark_scale(ValueKind k) {
  switch (k) {
    case ValueKind::Share: return SparkScale::Share;
    case ValueKind::Score: return SparkScale::Score;
    default: return SparkScale::Count;
  }
}

// The change as displayed, so sign, arrow and number agree with the rounded values shown.
struct ShownChange {
  std::string text;
  double sign = 0;
};

ShownChange shown_change(const Kpi& k, double cur, double old, const analysis::Change& c, Language lang) {
  switch (k.kind) {
    case ValueKind::Share: {
      double pp = std::round(cur * 100) - std::round(old * 100);
      return {text::format_pp_change(pp, lang), pp};
    }
    case ValueKind::Score: {
      double d = std::round(cur) - std::round(old);
      return {text::format_score_change(d, lang), d};
    }
    case ValueKind::Minutes: {
      double d = std::round(cur) - std::round(old);
      return {text::format_duration_change(d, lang), d};
    }
    case ValueKind::Count: {
      if (!c.relative) return {text::format_signed(cur - old, 0, lang), cur - old};
      double pct = *c.relative * 100;
      std::string t = text::format_percent_change(pct, lang);
      return {t, t.find("\u00B1") != std::string::npos ? 0.0 : pct};
    }
  }
  return {};
}

Delta make_delta(const Kpi& k, const std::optional<double>& old, const analysis::Change& c,
                 const std::string& period_name, const TileContext& ctx) {
  const auto& S = ctx.strings;
  Delta d;
  if (!k.value || !old) {
    d.direction = Direction::None;
    d.comparison_text = S.format("tiles.no_data_vs", {{"period", period_name}});
    return d;
  }
  ShownChange sc = shown_change(k, *k.value, *old, c, S.language());
  d.value_text = sc.text;
  d.comparison_text = S.format("tiles.vs", {{"period", period_name}});
  d.direction = sc.sign > 0 ? Direction::Up : sc.sign < 0 ? Direction::Down : Direction::Flat;
  // A provisional value already leaves out immature messages, so its change may be coloured.
  d.role = change_role(c.significant, sc.sign, k.better);
  return d;
}

// The tile's printed figures in the registry: value, context counts, changes and target.
void register_tile(const Kpi& k, const Tile& t, const TileContext& ctx) {
  if (!ctx.names) return;
  const FigureNames& N = *ctx.names;
  const auto& S = ctx.strings;
  const Language lang = S.language();
  const std::string scope = "all", scope_name = N.all_own();
  if (k.value || k.value_infinite)
    N.value(k.metric, t.label, scope, scope_name, k.value_infinite ? std::nullopt : k.value, t.value + t.unit);
  if (const auto* all = ctx.data.find_dialogue(series::Scope::all_own());
      all && k.metric == mk::kNeedsReply && ctx.data.interactions_read > 0) {
    const auto judged = all->periods[ctx.data.periods.report].mature;
    if (all->periods[ctx.data.periods.report].reply_info && judged < all->periods[ctx.data.periods.report].needs_reply)
      N.value("needs_reply_judged", S.get("figures.judged_count"), scope, scope_name, static_cast<double>(judged),
              text::format_integer(judged, lang));
  }
  if (k.metric == mk::kUnansweredShare && k.numerator && k.denominator && ctx.data.interactions_read > 0) {
    N.value("unanswered", S.get("figures.unanswered_count"), scope, scope_name, *k.numerator,
            text::format_integer(static_cast<long>(*k.numerator), lang));
    N.value("needs_reply_judged", S.get("figures.judged_count"), scope, scope_name, *k.denominator,
            text::format_integer(static_cast<long>(*k.denominator), lang));
  }
  if (k.p90 && ctx.data.interactions_read > 0)
    N.value(mk::kFirstResponseP90, S.get("metric.first_response_p90.label"), scope, scope_name, *k.p90,
            text::format_duration(*k.p90, lang));
  const std::pair<const model::Period*, const Delta*> deltas[] = {{&ctx.previous, &t.vs_prev},
                                                                  {&ctx.year_ago, &t.vs_year}};
  for (const auto& [base, d] : deltas) {
    const auto& old = base == &ctx.previous ? k.previous : k.year_ago;
    const auto& c = base == &ctx.previous ? k.vs_previous : k.vs_year_ago;
    if (d->value_text.empty() || !k.value || !old) continue;
    N.change(*base, k.metric, t.label, scope, scope_name, shown_change(k, *k.value, *old, c, lang).sign, d->value_text);
  }
  if (k.target) {
    N.sink.add(k.metric + ".target", S.format("figures.target", {{"measure", t.label}}), scope, N.report.key,
               k.target->value, format_kpi_value(k, k.target->value, lang));
    // A share's distance is printed in points, from the rounded values (as its changes are).
    std::optional<double> gap;
    if (k.value)
      gap = k.kind == ValueKind::Share ? std::round(*k.value * 100) - std::round(k.target->value * 100)
                                       : *k.value - k.target->value;
    if (t.target_status)
      N.value(k.metric + ".target_gap", S.format("figures.target_gap", {{"measure", t.label}}), scope, scope_name, gap,
              t.target_status->text);
  }
}

// The target line: "Target ≤ 15%:" and how far the value is from it, favourable when met.
void set_target(Tile& t, const Kpi& k, const TileContext& ctx) {
  const auto& S = ctx.strings;
  const Language lang = S.language();
  double tv = k.target->value;
  std::string shown = format_kpi_value(k, tv, lang);
  t.target_label = S.format(k.target->at_most ? "tiles.target_at_most" : "tiles.target_at_least", {{"value", shown}});
  t.target = tv;
  if (k.value) {
    double gap = *k.value - tv;
    std::string amount;
    if (k.kind == ValueKind::Share) {
      amount = text::format_pp_change(std::fabs(std::round(*k.value * 100) - std::round(tv * 100)), lang);
      if (!amount.empty() && amount[0] == '+') amount.erase(0, 1);  // the word carries the direction
    } else if (k.kind == ValueKind::Minutes)
      amount = text::format_duration(std::fabs(gap), lang);
    else
      amount = format_kpi_value(k, std::fabs(gap), lang);
    TargetStatus st;
    st.role = k.target->met ? Role::Favourable : Role::Adverse;
    if (k.target->met)
      st.text = S.format(gap <= 0 ? "tiles.status_met" : "tiles.status_met_above", {{"delta", amount}});
    else
      st.text = S.format(gap > 0 ? "tiles.status_above" : "tiles.status_below", {{"delta", amount}});
    // A miss is coloured even when provisional (the messages counted so far already miss
    // it); only a sum over part of a period is too short to judge against a target.
    if (ctx.partial && k.kind == ValueKind::Count) st.role = Role::Neutral;
    t.target_status = st;
  } else {
    t.target_status = TargetStatus{S.get("figures.target_no_data"), Role::Neutral};
  }
}

// A partial period: sums over part of a period look like falls, so the value stands alone,
// marked in the tag slot, with no arrow, colour or "vs Sep" change (data_quality.partial says
// why). A missing comparison value keeps its "no data vs Nov 2016" line: that claims no change.
void mark_partial(Tile& t, const Kpi& k, const TileContext& ctx) {
  const auto& S = ctx.strings;
  t.provisional = true;
  t.provisional_text = S.get("tiles_partial.marker");
  if (k.value && k.previous) {
    t.vs_prev = Delta{};
    t.vs_prev.comparison_text = S.get("tiles_partial.no_change");
  }
  if (k.value && k.year_ago) {
    t.vs_year = Delta{};
    if (!k.previous) t.vs_year.comparison_text = S.get("tiles_partial.no_change");
  }
}

}  // namespace

std::string format_kpi_value(const Kpi& k, double v, Language lang) {
  switch (k.kind) {
    case ValueKind::Share: return text::format_fraction_as_percent(v, lang);
    case ValueKind::Minutes: return text::format_duration(v, lang);
    case ValueKind::Score: return text::format_decimal(v, 0, lang);
    case ValueKind::Count: return text::format_compact(v, lang);
  }
  return {};
}

// The line under the value: the count it is of, the 90th percentile, the scale, or that the
// data are missing (docs/figures.md).
std::string tile_context(const Kpi& k, bool no_dialogue, const TileContext& ctx) {
  const auto& S = ctx.strings;
  const Language lang = S.language();
  std::string context;
  switch (k.kind) {
    case ValueKind::Share:
      if (k.metric == mk::kUnansweredShare && k.numerator && k.denominator)
        context = S.format("tiles.context_of_messages",
                           {{"count", text::format_integer(static_cast<long>(*k.numerator), lang)},
                            {"total", text::format_integer(static_cast<long>(*k.denominator), lang)}});
      else if (k.metric == mk::kShareOfVoice) {
        int competitors = 0;
        for (const auto& c : ctx.data.channels) competitors += c.owner == model::Owner::Competitor;
        context = S.format_plural("tiles.context_share_of_voice", competitors,
                                  {{"n", text::format_integer(competitors, lang)}});
        // Own mentions on more platforms than the competitors are watched on: the scope is printed.
        if (const VoiceScope v = voice_scope(S, ctx.data.channels); v.unequal())
          context =
              S.format("figures.sov_scope_tile", {{"own", text::format_integer(v.own_platforms, lang)},
                                                  {"theirs", text::format_integer(v.competitor_platforms, lang)}});
      }
      break;
    case ValueKind::Minutes:
      if (k.p90)
        context = S.format("tiles.context_p90", {{"value", text::format_duration(*k.p90, lang)}});
      else if (k.p90_infinite)
        context = S.format("tiles.context_p90_not_reached",
                           {{"pct", text::format_percent(90, lang)},
                            {"hours", text::format_integer(ctx.data.response_window_seconds / 3600, lang)}});
      break;
    case ValueKind::Score:
      context = S.format("tiles.context_net_sentiment",
                         {{"low", text::format_signed(-100, 0, lang)}, {"high", text::format_signed(100, 0, lang)}});
      break;
    case ValueKind::Count:
      context = S.get("tiles.context_all_own");
      // The platforms by name while they fit the tile's line (five short names do, as in the
      // mock-up); beyond that "All own channels" rather than a list cut off with "…".
      if (k.metric == mk::kNeedsReply) {
        std::string names = own_platform_names(S, ctx.data.channels);
        if (std::count(names.begin(), names.end(), ',') < 5) context = names;
        if (no_dialogue) context = S.get("figures.no_message_data");
        // Beside "777 of 2,025" the 2,132 needs its bridge: how many are old enough to judge.
        const auto* all = ctx.data.find_dialogue(series::Scope::all_own());
        const auto& ps = ctx.data.periods;
        if (!no_dialogue && all && all->periods[ps.report].reply_info &&
            all->periods[ps.report].mature < all->periods[ps.report].needs_reply)
          context =
              S.format("figures.tile_judged", {{"judged", text::format_integer(all->periods[ps.report].mature, lang)}});
      }
      break;
  }

  // Absent data are absent (docs/figures.md): without a single interaction every tile that
  // counts messages says the message data are missing ("0 of 0 messages" reads as a count);
  // without any reply in the window the reply tiles say the reply data are missing.
  const bool dialogue_tile = k.metric == mk::kUnansweredShare || k.metric == mk::kFirstResponseP50 ||
                             k.metric == mk::kNeedsReply || k.metric == mk::kNetSentiment;
  const auto* all = ctx.data.find_dialogue(series::Scope::all_own());
  if (ctx.data.interactions_read == 0 && dialogue_tile)
    context = S.get("figures.no_message_data");
  else if (all && series::reply_info_absent(*all) &&
           (k.metric == mk::kUnansweredShare || k.metric == mk::kFirstResponseP50))
    context = S.get("figures.no_reply_data");
  return context;
}

Tile make_tile(const Kpi& kpi, const TileContext& ctx) {
  const auto& S = ctx.strings;
  // A database without a single interaction has no dialogue to count: "0 · ±0" would claim a
  // quiet month, so the tile says "no data" instead.
  const bool no_dialogue = kpi.metric == mk::kNeedsReply && ctx.data.interactions_read == 0;
  Kpi k = kpi;
  if (no_dialogue) {
    k.value.reset();
    k.previous.reset();
    k.year_ago.reset();
    k.target.reset();
    for (auto& v : k.window) v.reset();
  }
  Language lang = S.language();
  Tile t;
  std::string label_key = "tiles.label." + std::string(k.metric == mk::kNeedsReply ? mk::kInbound : k.metric);
  t.label = S.get(label_key);
  if (k.value) {
    auto [num, unit] = split_unit(format_kpi_value(k, *k.value, lang));
    t.value = num;
    t.unit = unit;
  } else {
    t.value = std::string(text::no_data(lang));
  }
  if (k.value_infinite) t.value = ">" + text::format_integer(ctx.data.response_window_seconds / 3600, lang) + "\u00A0h";

  t.context = tile_context(k, no_dialogue, ctx);

  t.vs_prev = make_delta(k, k.previous, k.vs_previous, findings::period_short(ctx.previous, lang, false), ctx);
  t.vs_year = make_delta(k, k.year_ago, k.vs_year_ago, findings::period_short(ctx.year_ago, lang, true), ctx);
  t.provisional = k.provisional;
  t.provisional_text = S.get("tiles.provisional");
  if (ctx.partial) mark_partial(t, k, ctx);
  t.spark = k.window;
  t.scale = spark_scale(k.kind);

  if (k.target) set_target(t, k, ctx);
  register_tile(k, t, ctx);
  return t;
}

}  // namespace boardbrief::document
