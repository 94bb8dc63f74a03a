#include "app/run.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "app/import.h"
#include "app/report.h"
#include "base/error.h"
#include "sample/sample_db.h"

namespace boardbrief::app {

namespace fs = std::filesystem;

namespace {

bool has_fonts(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "fonts" / "Lato-Regular.ttf", ec) && fs::exists(dir / "templates" / "lang" / "en.toml", ec);
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
  std::error_code ec;
  fs::path parent = fs::path(o.out).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw OutputError("cannot write '" + o.out + "': directory '" + parent.string() + "' does not exist");
  sample::write_sample_database(o.out, s, o.force);
  std::cerr << "boardbrief: wrote sample database " << o.out << " (seed " << o.seed << ")\n";
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
    if (!has_fonts(env)) throw DataError(std::string("BOARDBRIEF_DATA_DIR '") + env + "': no fonts/ and templates/ there");
    return env;
  }
  fs::path exe = executable_dir();
  for (const fs::path& candidate : {exe / ".." / "share" / "boardbrief", exe / "..", exe,
                                    fs::path(BOARDBRIEF_INSTALL_DATADIR), fs::path(BOARDBRIEF_SOURCE_DIR)}) {
    if (!candidate.empty() && has_fonts(candidate)) return fs::weakly_canonical(candidate).string();
  }
  throw DataError("cannot find boardbrief's fonts and templates (looked next to the binary, in " +
                  std::string(BOARDBRIEF_INSTALL_DATADIR) + " and " + BOARDBRIEF_SOURCE_DIR +
                  "); use --data-dir");
}

ExitCode run(const options::Command& cmd) {
  switch (cmd.kind) {
    case options::CommandKind::Help:
      std::cout << cmd.help_text;
      return ExitCode::Ok;
    case options::CommandKind::Version:
      std::cout << "boardbrief " << BOARDBRIEF_VERSION << "\n";
      return ExitCode::Ok;
    case options::CommandKind::Sample:
      return run_sample(cmd.sample);
    case options::CommandKind::Check:
      return run_check(cmd.check);
    case options::CommandKind::Report:
      return run_report(cmd.report);
    case options::CommandKind::Import:
      return run_import(cmd.import);
  }
  return ExitCode::Internal;
}

}  // namespace boardbrief::app
