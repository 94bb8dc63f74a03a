#include "document/channel_sections.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "document/channel_groups.h"
#include "document/channel_rows.h"
#include "document/colour_rule.h"
#include "document/decisions.h"
#include "document/names.h"
#include "document/partial_period.h"
#include "document/section_parts.h"
#include "findings/finding.h"
#include "findings/phrasing.h"
#include "model/metric_keys.h"
#include "text/number_format.h"

namespace boardbrief::document {

namespace mk = model::metric_key;

namespace {

using text::Language;

// Share of voice in the report period as one 100 % bar: the own channels together, then the
// largest competitor channels by their mentions and one segment for the rest (channel_groups.h).
// The segments carry roles (own, competitor, other); layout colours and labels them. None when no
// competitor has mentions.
std::optional<ShareBar> share_of_voice_bar(const BriefingInput& in) {
  const auto& S = in.strings;
  Language lang = S.language();
  const auto& ps = in.data.periods;
  Value own = value_of(in, mk::kMentions, series::Scope::all_own(), ps.report);
  std::vector<const model::Channel*> with_mentions;
  for (const auto* c : competitor_channels(in)) {
    Value v = value_of(in, mk::kMentions, channel_scope(c->id), ps.report);
    if (v && *v > 0) with_mentions.push_back(c);
  }
  if (with_mentions.empty() || !own) return std::nullopt;  // no competitors: share of voice says nothing
  auto groups = group_channels(with_mentions, [&](const model::Channel& c) {
    return value_of(in, mk::kMentions, channel_scope(c.id), ps.report).value_or(0);
  });
  ShareBar bar;
  bar.title = S.format("share_of_voice_bar.title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  bar.subtitle = S.get("share_of_voice_bar.subtitle");
  bar.spec.segments.push_back({S.get("share_of_voice_bar.own"), *own, Role::Own});
  for (const auto* c : groups.shown)
    bar.spec.segments.push_back({channel_label(S, in.data.channels, *c),
                                 value_of(in, mk::kMentions, channel_scope(c->id), ps.report).value_or(0),
                                 Role::Competitor});
  if (!groups.others.empty())
    bar.spec.segments.push_back({others_label(S, groups.others.size()),
                                 group_value(in.data, mk::kMentions, groups.others, ps.report).value_or(0),
                                 Role::Other});
  bar.spec.share_format = [lang](double v) { return text::format_fraction_as_percent(v, lang); };
  bar.spec.no_data = std::string(text::no_data(lang));
  return bar;
}

// "{share} of classified messages were negative in {period}", or the plain headline when none
// were classified; `classified` gets their number.
std::string sentiment_headline(const BriefingInput& in, std::int64_t& classified) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto& ps = in.data.periods;
  const std::string period = findings::period_in_sentence(ps.all[ps.report], lang);
  classified = 0;
  if (const auto* all = in.data.find_dialogue(series::Scope::all_own())) {
    const auto& p = all->periods[ps.report];
    classified = p.positive + p.negative + p.neutral;
    if (classified > 0)
      return S.format_sentence(
          "sentiment.headline",
          {{"share", text::format_fraction_as_percent(static_cast<double>(p.negative) / classified, lang)},
           {"period", period}});
  }
  return S.format_sentence("sentiment.headline_plain", {{"period", period}});
}

// A trend of a share over the charted months: one plain line, a ratio.
LineCharts::Chart share_chart(const BriefingInput& in, const std::string& key,
                              const std::vector<std::optional<double>>& values) {
  const auto& S = in.strings;
  const Language lang = S.language();
  LineCharts::Chart c;
  c.title = S.get("sentiment_extra." + key + "_title");
  c.subtitle = S.get("sentiment_extra." + key + "_subtitle");
  c.spec.categories = charted_labels(in, first_charted(in));
  c.spec.report_index = c.spec.categories.size() - 1;
  c.spec.format = [lang](double v) { return text::format_fraction_as_percent(v, lang); };
  c.spec.allow_zoom = false;
  LineSeries line;
  line.name = S.get("sentiment_extra." + key + "_name");
  line.values = values;
  line.ratio = true;
  c.spec.series = {line};
  return c;
}

bool any_value(const std::vector<std::optional<double>>& values) {
  return std::any_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); });
}

