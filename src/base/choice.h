// A word of a closed set and the enum value it names. Where a file or the command line gives a
// choice, it is looked up here once and travels as the enum from then on: no string is compared
// after validation (docs/architecture.md). The caller words the refusal.
#pragma once

#include <cstddef>
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

// The same over a table of words (a data contract's, read and written): the value `word` names,
// and the word of `value`.
template <typename E, std::size_t N>
std::optional<E> find_choice(std::string_view word, const std::pair<std::string_view, E> (&choices)[N]) {
  for (const auto& [w, value] : choices)
    if (w == word) return value;
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view choice_word(E value, const std::pair<std::string_view, E> (&choices)[N]) {
  for (const auto& [w, v] : choices)
    if (v == value) return w;
  return {};
}

}  // namespace boardbrief
