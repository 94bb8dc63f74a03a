#include "options/template_spec.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <sstream>

#include "base/choice.h"
#include "base/error.h"
#include "base/input_file.h"
#include "calendar/periods.h"
#include "text/toml_file.h"

namespace boardbrief::options {

namespace {

namespace fs = std::filesystem;

std::string where(const std::string& path, const toml::source_region& r) { return text::toml_position(path, r); }

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

std::string read_string(const std::string& path, const std::string& key, const toml::node& n) {
  if (!n.is_string()) throw DataError(where(path, n.source()) + ": '" + key + "' must be a string");
  return *n.value<std::string>();
}

// One of a few words, as the enum value it names; the message lists the words.
template <typename Choice>
Choice read_choice(const std::string& path, const std::string& key, const toml::node& n, Choices<Choice> allowed) {
  const std::string v = read_string(path, key, n);
  if (const auto choice = find_choice(v, allowed)) return *choice;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "\"" : ", \"") + std::string(a.first) + "\"";
  throw DataError(where(path, n.source()) + ": '" + key + "' must be one of " + list + " (not \"" + v + "\")");
}

std::vector<std::string> read_strings(const std::string& path, const std::string& key, const toml::node& n) {
  const toml::array* a = n.as_array();
  if (!a || a->empty())
    throw DataError(where(path, n.source()) + ": '" + key + "' must be a non-empty list of strings");
  std::vector<std::string> out;
  for (const auto& e : *a) out.push_back(read_string(path, key, e));
  return out;
}

std::string read_accent(const std::string& path, const std::string& key, const toml::node& n) {
  std::string v = read_string(path, key, n);
  bool ok = v.size() == 7 && v[0] == '#';
  for (std::size_t i = 1; ok && i < v.size(); ++i) ok = std::isxdigit(static_cast<unsigned char>(v[i])) != 0;
  if (!ok)
    throw DataError(where(path, n.source()) + ": '" + key + "' must be a colour \"#RRGGBB\" (not \"" + v + "\")");
  return v;
}

// A file the template names must exist now, not fail later inside the PDF library.
std::string read_file(const std::string& path, const std::string& key, const toml::node& n, const fs::path& base,
                      std::initializer_list<const char*> extensions, const char* kinds) {
  std::string v = read_string(path, key, n);
  fs::path p = fs::path(v).is_absolute() ? fs::path(v) : base / v;
  std::string ext = p.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool known = false;
  for (const char* e : extensions) known = known || ext == e;
  if (!known)
    throw DataError(where(path, n.source()) + ": '" + key + "' must name a " + kinds + " file (not \"" + v + "\")");
  std::error_code ec;
  if (!fs::exists(p, ec)) throw DataError(where(path, n.source()) + ": '" + key + "': no such file " + p.string());
  check_input_file(p.string(),
                   {kinds == std::string("PNG or JPEG") ? "a logo" : "a font", kMaxImageBytes, ExitCode::Data});
  return p.string();
}

// --- findings thresholds and business hours (docs/templates.md) -------------------------------

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

std::vector<std::pair<ScoreWeight, double>> read_weights(const std::string& path, const toml::node& n) {
  // In ScoreWeight's order.
  static const char* const names[] = {"care",    "sentiment",  "visibility", "engagement", "audience",
                                      "effort",  "trend",      "change",     "anomaly",    "record_only",
                                      "adverse", "favourable", "neutral"};
  const toml::table* t = n.as_table();
  if (!t) throw DataError(where(path, n.source()) + ": 'findings.weights' must be a table");
  std::vector<std::pair<ScoreWeight, double>> out;
  for (auto&& [k, v] : *t) {
    const std::string key = "findings.weights." + std::string(k.str());
    const auto* name = std::find(std::begin(names), std::end(names), k.str());
    if (name == std::end(names)) throw DataError(where(path, v.source()) + ": unknown template key '" + key + "'");
    out.emplace_back(static_cast<ScoreWeight>(name - std::begin(names)), read_double(path, key, v, 0, 10));
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
      const auto day = d.is_string() ? calendar::try_parse_day(*d.value<std::string>()) : std::nullopt;
      if (!day) throw DataError(where(path, d.source()) + ": '" + key + "' must be a list of dates (\"2026-12-24\")");
      spec.holidays.push_back(*day);
    }
  }
  return spec;
}

