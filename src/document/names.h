// How platforms are named in the briefing: the language file's display name ("LinkedIn").
#pragma once

#include <string>
#include <vector>

#include "model/catalogue.h"
#include "text/strings.h"

namespace boardbrief::document {

// The display name from `platform.<key>` in the language file, or the key itself when the
// language file does not know the platform.
std::string platform_name(const text::Strings& strings, const std::string& platform);

// The platforms of the own channels, in channel order, each once: "Facebook, Instagram, X".
std::string own_platform_names(const text::Strings& strings, const std::vector<model::Channel>& channels);

}  // namespace boardbrief::document