// Two trends over the window on one scale: the negative share of classified messages, and the
// share of voice with its target (docs/decisions.md).
LineCharts sentiment_trends(const BriefingInput& in) {
  const auto& ps = in.data.periods;
  const auto* all = in.data.find_dialogue(series::Scope::all_own());
  const auto* sov_series = in.data.find(mk::kShareOfVoice, series::Scope::all_own());
  std::vector<std::optional<double>> negative, voice;
  for (std::size_t i = first_charted(in); i < ps.window_size; ++i) {
    std::optional<double> neg;
    if (all) {
      const auto& p = all->periods[i];
      std::int64_t n = p.positive + p.negative + p.neutral;
      if (n > 0) neg = static_cast<double>(p.negative) / static_cast<double>(n);
    }
    negative.push_back(neg);
    voice.push_back(sov_series ? sov_series->values[i] : std::nullopt);
  }
  LineCharts trends;
  if (any_value(negative)) trends.charts.push_back(share_chart(in, "negative", negative));
  if (any_value(voice)) {
    trends.charts.push_back(share_chart(in, "sov", voice));
    for (const auto& k : in.kpis)
      if (k.metric == mk::kShareOfVoice && k.target) {
        auto& c = trends.charts.back();
        mark_target(
            c.spec, c.spec.series.front(), k.target->value, k.target->at_most,
            in.strings.format(k.target->at_most ? "decisions.chart_target_at_most" : "decisions.chart_target_at_least",
                              {{"value", text::format_fraction_as_percent(k.target->value, in.strings.language())}}));
      }
  }
  double top = 0;  // both charts show shares, so they share one scale
  for (const auto& c : trends.charts)
    for (const auto& v : c.spec.series.front().values) top = std::max(top, v.value_or(0));
  for (auto& c : trends.charts) c.spec.scale_span = std::make_pair(0.0, top);
  return trends;
}

// A row of the sentiment table: a channel's, the folded rest's or the total's classified messages.
struct SentimentRow {
  std::string label;
  std::string platform;
  series::DialoguePeriod p;
  CellFigures figures;
  std::int64_t classified() const { return p.positive + p.negative + p.neutral; }
};

// A share of the row's classified messages, registered as `measure`.
Column<SentimentRow> sentiment_share(const BriefingInput& in, const std::string& header, const std::string& measure,
                                     std::int64_t series::DialoguePeriod::*count) {
  return {header, 56, Align::Right, [&in, measure, count](const SentimentRow& r) {
            const std::int64_t n = r.classified();
            const double share = n > 0 ? static_cast<double>(r.p.*count) / n : 0;
            TableCell c;
            c.text = n > 0 ? text::format_fraction_as_percent(share, in.strings.language()) : missing();
            if (n > 0) r.figures.value(c, measure, in.strings.get("figures." + measure), share);
            return c;
          }};
}

ColumnList<SentimentRow> sentiment_columns(const BriefingInput& in) {
  const auto& S = in.strings;
  constexpr double kBarMax = 1.0;  // one fixed scale for the negative share
  Column<SentimentRow> classified{S.get("sentiment.col_classified"), 60, Align::Right, [&in](const SentimentRow& r) {
                                    TableCell c;
                                    c.text = text::format_integer(r.classified(), in.strings.language());
                                    r.figures.value(c, "classified", in.strings.get("figures.classified"),
                                                    static_cast<double>(r.classified()));
                                    return c;
                                  }};
  Column<SentimentRow> bar{
      "", 56, Align::Left, [](const SentimentRow& r) {
        TableCell c;
        if (const std::int64_t n = r.classified(); n > 0)
          c.bar = TableBar{std::min(static_cast<double>(r.p.negative) / n / kBarMax, 1.0), std::nullopt, Role::Adverse};
        return c;
      }};
  // Registered in the order the table printed them before it had columns: classified,
  // positive, neutral, negative.
  return {name_column<SentimentRow>(S.get("audience.col_channel")),
          classified,
          sentiment_share(in, S.get("sentiment.col_positive"), "positive_share", &series::DialoguePeriod::positive),
          sentiment_share(in, S.get("sentiment.col_neutral"), "neutral_share", &series::DialoguePeriod::neutral),
          bar,
          sentiment_share(in, S.get("sentiment.col_negative"), "negative_share", &series::DialoguePeriod::negative)};
}

