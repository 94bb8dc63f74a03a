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

namespace {

// The words all of `names` begin with (cut at a space or a name's end), "" when they share none.
std::string common_words(const std::vector<const std::string*>& names) {
  if (names.empty()) return {};
  std::string prefix = *names.front();
  for (const auto* n : names) {
    std::size_t k = 0;
    while (k < prefix.size() && k < n->size() && prefix[k] == (*n)[k]) ++k;
    prefix.resize(k);
  }
  // Whole words only: the prefix must end where every name ends or has a space.
  for (;;) {
    bool whole = true;
    for (const auto* n : names) whole = whole && (n->size() == prefix.size() || (*n)[prefix.size()] == ' ');
    if (whole || prefix.empty()) return prefix;
    const auto space = prefix.rfind(' ');
    prefix.resize(space == std::string::npos ? 0 : space);
  }
}

}  // namespace

std::string channel_label(const text::Strings& strings, const std::vector<model::Channel>& channels,
                          const model::Channel& c) {
  std::string platform = platform_name(strings, c.platform);
  std::vector<const std::string*> same;
  for (const auto& o : channels)
    if (o.owner == c.owner && o.platform == c.platform) same.push_back(&o.name);
  if (c.owner != model::Owner::Own) return platform + " \u00B7 " + c.name;
  if (same.size() <= 1) return platform;
  // Several own channels on one platform: what tells them apart. The words their names share
  // (usually the organisation's name) are left out, so "Nørre Ålbæk Energi (2)" on Facebook
  // reads "Facebook (2)" and "Nørre Ålbæk Energi Kundeservice" "Facebook · Kundeservice";
  // appendix E gives every name in full.
  std::string rest = c.name.substr(common_words(same).size());
  while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
  if (rest.empty()) return platform;
  return platform + (rest.front() == '(' ? " " : " \u00B7 ") + rest;
}

std::string time_zone_name(const text::Strings& strings, const std::string& tz) {
  const std::string key = "time_zone." + tz;
  return strings.contains(key) ? strings.get(key) : strings.format("time_zone.other", {{"tz", tz}});
}

CategoryLabel category_label(const model::Period& p, bool first, text::Language lang) {
  CategoryLabel l;
  date::year_month_day d{p.first};
  if (p.kind == model::Granularity::Month) {
    l.label = text::month_short(d.month(), lang);  // as the language file writes it: "Oct", "okt."
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
  for (const auto& p : theirs)
    v.competitor_names += (v.competitor_names.empty() ? "" : ", ") + platform_name(strings, p);
  return v;
}

}  // namespace boardbrief::document
