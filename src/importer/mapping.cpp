#include "importer/mapping.h"

#include <stdexcept>

namespace boardbrief::importer {

namespace {

std::string* common_field(Mapping& m, const std::string& key) {
  if (key == "platform") return &m.platform;
  if (key == "handle") return &m.handle;
  if (key == "platform_column") return &m.platform_column;
  if (key == "handle_column") return &m.handle_column;
  if (key == "name") return &m.name;
  return nullptr;
}

std::string* metrics_field(Mapping& m, const std::string& key) {
  if (key == "day_column") return &m.day_column;
  if (key == "day_format") return &m.day_format;
  if (key == "metric_column") return &m.metric_column;
  if (key == "value_column") return &m.value_column;
  if (key == "count_rows") return &m.count_rows;
  if (key == "tz") return &m.tz;
  return nullptr;
}

std::string* interactions_field(Mapping& m, const std::string& key) {
  if (key == "received_column") return &m.received_column;
  if (key == "first_reply_column") return &m.first_reply_column;
  if (key == "tz") return &m.tz;
  if (key == "time_format") return &m.time_format;
  if (key == "kind") return &m.kind_value;
  if (key == "kind_column") return &m.kind_column;
  if (key == "needs_reply_column") return &m.needs_reply_column;
  if (key == "sentiment_column") return &m.sentiment_column;
  if (key == "topic_column") return &m.topic_column;
  if (key == "id_column") return &m.id_column;
  if (key == "author_column") return &m.author_column;
  if (key == "inbound_column") return &m.inbound_column;
  if (key == "reply_to_column") return &m.reply_to_column;
  if (key == "text_column") return &m.text_column;
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
  if (std::string* f = common_field(m, key)) {
    *f = value;
    return;
  }
  if (metrics) {
    if (key.rfind("columns.", 0) == 0 && key.size() > 8) {
      if (value.empty()) throw std::invalid_argument(key + ": the column name is empty");
      m.columns.emplace_back(key.substr(8), value);
      return;
    }
    if (std::string* f = metrics_field(m, key)) {
      *f = value;
      return;
    }
  } else {
    if (std::string* f = interactions_field(m, key)) {
      *f = value;
      return;
    }
  }
  throw std::invalid_argument("unknown key '" + key + "' for importing " + (metrics ? "metrics" : "interactions"));
}

}  // namespace boardbrief::importer
