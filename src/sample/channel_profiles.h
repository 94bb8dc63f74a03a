// The fictional company behind the sample database: its channels, competitors and the
// behaviour of each (audience size, growth, weekly rhythm, what customers write there).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "model/catalogue.h"

namespace boardbrief::sample {

enum class Kind { Message, Comment, Mention };

// One monitored channel and the parameters the generators draw from. Levels are the expected
// daily values on the last sample day; growth factors are per year, so the level one year
// before the end is level / growth.
struct ChannelProfile {
  model::Channel channel;
  bool full_metrics = true;  // own channels; competitors only have followers, posts, mentions
  double followers = 0;
  double followers_growth = 1;
  double impressions = 0;
  double impressions_growth = 1;
  double reach_ratio = 0.6;       // reach / impressions, (0, 1)
  double engagement_rate = 0.03;  // engagements / impressions
  double click_share = 0.1;       // link_clicks / engagements
  double posts = 1;               // per day
  double mentions = 5;            // per day
  double mentions_growth = 1;
  double inbound = 0;  // relative share of interactions on the last day (0 = none)
  double inbound_growth = 1;
  std::array<double, 7> weekday{1, 1, 1, 1, 1, 1, 1};  // Mon..Sun, multiplies impressions
  std::array<double, 3> kinds{1, 1, 1};                // weights of message, comment, mention
};

// The organisation's short name and handle: "Nørre Ålbæk Energi A/S" -> "Nørre Ålbæk Energi"
// (legal suffix dropped) and "norrealbaek" (first two words, folded to ASCII).
std::string display_name(const std::string& organisation);
std::string handle_stem(const std::string& organisation);

// `own` own channels (cycling through facebook, instagram, linkedin, x, youtube, tiktok; the
// second round gets handles "<stem>2", ...) followed by `competitors` competitor channels
// (Vindkraft Danmark, Østkyst Forsyning, GrønStrøm, then numbered). Ids are 1, 2, ...
// REQUIRES: own >= 0, competitors >= 0
std::vector<ChannelProfile> make_channel_profiles(const std::string& organisation, int own, int competitors);

}  // namespace boardbrief::sample
