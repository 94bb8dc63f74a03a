#include "options/template_spec.h"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.h"

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

// One of a few words; the message lists them.
std::string read_choice(const std::string& path, const std::string& key, const toml::node& n,
                        std::initializer_list<const char*> allowed) {
  std::string v = read_string(path, key, n), list;
  for (const char* a : allowed) {
    if (v == a) return v;
    list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
  }
  throw DataError(where(path, n.source()) + ": '" + key + "' must be one of " + list + " (not \"" + v + "\")");
}

std::vector<std::string> read_strings(const std::string& path, const std::string& key, const toml::node& n) {
  const toml::array* a = n.as_array();
  if (!a || a->empty()) throw DataError(where(path, n.source()) + ": '" + key + "' must be a non-empty list of strings");
  std::vector<std::string> out;
  for (const auto& e : *a) out.push_back(read_string(path, key, e));
  return out;
}

std::string read_accent(const std::string& path, const std::string& key, const toml::node& n) {
  std::string v = read_string(path, key, n);
  bool ok = v.size() == 7 && v[0] == '#';
  for (std::size_t i = 1; ok && i < v.size(); ++i) ok = std::isxdigit(static_cast<unsigned char>(v[i])) != 0;
  if (!ok) throw DataError(where(path, n.source()) + ": '" + key + "' must be a colour \"#RRGGBB\" (not \"" + v + "\")");
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
  if (!known) throw DataError(where(path, n.source()) + ": '" + key + "' must name a " + kinds + " file (not \"" + v + "\")");
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) throw DataError(where(path, n.source()) + ": '" + key + "': no such file " + p.string());
  return p.string();
}

}  // namespace

TemplateSpec load_template(const std::string& path, const std::string& fonts_dir) {
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
  const fs::path base = fs::path(path).parent_path();
  for (auto&& [table_key, node] : root) {
    std::string table(table_key.str());
    const toml::table* t = node.as_table();
    static const char* const kTables[] = {"findings", "dialogue", "page",       "branding",
                                          "summary",  "audience", "engagement", "sentiment", "appendix"};
    bool known = false;
    for (const char* k : kTables) known = known || table == k;
    if (!t || !known)
      throw DataError(where(path, node.source()) + ": unknown template key '" + table +
                      "' (expected [findings], [dialogue], [page], [branding], [summary], [audience], [engagement], "
                      "[sentiment] or [appendix])");
    for (auto&& [k, v] : *t) {
      std::string key = table + "." + std::string(k.str());
      if (key == "findings.summary_count") spec.summary_findings = read_int(path, key, v, 1, 5);
      else if (key == "findings.why") spec.findings_why = read_bool(path, key, v);
      else if (key == "dialogue.response_window_hours") spec.response_window_hours = read_int(path, key, v, 1, 720);
      else if (key == "dialogue.section") spec.dialogue_section = read_bool(path, key, v);
      // Page, branding and section blocks (issue 4).
      else if (key == "page.size") spec.page_size = read_choice(path, key, v, {"A4", "Letter"});
      else if (key == "page.orientation") spec.landscape = read_choice(path, key, v, {"portrait", "landscape"}) == "landscape";
      else if (key == "branding.organisation") spec.organisation = read_string(path, key, v);
      else if (key == "branding.logo") spec.logo = read_file(path, key, v, base, {".png", ".jpg", ".jpeg"}, "PNG or JPEG");
      else if (key == "branding.accent") spec.accent = read_accent(path, key, v);
      else if (key == "branding.font_regular") spec.font_regular = read_file(path, key, v, fonts_dir, {".ttf"}, "TrueType (.ttf)");
      else if (key == "branding.font_bold") spec.font_bold = read_file(path, key, v, fonts_dir, {".ttf"}, "TrueType (.ttf)");
      else if (key == "branding.font_italic") spec.font_italic = read_file(path, key, v, fonts_dir, {".ttf"}, "TrueType (.ttf)");
      else if (key == "summary.chart") spec.summary_chart = read_choice(path, key, v, {"daily", "dialogue", "none"});
      else if (key == "summary.tiles") spec.summary_tiles = read_bool(path, key, v);
      else if (key == "audience.section") spec.audience_section = read_bool(path, key, v);
      else if (key == "audience.metrics") spec.audience_metrics = read_strings(path, key, v);
      else if (key == "audience.platforms") spec.audience_platforms = read_strings(path, key, v);
      else if (key == "audience.periods") spec.chart_periods = read_int(path, key, v, 3, 13);
      else if (key == "engagement.section") spec.engagement_section = read_bool(path, key, v);
      else if (key == "sentiment.section") spec.sentiment_section = read_bool(path, key, v);
      else if (key == "appendix.section") spec.appendix_section = read_bool(path, key, v);
      else throw DataError(where(path, v.source()) + ": unknown template key '" + key + "'");
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
