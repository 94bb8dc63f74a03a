#include "importer/mapping.h"

#include <cstddef>
#include <stdexcept>
#include <utility>

namespace boardbrief::importer {

namespace {

// The settings that are plain strings, per kind of import (the TOML key, the field).
using Field = std::pair<const char*, std::string Mapping::*>;
constexpr Field kCommonFields[] = {{"platform", &Mapping::platform},
                                   {"handle", &Mapping::handle},
                                   {"platform_column", &Mapping::platform_column},
                                   {"handle_column", &Mapping::handle_column},
                                   {"name", &Mapping::name}};
constexpr Field kMetricsFields[] = {
    {"day_column", &Mapping::day_column},       {"day_format", &Mapping::day_format},
    {"metric_column", &Mapping::metric_column}, {"value_column", &Mapping::value_column},
    {"count_rows", &Mapping::count_rows},       {"tz", &Mapping::tz}};
// A few settings a line (one a line would be a page of the same shape).
// clang-format off
constexpr Field kInteractionsFields[] = {
    {"received_column", &Mapping::received_column}, {"first_reply_column", &Mapping::first_reply_column},
    {"tz", &Mapping::tz}, {"time_format", &Mapping::time_format}, {"kind", &Mapping::kind_value},
    {"kind_column", &Mapping::kind_column}, {"needs_reply_column", &Mapping::needs_reply_column},
    {"sentiment_column", &Mapping::sentiment_column}, {"topic_column", &Mapping::topic_column},
    {"id_column", &Mapping::id_column}, {"author_column", &Mapping::author_column},
    {"text_column", &Mapping::text_column}, {"inbound_column", &Mapping::inbound_column},
    {"reply_to_column", &Mapping::reply_to_column}};
// clang-format on

// The string field `key` names in `fields`; null when none.
template <std::size_t N>
std::string* field(Mapping& m, const Field (&fields)[N], const std::string& key) {
  for (const auto& [name, member] : fields)
    if (key == name) return &(m.*member);
  return nullptr;
}

char delimiter_of(const std::string& v) {
  if (v == "," || v == "comma") return ',';
  if (v == ";" || v == "semicolon") return ';';
  if (v == "\t" || v == "tab" || v == "\\t") return '\t';
  if (v == "|" || v == "pipe") return '|';
  throw std::invalid_argument("delimiter '" + v + "': use comma, semicolon, tab or pipe");
}

bool flag_of(const std::string& key, const std::string& v) {
  if (v == "true") return true;
  if (v == "false") return false;
  throw std::invalid_argument(key + " '" + v + "': use true or false");
}

// The settings that are one of a few words, as enums; false when `key` is none of them.
bool set_choice(Mapping& m, const std::string& key, const std::string& value) {
  const bool metrics = m.kind == ImportKind::Metrics;
  if (key == "owner") {
    if (value != "own" && value != "competitor")
      throw std::invalid_argument("owner '" + value + "': use own or competitor");
    m.owner = value == "competitor" ? model::Owner::Competitor : model::Owner::Own;
  } else if (key == "form" && metrics) {
    if (value != "long" && value != "wide") throw std::invalid_argument("form '" + value + "': use long or wide");
    m.form = value == "wide" ? MetricsForm::Wide : MetricsForm::Long;
  } else if (key == "aggregate" && metrics) {
    if (value != "sum")
      throw std::invalid_argument("aggregate '" + value + "': use sum (add up the rows per channel, metric and day)");
    m.aggregate = Aggregation::Sum;
  } else if (key == "needs_reply" && !metrics) {
    m.needs_reply = flag_of(key, value);
  } else if (key == "conversation_log" && !metrics) {
    m.conversation_log = flag_of(key, value);
  } else if (key == "delimiter") {
    m.delimiter = delimiter_of(value);
  } else {
    return false;
  }
  return true;
}

}  // namespace

bool is_flag_key(const std::string& key) { return key == "conversation_log" || key == "needs_reply"; }

void set_mapping_value(Mapping& m, const std::string& key, const std::string& value) {
  const bool metrics = m.kind == ImportKind::Metrics;
  if (set_choice(m, key, value)) return;
  if (key == "zero_days" && metrics) {
    // Ranges add up (files with a gap between them): "A:B,C:D".
    m.zero_days += (m.zero_days.empty() || value.empty() ? "" : ",") + value;
    return;
  }
  if (std::string* f = field(m, kCommonFields, key)) {
    *f = value;
    return;
  }
  if (metrics) {
    if (key.rfind("columns.", 0) == 0 && key.size() > 8) {
      if (value.empty()) throw std::invalid_argument(key + ": the column name is empty");
      m.columns.emplace_back(key.substr(8), value);
      return;
    }
    if (std::string* f = field(m, kMetricsFields, key)) {
      *f = value;
      return;
    }
  } else {
    if (std::string* f = field(m, kInteractionsFields, key)) {
      *f = value;
      return;
    }
  }
  throw std::invalid_argument("unknown key '" + key + "' for importing " + (metrics ? "metrics" : "interactions"));
}

}  // namespace boardbrief::importer
