// What the user asked for, as plain values: the result of parsing the command line and the
// optional INI config file. No stage below options sees Boost.Program_options.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "options/import_options.h"

namespace boardbrief::options {

enum class CommandKind { Report, Check, Sample, Help, Version, Import };

struct ReportOptions {
  std::string db;
  std::string period;    // "2026-10", "last-month", ...; empty when --from/--to
  std::string from, to;  // "YYYY-MM-DD"
  std::string as_of;     // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; empty = today in tz
  std::string tz = "Europe/Copenhagen";
  std::string lang = "en";
  std::string template_path;  // empty = the bundled templates/board.toml
  std::string org;
  std::string out = ".";          // file or directory
  std::string findings_json;      // empty = none
  std::string actions;            // --actions FILE: management's actions (TOML); empty = the template's, or none
  std::string data_dir;           // where templates/ and fonts/ live; empty = auto
  int response_window_hours = 0;  // 0 = the template's value (72 by default)
  int timeout_seconds = 600;      // --timeout: database reads stop past this (0 = never)
  bool strict = false;
  bool quiet = false;

  // Mail delivery (src/delivery): sent after the PDF is written. Credentials never come
  // from the command line: --smtp-credentials FILE or BOARDBRIEF_SMTP_USER/_PASSWORD.
  std::vector<std::string> mail_to;  // empty = no mail
  std::string mail_from;
  std::string smtp;              // smtp://host:port or smtps://host:port
  std::string smtp_credentials;  // file with the user name and password lines
  std::string smtp_cacert;       // PEM CA certificate(s) for the server; empty = the system's
};

struct CheckOptions {
  std::string db;
  std::string period;  // optional: restrict coverage to this period
  std::string as_of;
  std::string tz = "Europe/Copenhagen";
  int timeout_seconds = 600;  // --timeout, as for the report
};

struct SampleOptions {
  std::string out;
  std::uint64_t seed = 1;
  bool force = false;
  int channels = 0;  // 0 = the default story (6 own + 3 competitors)
  int days = 0;      // 0 = 25 months ending 2026-10-31
  std::int64_t interactions = 100000;
  bool noise = false;  // stationary random data without the story (false-discovery runs)
};

struct Command {
  CommandKind kind = CommandKind::Report;
  ReportOptions report;
  CheckOptions check;
  SampleOptions sample;
  ImportOptions import;   // `import metrics|interactions` (options/import_options.h)
  std::string help_text;  // filled for Help
};

// Parses argv. Throws UsageError with one line naming the option ("--lang 'fr': use en or da").
// A config file (--config FILE, INI with the same keys as the long options) supplies values
// the command line does not give.
// --help names the languages of the data directory's templates/lang/*.toml; options
// does no file I/O, so its help text carries this token and app/run.cpp puts the list in.
inline constexpr const char* kLanguagesPlaceholder = "{languages}";

Command parse_command_line(int argc, const char* const* argv);

}  // namespace boardbrief::options
