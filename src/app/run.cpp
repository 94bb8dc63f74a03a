#include "app/run.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <vector>

#include "app/import.h"
#include "app/report.h"
#include "base/error.h"
#include "sample/sample_db.h"
#include "text/language.h"

namespace boardbrief::app {

namespace fs = std::filesystem;

namespace {

bool has_fonts(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "fonts" / "Lato-Regular.ttf", ec) && fs::exists(dir / "templates" / "lang" / "en.toml", ec);
}

// The source tree of an uninstalled build binary: the one line of the note beside it.
std::optional<fs::path> build_tree_source(const fs::path& exe_dir) {
  std::ifstream note(exe_dir / "boardbrief-build-tree");
  std::string source;
  if (!note || !std::getline(note, source) || source.empty()) return std::nullopt;
  return fs::path(source);
}

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

ExitCode run_sample(const options::SampleOptions& o) {
  sample::SampleOptions s;
  s.seed = o.seed;
  s.interactions = o.interactions;
  if (o.channels > 0) {  // the benchmark's scale: one channel in ten is a competitor
    s.competitor_channels = o.channels / 10;
    s.own_channels = o.channels - s.competitor_channels;
  }
  s.days = o.days;
  s.noise = o.noise;
  std::error_code ec;
  fs::path parent = fs::path(o.out).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw OutputError("cannot write '" + o.out + "': directory '" + parent.string() + "' does not exist");
  sample::write_sample_database(o.out, s, o.force);
  std::cerr << "boardbrief: wrote sample database " << o.out << " (seed " << o.seed << (o.noise ? ", noise" : "")
            << ")\n";
  return ExitCode::Ok;
}

}  // namespace

std::string find_data_dir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) {
    if (!has_fonts(explicit_dir))
      throw DataError("--data-dir '" + explicit_dir + "': no fonts/Lato-Regular.ttf and templates/lang/en.toml there");
    return explicit_dir;
  }
  if (const char* env = std::getenv("BOARDBRIEF_DATA_DIR"); env && *env) {
    if (!has_fonts(env))
      throw DataError(std::string("BOARDBRIEF_DATA_DIR '") + env + "': no fonts/ and templates/ there");
    return env;
  }
  // An installed binary reads only its own prefix; the uninstalled build binary reads only the
  // source tree, named in a note CMake writes beside it and `cmake --install` never copies
  // (docs/errors.md, "Installation files").
  const fs::path exe = executable_dir();
  std::vector<fs::path> candidates;
  if (auto source = build_tree_source(exe))
    candidates = {*source};
  else
    candidates = {exe / ".." / "share" / "boardbrief", fs::path(BOARDBRIEF_INSTALL_DATADIR)};
  std::string looked;
  for (const fs::path& candidate : candidates) {
    if (!candidate.empty() && has_fonts(candidate)) return fs::weakly_canonical(candidate).string();
    looked += (looked.empty() ? "" : ", ") + fs::weakly_canonical(candidate).string();
  }
  throw DataError("cannot find boardbrief's fonts and templates (looked in " + looked + "); use --data-dir");
}

std::string available_languages(const std::string& data_dir) {
  std::set<std::string> codes;
  std::error_code ec;
  for (fs::directory_iterator it(fs::path(data_dir) / "templates" / "lang", ec), end; !ec && it != end;
       it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() == ".toml" && text::valid_language_code(p.stem().string())) codes.insert(p.stem().string());
  }
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return out;
}

ExitCode run(const options::Command& cmd) {
  switch (cmd.kind) {
    case options::CommandKind::Help: {
      std::string help = cmd.help_text;
      if (auto at = help.find(options::kLanguagesPlaceholder); at != std::string::npos) {
        std::string langs;
        try {
          langs = available_languages(find_data_dir(""));
        } catch (const DataError&) {}
        help.replace(at, std::string(options::kLanguagesPlaceholder).size(),
                     langs.empty() ? "a file templates/lang/CODE.toml" : langs);
      }
      std::cout << help;
      return ExitCode::Ok;
    }
    case options::CommandKind::Version: std::cout << "boardbrief " << BOARDBRIEF_VERSION << "\n"; return ExitCode::Ok;
    case options::CommandKind::Sample: return run_sample(cmd.sample);
    case options::CommandKind::Check: return run_check(cmd.check);
    case options::CommandKind::Report: return run_report(cmd.report);
    case options::CommandKind::Import: return run_import(cmd.import);
  }
  return ExitCode::Internal;
}

}  // namespace boardbrief::app
