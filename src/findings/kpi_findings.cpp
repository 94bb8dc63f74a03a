#include "findings/kpi_findings.h"

#include <algorithm>
#include <cmath>

#include "text/date_format.h"
#include "text/number_format.h"

namespace boardbrief::findings {

namespace {

using analysis::Kpi;
using analysis::ValueKind;
using text::Language;

date::year_month ym(date::local_days d) {
  date::year_month_day x{d};
  return x.year() / x.month();
}

std::string format_value(const Kpi& k, double v, Language lang) {
  switch (k.kind) {
    case ValueKind::Share: return text::format_fraction_as_percent(v, lang);
    case ValueKind::Minutes: return text::format_duration(v, lang);
    case ValueKind::Score: return text::format_signed(v, 0, lang);
    case ValueKind::Count: return text::format_count(v, lang);
  }
  return {};
}

const char* why_key(const std::string& metric) {
  if (metric == "unanswered_share" || metric == "response_rate") return "why.unanswered";
  if (metric == "first_response_p50" || metric == "first_response_p90") return "why.response_time";
  if (metric == "needs_reply" || metric == "inbound") return "why.volume";
  if (metric == "net_sentiment") return "why.sentiment";
  if (metric == "share_of_voice") return "why.share_of_voice";
  return "why.reach";
}

double metric_weight(const std::string& metric) {
  if (metric == "unanswered_share" || metric == "first_response_p50") return 1.2;
  if (metric == "net_sentiment") return 1.0;
  if (metric == "needs_reply") return 0.8;
  return 0.7;
}

std::string label_key(const std::string& metric) {
  return "metric." + std::string(metric == "needs_reply" ? "inbound" : metric) + ".subject";
}

}  // namespace

const char* type_name(Type t) {
  switch (t) {
    case Type::Change: return "change";
    case Type::Trend: return "trend";
    case Type::Anomaly: return "anomaly";
    case Type::Record: return "record";
    case Type::Target: return "target";
    case Type::DataGap: return "data_gap";
  }
  return "?";
}

std::string period_in_sentence(const model::Period& p, Language lang) {
  date::year_month_day f{p.first};
  switch (p.kind) {
    case model::Granularity::Month: return text::month_name(f.month(), lang);
    case model::Granularity::Quarter:
      return text::format_quarter(f.year(), (static_cast<unsigned>(f.month()) - 1) / 3 + 1, lang);
    case model::Granularity::Year: return std::to_string(static_cast<int>(f.year()));
    case model::Granularity::Week: return text::format_iso_week(p.first, lang);
    case model::Granularity::Custom: return text::format_span(p.first, p.last, lang);
  }
  return p.key;
}

std::string period_title(const model::Period& p, Language lang) {
  if (p.kind == model::Granularity::Month) return text::capitalise_first(text::format_month_year(ym(p.first), lang));
  return text::capitalise_first(period_in_sentence(p, lang));
}

std::string period_short(const model::Period& p, Language lang, bool with_year) {
  if (p.kind == model::Granularity::Month)
    return with_year ? text::format_month_year_short(ym(p.first), lang) : text::month_short(date::year_month_day{p.first}.month(), lang);
  return period_in_sentence(p, lang);
}

std::vector<Finding> kpi_findings(const std::vector<Kpi>& kpis, const PhraseContext& ctx) {
  const auto& S = ctx.strings;
  Language lang = S.language();
  std::vector<Finding> out;
  std::string period = period_in_sentence(ctx.report, lang);
  std::string prev = period_in_sentence(ctx.previous, lang);
  for (const Kpi& k : kpis) {
    if (!k.value || !k.previous || !k.vs_previous.significant || !k.vs_previous.delta) continue;
    double delta = *k.vs_previous.delta;
    if (delta == 0) continue;
    Finding f;
    f.type = Type::Change;
    f.metric = k.metric;
    f.scope = "all";
    f.family = k.metric;
    f.direction = delta > 0 ? Direction::Up : Direction::Down;
    bool good = (k.better == model::Better::Up && delta > 0) || (k.better == model::Better::Down && delta < 0);
    f.tone = k.better == model::Better::None ? Tone::Neutral : (good ? Tone::Good : Tone::Bad);
    std::string subject = S.get(label_key(k.metric));
    std::string value = "**" + format_value(k, *k.value, lang) + "**";
    double magnitude = 0;
    if (k.kind == ValueKind::Share || k.kind == ValueKind::Score) {
      // Displayed difference = rounded current - rounded previous, so the sentence matches the tiles.
      double scale = k.kind == ValueKind::Share ? 100.0 : 1.0;
      double dpp = std::round(*k.value * scale) - std::round(*k.previous * scale);
      if (dpp == 0) continue;
      std::string amount = k.kind == ValueKind::Share ? text::format_points(std::fabs(dpp), lang)
                                                      : text::format_integer(static_cast<long>(std::fabs(dpp)), lang);
      f.sentence = S.format_sentence(delta > 0 ? "finding.rate_change_up" : "finding.rate_change_down",
                                     {{"metric", subject}, {"value", value}, {"period", period},
                                      {"dpp", "**" + amount + "**"}, {"prev_period", prev}, {"record", ""}});
      magnitude = std::fabs(dpp) / (k.kind == ValueKind::Share ? 3.0 : 10.0);
      f.inputs["delta_points"] = dpp;
    } else {
      if (!k.vs_previous.relative) continue;
      double rel = *k.vs_previous.relative;
      if (rel + 1 >= 4) {
        f.sentence = S.format_sentence("finding.level_change_multiple",
                                       {{"metric", subject}, {"value", value}, {"period", period},
                                        {"ratio", "**" + text::format_multiplier(rel + 1, lang) + "**"},
                                        {"prev_period", prev}, {"record", ""}});
      } else {
        std::string pct = text::format_percent(std::fabs(rel * 100), lang);
        f.sentence = S.format_sentence(delta > 0 ? "finding.level_change_up" : "finding.level_change_down",
                                       {{"metric", subject}, {"dpct", "**" + pct + "**"}, {"period", period},
                                        {"value", value}, {"record", ""}});
      }
      magnitude = std::fabs(rel) / 0.10;
      f.inputs["relative_change"] = rel;
    }
    f.inputs["value"] = *k.value;
    f.inputs["previous"] = *k.previous;
    double polarity = f.tone == Tone::Bad ? 1.0 : f.tone == Tone::Good ? 0.8 : 0.6;
    f.score = metric_weight(k.metric) * std::min(magnitude, 5.0) * polarity;
    f.why = S.get(why_key(k.metric));
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.score > b.score; });
  return out;
}

}  // namespace boardbrief::findings
