#include "text/strings.h"

// toml++ is slow to compile: only the few files that read TOML include it (docs/architecture.md).
#include <toml++/toml.h>

#include <fstream>
#include <optional>
#include <sstream>

#include "base/error.h"
#include "base/input_file.h"
#include "text/toml_file.h"
#include "text/utf8_case.h"

namespace boardbrief::text {
namespace {

// One piece of a template: literal text, or the name of a placeholder.
struct Piece {
  bool placeholder = false;
  std::string text;
};

constexpr std::string_view kNameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

// Splits `text` into literals and placeholders. Returns the reason when a brace is
// malformed: checked once at load so that format() never meets a broken template.
std::optional<std::string> split_template(std::string_view text, std::vector<Piece>& pieces) {
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;  // "{{" or "}}"
      ++i;
      continue;
    }
    if (c == '}') return "has an unmatched '}' (write '}}' for a literal brace)";
    if (c != '{') {
      literal += c;
      continue;
    }
    const std::size_t close = text.find('}', i + 1);
    const std::string_view name =
        close == std::string_view::npos ? std::string_view() : text.substr(i + 1, close - i - 1);
    if (close == std::string_view::npos || name.empty() ||
        name.find_first_not_of(kNameChars) != std::string_view::npos) {
      return "has a malformed placeholder (write '{name}', or '{{' for a literal brace)";
    }
    if (!literal.empty()) pieces.push_back({false, std::move(literal)});
    literal.clear();
    pieces.push_back({true, std::string(name)});
    i = close;
  }
  if (!literal.empty()) pieces.push_back({false, std::move(literal)});
  return std::nullopt;
}

std::string position(const std::string& source, const toml::source_region& where) {
  return toml_position(source, where);
}

// The [format] table: every key is required, so that a new language file cannot silently
// borrow another language's separators or month names.
void read_conventions(const toml::table& t, const std::string& source, text::Conventions& c) {
  auto where = [&](const toml::node& n) { return position(source, n.source()); };
  auto text = [&](const char* key, std::string& out) {
    const toml::node* n = t.get(key);
    if (n == nullptr) throw DataError(source + ": missing key 'format." + std::string(key) + "'");
    if (!n->is_string()) throw DataError(where(*n) + ": 'format." + std::string(key) + "' must be a string");
    out = n->as_string()->get();
  };
  auto names = [&](const char* key, auto& out) {
    const toml::node* n = t.get(key);
    if (n == nullptr) throw DataError(source + ": missing key 'format." + std::string(key) + "'");
    const toml::array* a = n->as_array();
    if (a == nullptr || a->size() != out.size())
      throw DataError(where(*n) + ": 'format." + std::string(key) + "' must be a list of " +
                      std::to_string(out.size()) + " names");
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto* v = (*a)[i].as_string();
      if (v == nullptr) throw DataError(where(*n) + ": 'format." + std::string(key) + "' must hold strings");
      out[i] = v->get();
    }
  };
  text("decimal_separator", c.decimal_separator);
  text("thousands_separator", c.thousands_separator);
  text("minus", c.minus);
  text("percent", c.percent);
  text("pp_unit", c.pp_unit);
  text("point", c.point);
  text("points", c.points);
  text("score_point", c.score_point);
  text("score_points", c.score_points);
  text("hour", c.hour);
  text("minute", c.minute);
  text("multiplier", c.multiplier);
  text("multiplier_in_sentence", c.multiplier_in_sentence);
  text("compact_thousand", c.compact_thousand);
  text("compact_million", c.compact_million);
  text("compact_billion", c.compact_billion);
  text("count_million", c.count_million);
  text("count_billion", c.count_billion);
  text("no_data", c.no_data);
  names("months", c.months);
  names("months_in_sentence", c.months_in_sentence);
  names("months_short", c.months_short);
  names("weekdays", c.weekdays);
  text("day_number", c.day_number);
  text("day", c.day);
  text("day_short", c.day_short);
  text("weekday_day", c.weekday_day);
  text("date", c.date);
  text("date_short", c.date_short);
  text("month_year", c.month_year);
  text("month_year_short", c.month_year_short);
  text("time", c.time);
  text("date_time", c.date_time);
  text("quarter", c.quarter);
  text("iso_week", c.iso_week);
}

}  // namespace

