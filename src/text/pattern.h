// Fills the "{name}" placeholders of a language file's [format] patterns ("{d}. {month}").
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace boardbrief::text {

// Every "{name}" with a matching argument is replaced; others stay as written.
std::string fill_pattern(std::string_view pattern,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> args);

}  // namespace boardbrief::text
