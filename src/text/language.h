// The report languages. Every formatter and the language file take one of these.
#pragma once

#include <optional>
#include <string_view>

namespace boardbrief::text {

enum class Language { En, Da };

// "en" or "da", as written in language files and on the command line.
constexpr std::string_view language_code(Language language) {
  return language == Language::En ? "en" : "da";
}

// Returns std::nullopt unless `code` is exactly "en" or "da".
constexpr std::optional<Language> try_parse_language(std::string_view code) {
  if (code == "en") return Language::En;
  if (code == "da") return Language::Da;
  return std::nullopt;
}

}  // namespace boardbrief::text
