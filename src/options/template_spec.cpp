#include "options/template_spec.h"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.h"
#include "base/input_file.h"
#include "calendar/periods.h"

namespace boardbrief::options {

namespace {

namespace fs = std::filesystem;

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

std::string read_string(const std::string& path, const std::string& key, const toml::node& n) {
  if (!n.is_string()) throw DataError(where(path, n.source()) + ": '" + key + "' must be a string");
  return *n.value<std::string>();
}

// One of a few words, as the enum value it names; the message lists the words.
template <typename Choice>
Choice read_choice(const std::string& path, const std::string& key, const toml::node& n,
                   std::initializer_list<std::pair<const char*, Choice>> allowed) {
  std::string v = read_string(path, key, n), list;
  for (const auto& [word, choice] : allowed) {
    if (v == word) return choice;
    list += (list.empty() ? "\"" : ", \"") + std::string(word) + "\"";
  }
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

std::vector<std::pair<std::string, double>> read_weights(const std::string& path, const toml::node& n) {
  static const char* names[] = {"care",   "sentiment", "visibility",  "engagement", "audience",   "effort", "trend",
                                "change", "anomaly",   "record_only", "adverse",    "favourable", "neutral"};
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

TemplateSpec load_template(const std::string& path, const std::string& fonts_dir) {
  if (!path_exists(path)) throw DataError(path + ": cannot read the template");
  // A FIFO or /dev/zero would block or grow without end (docs/errors.md, "Input files").
  const std::string text = read_input_file(path, {"a template", kMaxTemplateBytes, ExitCode::Data});
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw DataError(where(path, e.source()) + ": " + std::string(e.description()));
  }
  TemplateSpec spec;
  const fs::path base = fs::path(path).parent_path();
  for (auto&& [table_key, node] : root) {
    std::string table(table_key.str());
    const toml::table* t = node.as_table();
    static const char* const kTables[] = {"findings", "dialogue",   "page",      "branding", "summary",
                                          "audience", "engagement", "sentiment", "appendix", "actions"};
    bool known = false;
    for (const char* k : kTables) known = known || table == k;
    if (!t || !known)
      throw DataError(where(path, node.source()) + ": unknown template key '" + table +
                      "' (expected [findings], [dialogue], [page], [branding], [summary], [audience], [engagement], "
                      "[sentiment], [appendix] or [actions])");
    for (auto&& [k, v] : *t) {
      std::string key = table + "." + std::string(k.str());
      if (key == "findings.summary_count")
        spec.sections.summary_findings = read_int(path, key, v, 1, 5);
      else if (key == "findings.why")
        spec.sections.findings_why = read_bool(path, key, v);
      else if (key == "dialogue.response_window_hours")
        spec.response_window_hours = read_int(path, key, v, 1, 720);
      else if (key == "dialogue.section")
        spec.sections.dialogue_section = read_bool(path, key, v);
      // Page, branding and section blocks (docs/templates.md).
      else if (key == "page.size")
        spec.page_size = read_choice<PageSize>(path, key, v, {{"A4", PageSize::A4}, {"Letter", PageSize::Letter}});
      else if (key == "page.orientation")
        spec.landscape = read_choice<bool>(path, key, v, {{"portrait", false}, {"landscape", true}});
      else if (key == "branding.organisation")
        spec.organisation = read_string(path, key, v);
      else if (key == "branding.logo")
        spec.logo = read_file(path, key, v, base, {".png", ".jpg", ".jpeg"}, "PNG or JPEG");
      else if (key == "branding.accent")
        spec.accent = read_accent(path, key, v);
      else if (key == "branding.font_regular")
        spec.font_regular = read_file(path, key, v, fonts_dir, {".ttf"}, "TrueType (.ttf)");
      else if (key == "branding.font_bold")
        spec.font_bold = read_file(path, key, v, fonts_dir, {".ttf"}, "TrueType (.ttf)");
      else if (key == "branding.font_italic")
        spec.font_italic = read_file(path, key, v, fonts_dir, {".ttf"}, "TrueType (.ttf)");
      else if (key == "summary.chart")
        spec.sections.summary_chart = read_choice<model::SummaryChart>(path, key, v,
                                                                       {{"daily", model::SummaryChart::Daily},
                                                                        {"dialogue", model::SummaryChart::Dialogue},
                                                                        {"none", model::SummaryChart::None}});
      else if (key == "summary.tiles")
        spec.sections.summary_tiles = read_bool(path, key, v);
      else if (key == "audience.section")
        spec.sections.audience_section = read_bool(path, key, v);
      else if (key == "audience.metrics")
        spec.sections.audience_metrics = read_strings(path, key, v);
      else if (key == "audience.platforms")
        spec.sections.audience_platforms = read_strings(path, key, v);
      else if (key == "audience.periods")
        spec.sections.chart_periods = read_int(path, key, v, 3, 13);
      else if (key == "engagement.section")
        spec.sections.engagement_section = read_bool(path, key, v);
      else if (key == "engagement.chart")
        spec.sections.engagement_chart =
            read_choice<model::EngagementChart>(path, key, v,
                                                {{"grouped", model::EngagementChart::Grouped},
                                                 {"stacked", model::EngagementChart::Stacked},
                                                 {"none", model::EngagementChart::None}});
      else if (key == "sentiment.section")
        spec.sections.sentiment_section = read_bool(path, key, v);
      else if (key == "appendix.section")
        spec.sections.appendix_section = read_bool(path, key, v);
      // business hours and the engine's thresholds (docs/templates.md)
      else if (key == "dialogue.business_hours")
        spec.business_hours = read_business_hours(path, v);
      else if (key == "findings.false_discovery_rate")
        spec.finding_rules.false_discovery_rate = read_double(path, key, v, 0, 0.5);
      else if (key == "findings.min_scope_share")
        spec.finding_rules.min_scope_share = read_double(path, key, v, 0, 1);
      else if (key == "findings.min_contribution")
        spec.finding_rules.min_contribution = read_double(path, key, v, 0, 1);
      else if (key == "findings.spike_z")
        spec.finding_rules.spike_z = read_double(path, key, v, 0, 100);
      else if (key == "findings.min_messages")
        spec.finding_rules.min_messages = read_int(path, key, v, 1, 1000000);
      else if (key == "findings.weights")
        spec.finding_rules.weights = read_weights(path, v);
      // From figures to decisions (docs/decisions.md).
      else if (key == "actions.file")
        spec.actions_file = read_file(path, key, v, base, {".toml"}, "TOML (.toml)");
      else if (key == "actions.no_action_line")
        spec.no_action_line = read_bool(path, key, v);
      else if (key == "branding.title")
        spec.title = read_title(path, key, v);
      else if (key == "summary.tile_count")
        spec.sections.tile_count = read_int(path, key, v, 1, 6);
      else if (key == "summary.tiles_heading")
        spec.sections.tiles_heading = read_bool(path, key, v);
      else
        throw DataError(where(path, v.source()) + ": unknown template key '" + key + "'");
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
