// A word of a closed set and the enum value it names. Where a file or the command line gives a
// choice, it is looked up here once and travels as the enum from then on: no string is compared
// after validation (docs/architecture.md). The caller words the refusal.
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

namespace boardbrief {

template <typename E>
using Choices = std::initializer_list<std::pair<std::string_view, E>>;

// The value `word` names; nullopt when it is none of the words.
template <typename E>
std::optional<E> find_choice(std::string_view word, Choices<E> choices) {
  for (const auto& [w, value] : choices)
    if (w == word) return value;
  return std::nullopt;
}

}  // namespace boardbrief