// Classified messages per own channel (the largest, then the folded rest) with the negative
// share on a bar, and the total.
Table sentiment_table(const BriefingInput& in) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto& ps = in.data.periods;
  Table t;
  t.title = S.format("sentiment.table_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  t.subtitle = S.get("sentiment.table_subtitle");
  const auto columns = sentiment_columns(in);
  t.spec.columns = table_header(columns);
  t.spec.names_lead = S.get("channel_groups.names_lead");
  std::vector<const model::Channel*> with_dialogue;
  for (const auto* c : own_channels(in))
    if (in.data.find_dialogue(channel_scope(c->id))) with_dialogue.push_back(c);
  auto period_of = [&](const model::Channel& c) {
    return in.data.find_dialogue(channel_scope(c.id))->periods[ps.report];
  };
  auto groups = group_channels(with_dialogue, [&](const model::Channel& c) {
    const auto p = period_of(c);
    return static_cast<double>(p.positive + p.negative + p.neutral);
  });
  for (const auto* c : groups.shown)
    t.spec.rows.push_back(table_row(columns, SentimentRow{channel_label(S, in.data.channels, *c), c->platform,
                                                          period_of(*c), cell_figures(in, channel_scope(c->id))}));
  if (!groups.others.empty())
    t.spec.rows.push_back(table_row(columns, SentimentRow{others_label(S, groups.others.size()), "",
                                                          group_dialogue(in.data, groups.others, ps.report),
                                                          others_figures(in, groups.others.size())}));
  if (const auto* all = in.data.find_dialogue(series::Scope::all_own()))
    t.spec.total = table_row(
        columns,
        SentimentRow{S.get("audience.total"), "", all->periods[ps.report], cell_figures(in, series::Scope::all_own())},
        true);
  t.note = S.format("sentiment.table_note", {{"max", text::format_percent(100, lang)},
                                             {"positive", text::format_signed(0.05, 2, lang)},
                                             {"negative", text::format_signed(-0.05, 2, lang)},
                                             {"low", text::format_signed(-1, 0, lang)},
                                             {"high", text::format_signed(1, 0, lang)}});
  return t;
}

// A row of the share-of-voice table: mentions now and in the previous period, the market's.
struct VoiceRow {
  std::string label;
  std::string platform;  // always empty: the table names organisations, not platforms
  Value mentions, mentions_before;
  Role role = Role::Competitor;  // Own for the organisation's row
  CellFigures figures;
  Value market, market_before;
  Value share() const { return mentions ? Value(*mentions / *market) : std::nullopt; }
  Value share_before() const {
    return mentions_before && market_before && *market_before > 0 ? Value(*mentions_before / *market_before)
                                                                  : std::nullopt;
  }
  // The change in whole points, from the rounded shares (as printed).
  Value change() const {
    return share() && share_before() ? Value(std::round(*share() * 100) - std::round(*share_before() * 100))
                                     : std::nullopt;
  }
};

ColumnList<VoiceRow> voice_columns(const BriefingInput& in) {
  const auto& S = in.strings;
  const Language lang = S.language();
  auto mentions = [&in, lang](const VoiceRow& r) {
    TableCell c;
    c.text = count_cell(r.mentions, lang);
    r.figures.value(c, mk::kMentions, in.strings.get("metric.mentions.label"), r.mentions);
    return c;
  };
  auto bar = [](const VoiceRow& r) {
    TableCell c;
    if (r.share()) c.bar = TableBar{std::clamp(*r.share(), 0.0, 1.0), std::nullopt, r.role};
    return c;
  };
  auto share = [&in, lang](const VoiceRow& r) {
    TableCell c;
    c.text = r.share() ? text::format_fraction_as_percent(*r.share(), lang) : missing();
    r.figures.value(c, mk::kShareOfVoice, in.strings.get("metric.share_of_voice.label"), r.share());
    return c;
  };
  // Shares are integers (docs/visual-rules.md), so are their changes; the own row is judged by
  // the share-of-voice tile's gate (3 points), a competitor's share has no better direction for us.
  auto change = [&in, lang](const VoiceRow& r) {
    TableCell c;
    c.role = Role::Neutral;
    c.text = r.change() ? text::format_signed(*r.change(), 0, lang) : missing();
    if (r.change() && r.role == Role::Own)
      c.role = change_role(std::fabs(*r.share() - *r.share_before()) >= 0.03, *r.change(), model::Better::Up);
    r.figures.change(c, mk::kShareOfVoice, in.strings.get("metric.share_of_voice.label"), r.change());
    return c;
  };
  const std::string prev_short = findings::period_short(in.data.periods.all[in.data.periods.previous], lang, false);
  return {name_column<VoiceRow>(S.get("sentiment.col_name")),
          {S.get("sentiment.col_mentions"), 62, Align::Right, mentions},
          {"", 56, Align::Left, bar},
          {S.get("sentiment.col_share"), 48, Align::Right, share},
          {S.format("audience.col_vs_pp", {{"period", prev_short}}), 56, Align::Right, change, true}};
}

