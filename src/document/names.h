// How platforms are named in the briefing: the language file's display name ("LinkedIn").
#pragma once

#include <string>
#include <vector>

#include "document/chart_specs.h"
#include "model/catalogue.h"
#include "model/period.h"
#include "text/strings.h"

namespace boardbrief::document {

// The display name from `platform.<key>` in the language file, or the key itself when the
// language file does not know the platform.
std::string platform_name(const text::Strings& strings, const std::string& platform);

// The platforms of the own channels, in channel order, each once: "Facebook, Instagram, X".
std::string own_platform_names(const text::Strings& strings, const std::vector<model::Channel>& channels);

// Share of voice compares like with like only when competitors are monitored on every own
// platform: otherwise the competitors' platforms ("Facebook, Instagram, X") and the number of
// own and competitor platforms, for the scope line (docs/figures.md); empty when like with like.
struct VoiceScope {
  int own_platforms = 0, competitor_platforms = 0;
  std::string competitor_names;
  bool unequal() const { return !competitor_names.empty(); }
};
VoiceScope voice_scope(const text::Strings& strings, const std::vector<model::Channel>& channels);

// A channel in tables: the platform name; when the organisation has several own channels on
// that platform, plus what tells its name apart from theirs ("Facebook · Kundeservice",
// "Facebook (2)"); a competitor's channel with its full name ("Facebook · Vindkraft Danmark").
std::string channel_label(const text::Strings& strings, const std::vector<model::Channel>& channels,
                          const model::Channel& c);

// The report time zone as readers say it: the language file's name for it ("dansk tid",
// "Copenhagen time"), else "<zone> time" from `time_zone.other`.
std::string time_zone_name(const text::Strings& strings, const std::string& tz);

// Month labels on a time axis, with the year under the first category and under each
// January; other granularities show the period key.
CategoryLabel category_label(const model::Period& p, bool first, text::Language lang);

}  // namespace boardbrief::document
