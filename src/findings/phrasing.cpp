#include "findings/finding.h"
#include "findings/phrasing.h"

#include "text/date_format.h"

namespace boardbrief::findings {

namespace {

date::year_month ym(date::local_days d) {
  date::year_month_day x{d};
  return x.year() / x.month();
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
    case Type::Note: return "note";
  }
  return "?";
}

const char* direction_name(Direction d) {
  switch (d) {
    case Direction::Up: return "up";
    case Direction::Down: return "down";
    case Direction::None: return "none";
  }
  return "?";
}

const char* tone_name(Tone t) {
  switch (t) {
    case Tone::Good: return "good";
    case Tone::Bad: return "bad";
    case Tone::Neutral: return "neutral";
  }
  return "?";
}

std::string period_in_sentence(const model::Period& p, text::Language lang) {
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

std::string period_title(const model::Period& p, text::Language lang) {
  if (p.kind == model::Granularity::Month) return text::capitalise_first(text::format_month_year(ym(p.first), lang));
  return text::capitalise_first(period_in_sentence(p, lang));
}

std::string period_short(const model::Period& p, text::Language lang, bool with_year) {
  if (p.kind == model::Granularity::Month)
    return with_year ? text::format_month_year_short(ym(p.first), lang)
                     : text::month_short(date::year_month_day{p.first}.month(), lang);
  return period_in_sentence(p, lang);
}

std::string period_since(const model::Period& p, text::Language lang) {
  if (p.kind == model::Granularity::Month) return text::format_month_year(ym(p.first), lang);
  return period_in_sentence(p, lang);
}

}  // namespace boardbrief::findings
