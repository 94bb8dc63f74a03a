// The report's words in one language, read from a language file (templates/lang/en.toml).
//
// A language file is TOML: `language = "en"` (any 2–3 letter code) at top level, a [format]
// table of number and date conventions (text/language.h), then tables of strings
// (meta, summary, tiles, metric, platform, finding, why, footer, provenance). Keys are
// addressed as dotted paths ("summary.title"). Values may hold placeholders "{name}" that
// format() fills with already-formatted text; "{{" and "}}" stand for literal braces.
// Every error is a DataError whose one-line message names the file, where known the
// line:column, and the key.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/language.h"

namespace boardbrief::text {

class Strings {
 public:
  using Args = std::initializer_list<std::pair<std::string_view, std::string>>;

  // Reads and checks the language file at `path`.
  // Throws DataError when the file is absent ("<path>: cannot read the language file"), cannot
  // be read or exceeds the size limit of configuration files (base/input_file.h), on a TOML
  // syntax error ("<path>:<line>:<column>: <parser's description>"), when a value is not a
  // string or a table ("<path>:<line>:<column>: 'tiles.label' must be a string"), when a
  // placeholder is malformed, when `language` is missing or not 2 or 3 lower-case letters, when
  // a [format] table is there but lacks a key or has one of the wrong type, and for the first of
  // `required_keys` that the file lacks ("<path>: missing key 'summary.title'").
  // With Conventions::Required (report language files), the [format] table must be there too.
  enum class Conventions { Optional, Required };
  static Strings load(const std::string& path, const std::vector<std::string>& required_keys = {},
                      Conventions conventions = Conventions::Optional);

  // As load(), for TOML text already in memory; `source_name` stands for the path in messages.
  static Strings parse(std::string_view toml_text, const std::string& source_name,
                       const std::vector<std::string>& required_keys = {},
                       Conventions conventions = Conventions::Optional);

  // The code and the [format] conventions (number and date formatting) of the file.
  const Language& language() const { return language_; }
  const std::string& source_name() const { return source_name_; }

  bool contains(std::string_view key) const;

  // The raw string at `key`, placeholders untouched. The reference lives as long as *this.
  // Throws DataError "<path>: missing key '<key>'".
  const std::string& get(std::string_view key) const;

  // The string at `key` with every "{name}" replaced by the matching argument. Arguments the
  // string does not use are allowed: a translation may leave a value out.
  // Throws DataError for a missing key, and for a placeholder without an argument:
  // "<path>:<line>:<column>: 'finding.spike' uses {ratio}, but no value was given".
  std::string format(std::string_view key, Args args) const;

  // format() with the first letter upper-cased, for a string that starts a sentence
  // (docs/numbers-and-dates.md: the first letter is capitalised after substitution).
  std::string format_sentence(std::string_view key, Args args) const;

  // format() for a phrase about `n` things: the string at "<key>_one" when n is 1 and the
  // file has it ("1 kanal"), else the one at `key` ("{n} kanaler"), so agreement lives in the
  // language file.
  std::string format_plural(std::string_view key, std::int64_t n, Args args) const;

  // All keys (dotted, sorted), without the top-level `language`.
  std::vector<std::string> keys() const;
  // The placeholder names used by the string at `key`, in order of appearance.
  // Throws DataError for a missing key.
  std::vector<std::string> placeholders(std::string_view key) const;

 private:
  struct Entry {
    std::string text;
    std::uint32_t line = 0;  // 1-based position of the value in the file
    std::uint32_t column = 0;
  };

  Strings() = default;
  const Entry& entry(std::string_view key) const;

  std::string source_name_;
  Language language_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace boardbrief::text
