#include "document/names.h"

#include <algorithm>

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

layout::CategoryLabel category_label(const model::Period& p, bool first, text::Language lang) {
  layout::CategoryLabel l;
  date::year_month_day d{p.first};
  if (p.kind == model::Granularity::Month) {
    l.label = text::capitalise_first(text::month_short(d.month(), lang));
    if (first || d.month() == date::January) l.year = std::to_string(static_cast<int>(d.year()));
  } else {
    l.label = p.key;
  }
  return l;
}

VoiceScope voice_scope(const text::Strings& strings, const std::vector<model::Channel>& channels) {
  std::vector<std::string> own, theirs;
  for (const auto& c : channels) {
    auto& list = c.owner == model::Owner::Own ? own : theirs;
    if (std::find(list.begin(), list.end(), c.platform) == list.end()) list.push_back(c.platform);
  }
  VoiceScope v;
  v.own_platforms = static_cast<int>(own.size());
  v.competitor_platforms = static_cast<int>(theirs.size());
  const bool covered = std::all_of(own.begin(), own.end(), [&](const std::string& p) {
    return std::find(theirs.begin(), theirs.end(), p) != theirs.end();
  });
  if (covered || theirs.empty()) return v;
  for (const auto& p : theirs) v.competitor_names += (v.competitor_names.empty() ? "" : ", ") + platform_name(strings, p);
  return v;
}

}  // namespace boardbrief::document