// A string for every language, or a table of language code -> string.
std::vector<std::pair<std::string, std::string>> read_title(const std::string& path, const std::string& key,
                                                            const toml::node& n) {
  if (n.is_string()) return {{"", read_string(path, key, n)}};
  const toml::table* t = n.as_table();
  if (!t) throw DataError(where(path, n.source()) + ": '" + key + "' must be a string or a table of language codes");
  std::vector<std::pair<std::string, std::string>> out;
  for (auto&& [code, v] : *t)
    out.emplace_back(std::string(code.str()), read_string(path, key + "." + std::string(code.str()), v));
  return out;
}

}  // namespace

std::string template_title(const TemplateSpec& spec, const std::string& language) {
  std::string any;
  for (const auto& [code, text] : spec.title) {
    if (code == language) return text;
    if (code.empty()) any = text;
  }
  return any;
}

namespace {

// One key of a template being read: its file, its name ("page.size") and its value.
struct Key {
  const std::string& path;
  const std::string& name;
  const toml::node& value;
};

// The section settings that are switches or whole numbers: one line each (the key, the field
// of model::SectionSettings and, for numbers, the range).
using Sections = model::SectionSettings;
constexpr std::pair<const char*, bool Sections::*> kSectionSwitches[] = {
    {"findings.why", &Sections::findings_why},           {"dialogue.section", &Sections::dialogue_section},
    {"summary.tiles", &Sections::summary_tiles},         {"summary.tiles_heading", &Sections::tiles_heading},
    {"audience.section", &Sections::audience_section},   {"engagement.section", &Sections::engagement_section},
    {"sentiment.section", &Sections::sentiment_section}, {"appendix.section", &Sections::appendix_section}};

struct NumberKey {
  const char* key;
  int Sections::*field;
  int lo, hi;
};
constexpr NumberKey kSectionNumbers[] = {{"findings.summary_count", &Sections::summary_findings, 1, 5},
                                         {"summary.tile_count", &Sections::tile_count, 1, 6},
                                         {"audience.periods", &Sections::chart_periods, 3, 13}};

// [findings] summary_count and why, [dialogue] section, [summary], [audience], [engagement],
// [sentiment], [appendix] section: the section settings. False when `k` is none of them.
bool read_section_key(model::SectionSettings& s, const Key& k) {
  const auto& [path, key, v] = k;
  for (const auto& [name, field] : kSectionSwitches)
    if (key == name) {
      s.*field = read_bool(path, key, v);
      return true;
    }
  for (const auto& n : kSectionNumbers)
    if (key == n.key) {
      s.*n.field = read_int(path, key, v, n.lo, n.hi);
      return true;
    }
  if (key == "summary.chart")
    s.summary_chart = read_choice<model::SummaryChart>(path, key, v,
                                                       {{"daily", model::SummaryChart::Daily},
                                                        {"dialogue", model::SummaryChart::Dialogue},
                                                        {"none", model::SummaryChart::None}});
  else if (key == "audience.metrics")
    s.audience_metrics = read_strings(path, key, v);
  else if (key == "audience.platforms")
    s.audience_platforms = read_strings(path, key, v);
  else if (key == "engagement.chart")
    s.engagement_chart = read_choice<model::EngagementChart>(path, key, v,
                                                             {{"grouped", model::EngagementChart::Grouped},
                                                              {"stacked", model::EngagementChart::Stacked},
                                                              {"none", model::EngagementChart::None}});
  else
    return false;
  return true;
}

// [page] and [branding]; files relative to `base` (logo) or `fonts_dir` (fonts).
bool read_page_key(TemplateSpec& spec, const Key& k, const fs::path& base, const std::string& fonts_dir) {
  const auto& [path, key, v] = k;
  static constexpr std::pair<const char*, std::string TemplateSpec::*> kFonts[] = {
      {"branding.font_regular", &TemplateSpec::font_regular},
      {"branding.font_bold", &TemplateSpec::font_bold},
      {"branding.font_italic", &TemplateSpec::font_italic}};
  for (const auto& [name, font] : kFonts)
    if (key == name) {
      spec.*font = read_file(path, key, v, fonts_dir, {".ttf"}, "TrueType (.ttf)");
      return true;
    }
  if (key == "page.size")
    spec.page_size = read_choice<PageSize>(path, key, v, {{"A4", PageSize::A4}, {"Letter", PageSize::Letter}});
  else if (key == "page.orientation")
    spec.landscape = read_choice<bool>(path, key, v, {{"portrait", false}, {"landscape", true}});
  else if (key == "branding.organisation")
    spec.organisation = read_string(path, key, v);
  else if (key == "branding.logo")
    spec.logo = read_file(path, key, v, base, {".png", ".jpg", ".jpeg"}, "PNG or JPEG");
  else if (key == "branding.accent")
    spec.accent = read_accent(path, key, v);
  else if (key == "branding.title")
    spec.title = read_title(path, key, v);
  else
    return false;
  return true;
}

// The engine's thresholds that are numbers in an open range (docs/findings-method.md).
struct ThresholdKey {
  const char* key;
  std::optional<double> FindingRulesSpec::*field;
  double above, below;
};
constexpr ThresholdKey kThresholds[] = {
    {"findings.false_discovery_rate", &FindingRulesSpec::false_discovery_rate, 0, 0.5},
    {"findings.min_scope_share", &FindingRulesSpec::min_scope_share, 0, 1},
    {"findings.min_contribution", &FindingRulesSpec::min_contribution, 0, 1},
    {"findings.spike_z", &FindingRulesSpec::spike_z, 0, 100}};

const ThresholdKey* find_threshold(const std::string& key) {
  for (const auto& t : kThresholds)
    if (key == t.key) return &t;
  return nullptr;
}

// The engine's thresholds, the dialogue's window and business hours, and [actions]
// (docs/templates.md, docs/decisions.md).
bool read_rules_key(TemplateSpec& spec, const Key& k, const fs::path& base) {
  const auto& [path, key, v] = k;
  auto& rules = spec.finding_rules;
  if (key == "dialogue.response_window_hours")
    spec.response_window_hours = read_int(path, key, v, 1, 720);
  else if (key == "dialogue.business_hours")
    spec.business_hours = read_business_hours(path, v);
  else if (const auto* t = find_threshold(key))
    rules.*t->field = read_double(path, key, v, t->above, t->below);
  else if (key == "findings.min_messages")
    rules.min_messages = read_int(path, key, v, 1, 1000000);
  else if (key == "findings.weights")
    rules.weights = read_weights(path, v);
  else if (key == "actions.file")
    spec.actions_file = read_file(path, key, v, base, {".toml"}, "TOML (.toml)");
  else if (key == "actions.no_action_line")
    spec.no_action_line = read_bool(path, key, v);
  else
    return false;
  return true;
}

// The tables a template may have, each a table.
const toml::table& template_table(const std::string& path, const std::string& name, const toml::node& node) {
  static const char* const kTables[] = {"findings", "dialogue",   "page",      "branding", "summary",
                                        "audience", "engagement", "sentiment", "appendix", "actions"};
  bool known = false;
  for (const char* k : kTables) known = known || name == k;
  if (!node.as_table() || !known)
    throw DataError(where(path, node.source()) + ": unknown template key '" + name +
                    "' (expected [findings], [dialogue], [page], [branding], [summary], [audience], [engagement], "
                    "[sentiment], [appendix] or [actions])");
  return *node.as_table();
}

}  // namespace

