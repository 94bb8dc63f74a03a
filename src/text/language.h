// The report language: its code and its number and date conventions, read from the language
// file's [format] table (text/strings.cpp). Every formatter takes a Language; nothing in the
// code knows a particular language, so a third language needs only a new file.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace boardbrief::text {

// Patterns use "{name}" placeholders, filled by the formatters. The defaults are neutral
// (what a language file without [format] gets, e.g. in tests of the loader): months as
// numbers, no grouping.
struct Conventions {
  std::string decimal_separator = ".";
  std::string thousands_separator;  // "" = no grouping
  std::string minus = "\u2212";
  std::string percent = "{n}%";      // a share or relative change: "38%", "38\u00A0%"
  std::string pp_unit = "pp";        // tiles and tables: "+12 pp"
  std::string point = "point";       // sentences, percentage points: "1 point"
  std::string points = "points";     // "12 points"
  std::string score_point = "pt";    // score changes: "+1 pt"
  std::string score_points = "pts";  // "−23 pts"
  std::string hour = "h";            // durations: "3 h 30 min"
  std::string minute = "min";
  std::string multiplier = "{n}\u00D7";              // tiles and charts: "4.8×"
  std::string multiplier_in_sentence = "{n}\u00D7";  // running text: "4.8×", "4,8 gange"
  std::string compact_thousand = "k";                // charts and tiles: "394 k"; "" = thousands in full
  std::string compact_million = "M";
  std::string compact_billion = "bn";
  std::string count_million = "million";  // sentences: "1.23 million"
  std::string count_billion = "billion";
  std::string no_data = "no data";
  std::array<std::string, 12> months{};              // standalone and titles ("October 2026")
  std::array<std::string, 12> months_in_sentence{};  // inside sentences ("in October", "14. oktober")
  std::array<std::string, 12> months_short{};        // axis and compact dates ("Oct", "okt.")
  std::array<std::string, 7> weekdays{};             // Sunday first
  std::string day_number = "{d}";                    // "14", "14."
  std::string day = "{day_number} {month}";
  std::string day_short = "{day_number} {month_short}";
  std::string weekday_day = "{weekday} {day}";
  std::string date = "{day} {year}";
  std::string date_short = "{day_short} {year}";
  std::string month_year = "{month} {year}";
  std::string month_year_short = "{month_short} {year}";
  std::string time = "{hh}:{mm}";
  std::string date_time = "{date} {time}";
  std::string quarter = "Q{q} {year}";
  std::string iso_week = "{week}/{year}";
};

class Language {
 public:
  // Neutral conventions under the code "und" (undetermined).
  Language() : Language("und", Conventions{}) {}
  Language(std::string code, Conventions conventions)
      : data_(std::make_shared<const Data>(Data{std::move(code), std::move(conventions)})) {}

  // As written in the language file's `language` key and given to --lang ("en", "da", "de").
  const std::string& code() const { return data_->code; }
  const Conventions& conventions() const { return data_->conventions; }

  friend bool operator==(const Language& a, const Language& b) { return a.code() == b.code(); }

 private:
  struct Data {
    std::string code;
    Conventions conventions;
  };
  std::shared_ptr<const Data> data_;  // shared: a Language is copied into every formatter call
};

inline std::string_view language_code(const Language& language) { return language.code(); }

// A language code as the language file and --lang write it: 2 or 3 lower-case ASCII letters.
constexpr bool valid_language_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 3) return false;
  for (char c : code)
    if (c < 'a' || c > 'z') return false;
  return true;
}

}  // namespace boardbrief::text
