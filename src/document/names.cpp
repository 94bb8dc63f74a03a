#include "document/names.h"

#include <set>

#include "text/date_format.h"
#include "text/utf8_case.h"

namespace boardbrief::document {

std::string platform_name(const text::Strings& strings, const std::string& platform) {
  std::string key = "platform." + platform;
  return strings.contains(key) ? strings.get(key) : platform;
}

std::string own_platform_names(const text::Strings& strings, const std::vector<model::Channel>& channels) {
  std::string out;
  std::set<std::string> seen;
  for (const auto& c : channels) {
    if (c.owner != model::Owner::Own || !seen.insert(c.platform).second) continue;
    out += (out.empty() ? "" : ", ") + platform_name(strings, c.platform);
  }
  return out;
}

std::string channel_label(const text::Strings& strings, const std::vector<model::Channel>& channels,
                          const model::Channel& c) {
  std::string platform = platform_name(strings, c.platform);
  int same = 0;
  for (const auto& o : channels) same += o.owner == c.owner && o.platform == c.platform;
  return same > 1 || c.owner != model::Owner::Own ? platform + " · " + c.name : platform;
}

std::string time_zone_name(const text::Strings& strings, const std::string& tz) {
  const std::string key = "time_zone." + tz;
  return strings.contains(key) ? strings.get(key) : strings.format("time_zone.other", {{"tz", tz}});
}

layout::CategoryLabel category_label(const model::Period& p, bool first, text::Language lang) {
  layout::CategoryLabel l;
  date::year_month_day d{p.first};
  if (p.kind == model::Granularity::Month) {
    l.label = text::month_short(d.month(), lang);  // as the language file writes it: "Oct", "okt."
    if (first || d.month() == date::January) l.year = std::to_string(static_cast<int>(d.year()));
  } else {
    l.label = p.key;
  }
  return l;
}

}  // namespace boardbrief::document