Strings Strings::load(const std::string& path, const std::vector<std::string>& required_keys, Conventions conventions) {
  if (!path_exists(path)) throw DataError(path + ": cannot read the language file");
  return parse(read_input_file(path, {"a language file", kMaxConfigBytes, ExitCode::Data}), path, required_keys,
               conventions);
}

Strings Strings::parse(std::string_view toml_text, const std::string& source_name,
                       const std::vector<std::string>& required_keys, Conventions require) {
  const toml::table root = parse_toml(toml_text, source_name, ExitCode::Data);

  Strings strings;
  strings.source_name_ = source_name;

  const toml::node* language_node = root.get("language");
  if (language_node == nullptr) {
    throw DataError(source_name + ": missing key 'language' (a code such as \"en\" or \"da\")");
  }
  const std::optional<std::string> code = language_node->value<std::string>();
  if (!language_node->is_string() || !code || !valid_language_code(*code)) {
    throw DataError(position(source_name, language_node->source()) +
                    ": 'language' must be a language code of 2 or 3 lower-case letters (\"en\", \"da\", \"de\")");
  }
  text::Conventions conventions;
  if (const toml::node* format = root.get("format")) {
    if (!format->is_table()) throw DataError(position(source_name, format->source()) + ": 'format' must be a table");
    read_conventions(*format->as_table(), source_name, conventions);
  } else if (require == Conventions::Required) {
    throw DataError(source_name + ": missing table [format] (number and date conventions)");
  }
  strings.language_ = Language(*code, std::move(conventions));

  // Depth-first walk that flattens nested tables into dotted keys.
  auto walk = [&](auto&& self, const toml::table& table, const std::string& prefix) -> void {
    for (auto&& [name, node] : table) {
      const std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
      if (key == "language" || key == "format") continue;
      if (const toml::table* child = node.as_table()) {
        self(self, *child, key);
        continue;
      }
      const std::string where = position(source_name, node.source());
      if (!node.is_string()) throw DataError(where + ": '" + key + "' must be a string");
      Entry entry;
      entry.text = node.as_string()->get();
      entry.line = node.source().begin.line;
      entry.column = node.source().begin.column;
      std::vector<Piece> pieces;
      if (auto reason = split_template(entry.text, pieces)) {
        throw DataError(where + ": '" + key + "' " + *reason);
      }
      strings.entries_.emplace(key, std::move(entry));
    }
  };
  walk(walk, root, "");

  for (const std::string& key : required_keys) {
    if (!strings.contains(key)) throw DataError(source_name + ": missing key '" + key + "'");
  }
  return strings;
}

bool Strings::contains(std::string_view key) const { return entries_.find(key) != entries_.end(); }

const Strings::Entry& Strings::entry(std::string_view key) const {
  const auto found = entries_.find(key);
  if (found == entries_.end()) {
    throw DataError(source_name_ + ": missing key '" + std::string(key) + "'");
  }
  return found->second;
}

const std::string& Strings::get(std::string_view key) const { return entry(key).text; }

std::string Strings::format(std::string_view key, Args args) const {
  const Entry& e = entry(key);
  std::vector<Piece> pieces;
  split_template(e.text, pieces);  // validated at load
  std::string out;
  for (const Piece& piece : pieces) {
    if (!piece.placeholder) {
      out += piece.text;
      continue;
    }
    const std::pair<std::string_view, std::string>* value = nullptr;
    for (const auto& arg : args) {
      if (arg.first == piece.text) value = &arg;
    }
    if (value == nullptr) {
      throw DataError(source_name_ + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": '" +
                      std::string(key) + "' uses {" + piece.text + "}, but no value was given");
    }
    out += value->second;
  }
  return out;
}

std::string Strings::format_sentence(std::string_view key, Args args) const {
  return capitalise_first(format(key, args));
}

std::string Strings::format_plural(std::string_view key, std::int64_t n, Args args) const {
  const std::string one = std::string(key) + "_one";
  return format(n == 1 && contains(one) ? std::string_view(one) : key, args);
}

std::vector<std::string> Strings::keys() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& [key, value] : entries_) out.push_back(key);
  return out;
}

std::vector<std::string> Strings::placeholders(std::string_view key) const {
  std::vector<Piece> pieces;
  split_template(entry(key).text, pieces);
  std::vector<std::string> names;
  for (const Piece& piece : pieces) {
    if (piece.placeholder) names.push_back(piece.text);
  }
  return names;
}

}  // namespace boardbrief::text
