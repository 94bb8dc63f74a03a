#include "options/template_spec.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "base/error.h"

namespace boardbrief::options {

namespace {

std::string where(const std::string& path, const toml::source_region& r) {
  return path + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
}

int read_int(const std::string& path, const std::string& key, const toml::node& n, int lo, int hi) {
  auto v = n.value<std::int64_t>();
  if (!n.is_integer() || !v) throw DataError(where(path, n.source()) + ": '" + key + "' must be a whole number");
  if (*v < lo || *v > hi)
    throw DataError(where(path, n.source()) + ": '" + key + "' must be between " + std::to_string(lo) + " and " +
                    std::to_string(hi));
  return static_cast<int>(*v);
}

bool read_bool(const std::string& path, const std::string& key, const toml::node& n) {
  if (!n.is_boolean()) throw DataError(where(path, n.source()) + ": '" + key + "' must be true or false");
  return *n.value<bool>();
}

// --- issue 3: findings thresholds and business hours -------------------------------------------

double read_double(const std::string& path, const std::string& key, const toml::node& n, double lo, double hi) {
  auto v = n.value<double>();  // integers are accepted too
  if (!(n.is_floating_point() || n.is_integer()) || !v)
    throw DataError(where(path, n.source()) + ": '" + key + "' must be a number");
  if (!(*v > lo && *v < hi)) {
    std::ostringstream range;  // "above 0 and below 0.5", not std::to_string's six decimals
    range << "above " << lo << " and below " << hi;
    throw DataError(where(path, n.source()) + ": '" + key + "' must be " + range.str());
  }
  return *v;
}

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// "HH:MM" in minutes after midnight; "24:00" is the end of the day. nullopt when malformed.
std::optional<int> clock_minutes(const std::string& text) {
  if (text == "24:00") return 24 * 60;
  std::istringstream in(text);
  std::chrono::minutes m{};
  in >> date::parse("%H:%M", m);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return static_cast<int>(m.count());
}

// "09:00-17:00", several spans separated by commas, "" for a closed day.
std::vector<std::pair<int, int>> read_spans(const std::string& path, const std::string& key, const toml::node& n) {
  auto fail = [&] {
    throw DataError(where(path, n.source()) + ": '" + key +
                    "' must look like \"09:00-17:00\" (spans separated by commas, \"\" when closed)");
  };
  if (!n.is_string()) fail();
  std::vector<std::pair<int, int>> out;
  std::istringstream in(*n.value<std::string>());
  std::string span;
  while (std::getline(in, span, ',')) {
    auto dash = span.find('-');
    if (dash == std::string::npos) fail();
    auto from = clock_minutes(trimmed(span.substr(0, dash))), to = clock_minutes(trimmed(span.substr(dash + 1)));
    if (!from || !to || *from >= *to) fail();
    out.emplace_back(*from, *to);
  }
  return out;
}

std::vector<std::pair<std::string, double>> read_weights(const std::string& path, const toml::node& n) {
  static const char* names[] = {"care",   "sentiment", "visibility", "engagement", "audience",   "effort",  "trend",
                                "change", "anomaly",   "record_only", "adverse",   "favourable", "neutral"};
  const toml::table* t = n.as_table();
  if (!t) throw DataError(where(path, n.source()) + ": 'findings.weights' must be a table");
  std::vector<std::pair<std::string, double>> out;
  for (auto&& [k, v] : *t) {
    std::string key = "findings.weights." + std::string(k.str());
    bool known = false;
    for (const char* name : names) known = known || k.str() == name;
    if (!known) throw DataError(where(path, v.source()) + ": unknown template key '" + key + "'");
    out.emplace_back(std::string(k.str()), read_double(path, key, v, 0, 10));
  }
  return out;
}

BusinessHoursSpec read_business_hours(const std::string& path, const toml::node& n) {
  static const char* days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const toml::table* t = n.as_table();
  if (!t) throw DataError(where(path, n.source()) + ": 'dialogue.business_hours' must be a table");
  BusinessHoursSpec spec;
  for (auto&& [k, v] : *t) {
    std::string key = "dialogue.business_hours." + std::string(k.str());
    bool known = false;
    for (int d = 0; d < 7; ++d)
      if (k.str() == days[d]) {
        spec.open[static_cast<std::size_t>(d)] = read_spans(path, key, v);
        known = true;
      }
    if (known) continue;
    if (k.str() != "holidays") throw DataError(where(path, v.source()) + ": unknown template key '" + key + "'");
    const toml::array* a = v.as_array();
    if (!a) throw DataError(where(path, v.source()) + ": '" + key + "' must be a list of dates (\"2026-12-24\")");
    for (auto&& d : *a) {
      std::istringstream in(d.value<std::string>().value_or(""));
      date::local_days day{};
      in >> date::parse("%F", day);
      if (!d.is_string() || in.fail())
        throw DataError(where(path, d.source()) + ": '" + key + "' must be a list of dates (\"2026-12-24\")");
      spec.holidays.push_back(day);
    }
  }
  return spec;
}

}  // namespace

TemplateSpec load_template(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": cannot read the template");
  std::stringstream text;
  text << in.rdbuf();
  toml::table root;
  try {
    root = toml::parse(text.str(), path);
  } catch (const toml::parse_error& e) {
    throw DataError(where(path, e.source()) + ": " + std::string(e.description()));
  }
  TemplateSpec spec;
  for (auto&& [table_key, node] : root) {
    std::string table(table_key.str());
    const toml::table* t = node.as_table();
    if (!t || (table != "findings" && table != "dialogue"))
      throw DataError(where(path, node.source()) + ": unknown template key '" + table + "' (expected [findings] or [dialogue])");
    for (auto&& [k, v] : *t) {
      std::string key = table + "." + std::string(k.str());
      if (key == "findings.summary_count") spec.summary_findings = read_int(path, key, v, 1, 5);
      else if (key == "dialogue.response_window_hours") spec.response_window_hours = read_int(path, key, v, 1, 720);
      else if (key == "dialogue.section") spec.dialogue_section = read_bool(path, key, v);
      // issue 3: business hours and the engine's thresholds
      else if (key == "dialogue.business_hours") spec.business_hours = read_business_hours(path, v);
      else if (key == "findings.trend_alpha") spec.finding_rules.trend_alpha = read_double(path, key, v, 0, 0.5);
      else if (key == "findings.change_z") spec.finding_rules.change_z = read_double(path, key, v, 0, 100);
      else if (key == "findings.spike_z") spec.finding_rules.spike_z = read_double(path, key, v, 0, 100);
      else if (key == "findings.min_messages") spec.finding_rules.min_messages = read_int(path, key, v, 1, 1000000);
      else if (key == "findings.weights") spec.finding_rules.weights = read_weights(path, v);
      else throw DataError(where(path, v.source()) + ": unknown template key '" + key + "'");
    }
  }
  return spec;
}

}  // namespace boardbrief::options