// Share of voice: own channels against each competitor (the largest, then the folded rest),
// bars on one 0–100 % scale. None without mentions in the market.
std::optional<Table> share_of_voice_table(const BriefingInput& in) {
  const auto& S = in.strings;
  const Language lang = S.language();
  const auto& ps = in.data.periods;
  const series::Scope market_scope{series::Scope::Kind::Market, "", 0};
  const Value market = value_of(in, mk::kMentions, market_scope, ps.report);
  const Value market0 = value_of(in, mk::kMentions, market_scope, ps.previous);
  if (!market || *market <= 0) return std::nullopt;
  Table sov;
  sov.title = S.format("sentiment.sov_title", {{"period", findings::period_since(ps.all[ps.report], lang)}});
  sov.subtitle = S.format(in.partial_period ? "partial_period.sov_subtitle" : "sentiment.sov_subtitle",
                          {{"prev", findings::period_since(ps.all[ps.previous], lang)}});
  sov.note = S.format("sentiment.sov_note", {{"max", text::format_percent(100, lang)}});
  if (const VoiceScope v = voice_scope(S, in.data.channels); v.unequal())
    sov.note += " " + S.format("figures.sov_scope_note", {{"own", text::format_integer(v.own_platforms, lang)},
                                                          {"platforms", v.competitor_names}});
  auto columns = voice_columns(in);
  drop_change_columns(sov, columns, in);
  sov.spec.columns = table_header(columns);
  auto mentions = [&](const series::Scope& scope, std::size_t period) {
    return value_of(in, mk::kMentions, scope, period);
  };
  auto own = table_row(columns, VoiceRow{S.get("sentiment.own_row"), "", mentions(series::Scope::all_own(), ps.report),
                                         mentions(series::Scope::all_own(), ps.previous), Role::Own,
                                         cell_figures(in, series::Scope::all_own()), market, market0});
  own[0].bold = true;
  sov.spec.rows.push_back(std::move(own));
  sov.spec.names_lead = S.get("channel_groups.names_lead");
  auto rivals = group_channels(competitor_channels(in), [&](const model::Channel& c) {
    return mentions(channel_scope(c.id), ps.report).value_or(-1);
  });
  for (const auto* c : rivals.shown)
    sov.spec.rows.push_back(table_row(
        columns, VoiceRow{channel_label(S, in.data.channels, *c), "", mentions(channel_scope(c->id), ps.report),
                          mentions(channel_scope(c->id), ps.previous), Role::Competitor,
                          cell_figures(in, channel_scope(c->id)), market, market0}));
  if (!rivals.others.empty())
    sov.spec.rows.push_back(
        table_row(columns, VoiceRow{others_label(S, rivals.others.size()), "",
                                    group_value(in.data, mk::kMentions, rivals.others, ps.report),
                                    group_value(in.data, mk::kMentions, rivals.others, ps.previous), Role::Competitor,
                                    others_figures(in, rivals.others.size()), market, market0}));
  return sov;
}

}  // namespace

void add_sentiment_section(Document& doc, const BriefingInput& in) {
  std::int64_t classified = 0;
  std::string head = sentiment_headline(in, classified);
  if (classified == 0 && !has_data(in, {mk::kMentions})) return;  // nothing to show
  open_section(doc, in, "sentiment", head);
  if (LineCharts trends = sentiment_trends(in); !trends.charts.empty()) doc.blocks.push_back(std::move(trends));
  if (auto bar = share_of_voice_bar(in)) doc.blocks.push_back(std::move(*bar));
  doc.blocks.push_back(sentiment_table(in));
  if (auto sov = share_of_voice_table(in)) doc.blocks.push_back(std::move(*sov));
}

}  // namespace boardbrief::document