TemplateSpec load_template(const std::string& path, const std::string& fonts_dir) {
  if (!path_exists(path)) throw DataError(path + ": cannot read the template");
  // A FIFO or /dev/zero would block or grow without end (docs/errors.md, "Input files").
  const std::string text = read_input_file(path, {"a template", kMaxTemplateBytes, ExitCode::Data});
  const toml::table root = text::parse_toml(text, path, ExitCode::Data);
  TemplateSpec spec;
  const fs::path base = fs::path(path).parent_path();
  for (auto&& [table_key, node] : root) {
    const std::string table(table_key.str());
    for (auto&& [k, v] : template_table(path, table, node)) {
      const std::string name = table + "." + std::string(k.str());
      const Key key{path, name, v};
      if (!read_section_key(spec.sections, key) && !read_page_key(spec, key, base, fonts_dir) &&
          !read_rules_key(spec, key, base))
        throw DataError(where(path, v.source()) + ": unknown template key '" + name + "'");
    }
  }
  return spec;
}

std::string template_path(const std::string& name_or_file, const std::string& data_dir) {
  if (name_or_file.empty()) return (fs::path(data_dir) / "templates" / "board.toml").string();
  bool file = name_or_file.find('/') != std::string::npos || fs::path(name_or_file).extension() == ".toml";
  if (file) return name_or_file;
  return (fs::path(data_dir) / "templates" / (name_or_file + ".toml")).string();
}

}  // namespace boardbrief::options
