#include "sample/channel_profiles.h"

#include <iterator>
#include <sstream>

namespace boardbrief::sample {

namespace {

// ASCII spelling of the Danish (and a few other) letters, as companies pick their handles.
std::string fold_to_ascii(const std::string& text) {
  static const std::pair<const char*, const char*> kFolds[] = {
      {"æ", "ae"}, {"Æ", "ae"}, {"ø", "o"}, {"Ø", "o"}, {"å", "a"}, {"Å", "a"}, {"é", "e"},
      {"ä", "a"},  {"ö", "o"},  {"ü", "u"}, {"Ä", "a"}, {"Ö", "o"}, {"Ü", "u"}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      const std::string_view f{from};
      if (text.compare(i, f.size(), f) == 0) {
        out += to;
        i += f.size();
        folded = true;
        break;
      }
    }
    if (folded) continue;
    const unsigned char c = static_cast<unsigned char>(text[i++]);
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += static_cast<char>(c);
    // anything else (spaces, punctuation, other UTF-8 bytes) is dropped
  }
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool is_legal_suffix(const std::string& w) {
  return w == "A/S" || w == "ApS" || w == "AS" || w == "AB" || w == "I/S" || w == "Ltd" || w == "GmbH";
}

// The six own platforms. Levels are for the last sample day. The story lives here: TikTok
// triples in a year, LinkedIn is flat, the rest grow modestly so that own impressions are up
// about 10 % year on year. Growth is the factor over the year before the last day.
struct OwnLevels {
  const char* platform;
  double followers, followers_growth, impressions, impressions_growth;
  double reach_ratio, engagement_rate, click_share, posts, mentions, mentions_growth, inbound, inbound_growth;
};

constexpr OwnLevels kOwnLevels[] = {
    {"facebook", 48200, 1.05, 64000, 1.07, 0.62, 0.024, 0.16, 1.2, 9, 1.04, 0.40, 1.03},
    {"instagram", 21500, 1.14, 36000, 1.11, 0.70, 0.045, 0.04, 0.9, 6, 1.08, 0.17, 1.08},
    {"linkedin", 9650, 1.012, 12500, 1.0, 0.58, 0.021, 0.22, 0.5, 3, 1.0, 0.05, 1.0},
    {"x", 7300, 0.97, 15500, 0.97, 0.55, 0.012, 0.2, 2.0, 11, 0.98, 0.16, 0.97},
    {"youtube", 3350, 1.10, 10400, 1.12, 0.66, 0.05, 0.08, 0.15, 1, 1.05, 0.04, 1.06},
    {"tiktok", 12400, 3.1, 9400, 3.0, 0.78, 0.06, 0.02, 0.8, 4, 2.6, 0.10, 3.0},
};

// Per own platform, in kOwnLevels' order: the weekday rhythm of impressions (Monday first) and
// the weights of message, comment and mention.
struct OwnRhythm {
  std::array<double, 7> weekday;
  std::array<double, 3> kinds;
};

constexpr OwnRhythm kOwnRhythms[] = {
    {{1.0, 1.02, 1.0, 1.0, 0.97, 0.98, 1.04}, {0.48, 0.40, 0.12}},
    {{0.92, 0.93, 0.93, 0.94, 1.0, 1.14, 1.16}, {0.35, 0.52, 0.13}},
    {{1.14, 1.18, 1.16, 1.12, 1.0, 0.55, 0.6}, {0.20, 0.62, 0.18}},
    {{1.05, 1.06, 1.05, 1.04, 1.0, 0.88, 0.86}, {0.20, 0.30, 0.50}},
    {{0.94, 0.95, 0.95, 0.96, 1.0, 1.1, 1.12}, {0.0, 0.9, 0.1}},
    {{0.9, 0.9, 0.92, 0.95, 1.02, 1.16, 1.15}, {0.10, 0.80, 0.10}},
};
static_assert(std::size(kOwnLevels) == std::size(kOwnRhythms));

std::vector<ChannelProfile> own_templates() {
  std::vector<ChannelProfile> t;
  for (std::size_t i = 0; i < std::size(kOwnLevels); ++i) {
    const OwnLevels& l = kOwnLevels[i];
    ChannelProfile p;
    p.channel.platform = l.platform;
    p.followers = l.followers, p.followers_growth = l.followers_growth;
    p.impressions = l.impressions, p.impressions_growth = l.impressions_growth;
    p.reach_ratio = l.reach_ratio, p.engagement_rate = l.engagement_rate, p.click_share = l.click_share;
    p.posts = l.posts, p.mentions = l.mentions, p.mentions_growth = l.mentions_growth;
    p.inbound = l.inbound, p.inbound_growth = l.inbound_growth;
    p.weekday = kOwnRhythms[i].weekday;
    p.kinds = kOwnRhythms[i].kinds;
    t.push_back(p);
  }
  return t;
}

struct Competitor {
  const char* name;
  const char* platform;
  double followers, followers_growth, posts, mentions;
};

constexpr Competitor kCompetitors[] = {
    {"Vindkraft Danmark", "facebook", 61000, 1.08, 1.5, 24},
    {"Østkyst Forsyning", "instagram", 15800, 1.04, 0.8, 15},
    {"GrønStrøm", "x", 9100, 1.12, 2.4, 13},
};

std::string platform_handle(const std::string& platform, const std::string& stem) {
  if (platform == "facebook") return stem;
  if (platform == "linkedin") return "company/" + stem;
  return "@" + stem;
}

}  // namespace

std::string display_name(const std::string& organisation) {
  auto w = words(organisation);
  while (w.size() > 1 && is_legal_suffix(w.back())) w.pop_back();
  std::string out;
  for (const auto& s : w) out += (out.empty() ? "" : " ") + s;
  return out;
}

std::string handle_stem(const std::string& organisation) {
  auto w = words(display_name(organisation));
  std::string stem;
  for (std::size_t i = 0; i < w.size() && i < 2; ++i) stem += fold_to_ascii(w[i]);
  return stem.empty() ? "company" : stem;
}

std::vector<ChannelProfile> make_channel_profiles(const std::string& organisation, int own, int competitors) {
  std::vector<ChannelProfile> out;
  const auto templates = own_templates();
  const std::string name = display_name(organisation);
  const std::string stem = handle_stem(organisation);
  for (int i = 0; i < own; ++i) {
    ChannelProfile p = templates[static_cast<std::size_t>(i) % templates.size()];
    const int round = i / static_cast<int>(templates.size());
    const std::string suffix = round == 0 ? "" : std::to_string(round + 1);
    p.channel.handle = platform_handle(p.channel.platform, stem + suffix);
    // LinkedIn shows the legal name; the consumer platforms the short one.
    p.channel.name = (p.channel.platform == "linkedin" ? organisation : name) +
                     (round == 0 ? "" : " (" + std::to_string(round + 1) + ")");
    p.channel.owner = model::Owner::Own;
    out.push_back(p);
  }
  for (int i = 0; i < competitors; ++i) {
    const Competitor& c = kCompetitors[static_cast<std::size_t>(i) % std::size(kCompetitors)];
    const int round = i / static_cast<int>(std::size(kCompetitors));
    const std::string suffix = round == 0 ? "" : std::to_string(round + 1);
    ChannelProfile p;
    p.channel.platform = c.platform;
    p.channel.handle = platform_handle(c.platform, handle_stem(c.name) + suffix);
    p.channel.name = std::string(c.name) + (round == 0 ? "" : " (" + std::to_string(round + 1) + ")");
    p.channel.owner = model::Owner::Competitor;
    p.full_metrics = false;
    p.followers = c.followers, p.followers_growth = c.followers_growth;
    p.posts = c.posts, p.mentions = c.mentions, p.mentions_growth = 1.03;
    out.push_back(p);
  }
  for (std::size_t i = 0; i < out.size(); ++i) out[i].channel.id = static_cast<std::int64_t>(i) + 1;
  return out;
}

}  // namespace boardbrief::sample
