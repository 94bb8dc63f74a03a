#include "sample/channel_profiles.h"

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
// about 10 % year on year.
std::vector<ChannelProfile> own_templates() {
  std::vector<ChannelProfile> t(6);
  t[0].channel.platform = "facebook";
  t[0].followers = 48200, t[0].followers_growth = 1.05;
  t[0].impressions = 64000, t[0].impressions_growth = 1.07;
  t[0].reach_ratio = 0.62, t[0].engagement_rate = 0.024, t[0].click_share = 0.16;
  t[0].posts = 1.2, t[0].mentions = 9, t[0].mentions_growth = 1.04;
  t[0].inbound = 0.40, t[0].inbound_growth = 1.03;
  t[0].weekday = {1.0, 1.02, 1.0, 1.0, 0.97, 0.98, 1.04};
  t[0].kinds = {0.48, 0.40, 0.12};

  t[1].channel.platform = "instagram";
  t[1].followers = 21500, t[1].followers_growth = 1.14;
  t[1].impressions = 36000, t[1].impressions_growth = 1.11;
  t[1].reach_ratio = 0.70, t[1].engagement_rate = 0.045, t[1].click_share = 0.04;
  t[1].posts = 0.9, t[1].mentions = 6, t[1].mentions_growth = 1.08;
  t[1].inbound = 0.17, t[1].inbound_growth = 1.08;
  t[1].weekday = {0.92, 0.93, 0.93, 0.94, 1.0, 1.14, 1.16};
  t[1].kinds = {0.35, 0.52, 0.13};

  t[2].channel.platform = "linkedin";
  t[2].followers = 9650, t[2].followers_growth = 1.012;
  t[2].impressions = 12500, t[2].impressions_growth = 1.0;
  t[2].reach_ratio = 0.58, t[2].engagement_rate = 0.021, t[2].click_share = 0.22;
  t[2].posts = 0.5, t[2].mentions = 3, t[2].mentions_growth = 1.0;
  t[2].inbound = 0.05, t[2].inbound_growth = 1.0;
  t[2].weekday = {1.14, 1.18, 1.16, 1.12, 1.0, 0.55, 0.6};
  t[2].kinds = {0.20, 0.62, 0.18};

  t[3].channel.platform = "x";
  t[3].followers = 7300, t[3].followers_growth = 0.97;
  t[3].impressions = 15500, t[3].impressions_growth = 0.97;
  t[3].reach_ratio = 0.55, t[3].engagement_rate = 0.012, t[3].click_share = 0.2;
  t[3].posts = 2.0, t[3].mentions = 11, t[3].mentions_growth = 0.98;
  t[3].inbound = 0.16, t[3].inbound_growth = 0.97;
  t[3].weekday = {1.05, 1.06, 1.05, 1.04, 1.0, 0.88, 0.86};
  t[3].kinds = {0.20, 0.30, 0.50};

  t[4].channel.platform = "youtube";
  t[4].followers = 3350, t[4].followers_growth = 1.10;
  t[4].impressions = 10400, t[4].impressions_growth = 1.12;
  t[4].reach_ratio = 0.66, t[4].engagement_rate = 0.05, t[4].click_share = 0.08;
  t[4].posts = 0.15, t[4].mentions = 1, t[4].mentions_growth = 1.05;
  t[4].inbound = 0.04, t[4].inbound_growth = 1.06;
  t[4].weekday = {0.94, 0.95, 0.95, 0.96, 1.0, 1.1, 1.12};
  t[4].kinds = {0.0, 0.9, 0.1};

  t[5].channel.platform = "tiktok";
  t[5].followers = 12400, t[5].followers_growth = 3.1;
  t[5].impressions = 9400, t[5].impressions_growth = 3.0;
  t[5].reach_ratio = 0.78, t[5].engagement_rate = 0.06, t[5].click_share = 0.02;
  t[5].posts = 0.8, t[5].mentions = 4, t[5].mentions_growth = 2.6;
  t[5].inbound = 0.10, t[5].inbound_growth = 3.0;
  t[5].weekday = {0.9, 0.9, 0.92, 0.95, 1.02, 1.16, 1.15};
  t[5].kinds = {0.10, 0.80, 0.10};
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
