#include "options/config.h"

#include <boost/program_options.hpp>

#include <sstream>

#include "base/error.h"
#include "options/config_value.h"
#include "text/language.h"

namespace boardbrief::options {

namespace po = boost::program_options;

namespace {

constexpr const char* kUsageHead =
    "boardbrief: social-media and customer-dialogue briefings for the board, as PDF.\n"
    "\n"
    "Usage:\n"
    "  boardbrief [report] --db FILE (--period SPEC | --from DAY --to DAY) [options]\n"
    "  boardbrief check --db FILE [--period SPEC]\n"
    "  boardbrief sample --out FILE [--seed N] [--force]\n"
    "  boardbrief import metrics|interactions --db FILE [options] CSV...\n"
    "  boardbrief --help | --version\n"
    "\n"
    "Examples:\n"
    "  boardbrief --db social.db --period last-month --out /reports/\n"
    "  boardbrief --db social.db --from 2026-07-01 --to 2026-09-30 --lang da --out q3.pdf\n"
    "  boardbrief check --db social.db\n"
    "\n"
    "Period SPEC: YYYY-MM, YYYY-Qn, YYYY, YYYY-Www (ISO week), last-month, last-quarter,\n"
    "last-week (relative to --as-of). The briefing compares the period with the one before\n"
    "and the same period a year earlier, and draws trends over 13 periods.\n"
    "\n"
    "Exit codes: 0 ok, 1 internal error, 2 usage, 3 data (schema/contents), 4 output,\n"
    "5 delivery.\n"
    "For schedulers: 0 means the PDF was written (and mailed, with --mail-to); 2 and 4 need\n"
    "the command line or the output directory fixed; 3 the data (see boardbrief check); 5\n"
    "means the PDF is on disk but the mail was not sent (the server's reply is on stderr).\n";

// ---- mail delivery options (docs/scheduling.md, src/delivery) ----

po::options_description mail_description(ReportOptions& r) {
  po::options_description d("Mail delivery (after the PDF is written; a failed send exits 5)");
  d.add_options()("mail-to", po::value(&r.mail_to)->value_name("ADDR")->composing(),
                  "mail the briefing to ADDR; repeat the option or separate addresses with commas")(
      "mail-from", po::value(&r.mail_from)->value_name("ADDR"), "sender address (required with --mail-to)")(
      "smtp", po::value(&r.smtp)->value_name("URL"),
      "mail server: smtp://host:port (STARTTLS when offered) or smtps://host:port "
      "(implicit TLS); required with --mail-to")(
      "smtp-credentials", po::value(&r.smtp_credentials)->value_name("FILE"),
      "file with the SMTP user name on line 1 and the password on line 2; must not be "
      "readable by others. Default: $BOARDBRIEF_SMTP_USER and $BOARDBRIEF_SMTP_PASSWORD")(
      "smtp-cacert", po::value(&r.smtp_cacert)->value_name("FILE"),
      "CA certificate(s) (PEM) that the mail server's TLS certificate must chain to, e.g. a "
      "company CA; default: the system's CA store");
  return d;
}

// A bare address: no display name, no spaces or line breaks (they would inject headers).
void check_address(const std::string& a, const char* option) {
  auto at = a.find('@');
  bool ok = at != std::string::npos && at > 0 && at + 1 < a.size() && a.find('@', at + 1) == std::string::npos;
  for (unsigned char c : a)
    if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') ok = false;
  if (!ok) throw UsageError(std::string("--") + option + " '" + a + "': not a mail address (use name@example.com)");
}

void check_mail_options(ReportOptions& r) {
  std::vector<std::string> to;
  for (const auto& value : r.mail_to) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      std::string one = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      auto b = one.find_first_not_of(" \t"), e = one.find_last_not_of(" \t");
      one = b == std::string::npos ? "" : one.substr(b, e - b + 1);
      if (one.empty()) throw UsageError("--mail-to '" + value + "': empty address");
      check_address(one, "mail-to");
      to.push_back(one);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  r.mail_to = to;
  if (r.mail_to.empty()) {
    if (!r.mail_from.empty() || !r.smtp.empty() || !r.smtp_credentials.empty() || !r.smtp_cacert.empty())
      throw UsageError(
          "--mail-from, --smtp, --smtp-credentials and --smtp-cacert need --mail-to (who gets the briefing)");
    return;
  }
  if (r.mail_from.empty()) throw UsageError("--mail-to needs --mail-from (the sender address)");
  check_address(r.mail_from, "mail-from");
  if (r.smtp.empty()) throw UsageError("--mail-to needs --smtp (e.g. smtp://mail.example.com:587)");
  std::string rest;
  if (r.smtp.rfind("smtp://", 0) == 0)
    rest = r.smtp.substr(7);
  else if (r.smtp.rfind("smtps://", 0) == 0)
    rest = r.smtp.substr(8);
  else
    throw UsageError("--smtp '" + r.smtp + "': use smtp://host:port or smtps://host:port");
  std::string authority = rest.substr(0, rest.find('/'));
  if (authority.find('@') != std::string::npos)
    throw UsageError(
        "--smtp: credentials do not belong on the command line; use --smtp-credentials FILE or "
        "BOARDBRIEF_SMTP_USER and BOARDBRIEF_SMTP_PASSWORD");
  if (authority.empty() || authority[0] == ':') throw UsageError("--smtp '" + r.smtp + "': no host name");
}

// ---- end of mail delivery options ----

po::options_description report_description(ReportOptions& r, std::string& config) {
  po::options_description d("Report options");
  static const std::string lang_help = std::string("language of the briefing, one of: ") + kLanguagesPlaceholder;
  d.add_options()("db", po::value(&r.db)->value_name("FILE"), "SQLite database in the boardbrief schema (read only)")(
      "period", po::value(&r.period)->value_name("SPEC"), "period to report on, e.g. 2026-10, 2026-Q3, last-month")(
      "from", po::value(&r.from)->value_name("DAY"), "first day of a custom period (YYYY-MM-DD)")(
      "to", po::value(&r.to)->value_name("DAY"), "last day of a custom period (YYYY-MM-DD)")(
      "as-of", po::value(&r.as_of)->value_name("DAY"),
      "the report's 'today' (YYYY-MM-DD[THH:MM]); default: now in --tz. Fixes the\n"
      "generation date printed in the PDF, so the same inputs give the same bytes")(
      "tz", po::value(&r.tz)->value_name("ZONE")->default_value(r.tz), "IANA time zone for days and periods")(
      "lang", po::value(&r.lang)->value_name("CODE")->default_value(r.lang), lang_help.c_str())(
      "template", po::value(&r.template_path)->value_name("NAME|FILE"),
      "report template: board, one-pager or a .toml file (default: board; see docs/templates.md)")(
      "org", po::value(&r.org)->value_name("NAME"), "organisation name for the title and footer")(
      "out", po::value(&r.out)->value_name("FILE|DIR")->default_value(r.out),
      "output PDF; a directory gets briefing-<period>.pdf")(
      "findings-json", po::value(&r.findings_json)->value_name("FILE"),
      "also write the findings and KPI values with their period bounds as JSON")(
      "actions", po::value(&r.actions)->value_name("FILE"),
      "TOML file of management's actions, printed beside the findings they answer (docs/decisions.md)")(
      "response-window", po::value(&r.response_window_hours)->value_name("HOURS"),
      "a reply later than this counts as unanswered (default: the template's, 72)")(
      "timeout", po::value(&r.timeout_seconds)->value_name("SECONDS")->default_value(r.timeout_seconds),
      "stop reading the database after this long (exit 3); 0 = no limit")(
      "strict", po::bool_switch(&r.strict), "treat data warnings (late or missing data) as errors (exit 3)")(
      "quiet,q", po::bool_switch(&r.quiet), "print nothing but errors")(
      "data-dir", po::value(&r.data_dir)->value_name("DIR"),
      "where templates/ and fonts/ are (default: found next to the binary)")(
      "config", po::value(&config)->value_name("FILE"),
      "INI file with the same keys as the long options; the command line wins");
  d.add(mail_description(r));
  return d;
}

// Boost's messages name the option as "--db"; keep them but make them one line.
[[noreturn]] void rethrow_usage(const po::error& e) {
  throw UsageError(std::string(e.what()) + " (see boardbrief --help)");
}

std::string describe(const po::options_description& d) {
  std::ostringstream s;
  s << d;
  return s.str();
}

// Parses `args` against `desc` (adding --help), then the --config file when the description
// has one, and stores the values. Returns false when --help was given: `cmd` then carries the
// help text, `intro` followed by the option list.
bool parse_args(const std::vector<std::string>& args, po::options_description& desc, const std::string& intro,
                Command& cmd, po::variables_map& vm) {
  desc.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args).options(desc).run(), vm);
    if (vm.count("help")) {
      cmd.kind = CommandKind::Help;
      cmd.help_text = intro + describe(desc);
      return false;
    }
    if (vm.count("config")) read_config_file(vm["config"].as<std::string>(), desc, vm, false);
    po::notify(vm);
  } catch (const po::error& e) {
    rethrow_usage(e);
  }
  return true;
}

void check_timeout(int seconds) {
  if (seconds < 0 || seconds > 7 * 24 * 3600)
    throw UsageError("--timeout " + std::to_string(seconds) + ": use 0 (no limit) to 604800 seconds");
}

Command parse_report(const std::vector<std::string>& args, Command cmd) {
  std::string config;
  ReportOptions& r = cmd.report;
  auto desc = report_description(r, config);
  po::variables_map vm;
  if (!parse_args(args, desc, std::string(kUsageHead) + "\n", cmd, vm)) return cmd;
  if (r.db.empty()) throw UsageError("--db is required: the SQLite database to report on (see boardbrief --help)");
  bool custom = !r.from.empty() || !r.to.empty();
  if (custom && !r.period.empty()) throw UsageError("--period cannot be combined with --from/--to");
  if (custom && (r.from.empty() || r.to.empty())) throw UsageError("--from and --to must be given together");
  if (!custom && r.period.empty())
    throw UsageError("--period (or --from and --to) is required, e.g. --period last-month");
  // Any language with a file templates/lang/<code>.toml (checked when the report loads it).
  if (!text::valid_language_code(r.lang))
    throw UsageError("--lang '" + r.lang + "': use en or da (or the code of a language file)");
  if (vm.count("response-window") && (r.response_window_hours < 1 || r.response_window_hours > 24 * 30))
    throw UsageError("--response-window " + std::to_string(r.response_window_hours) + ": use 1 to 720 hours");
  check_mail_options(r);
  check_timeout(r.timeout_seconds);
  return cmd;
}

Command parse_check(const std::vector<std::string>& args, Command cmd) {
  CheckOptions& c = cmd.check;
  po::options_description desc("Check options");
  desc.add_options()("db", po::value(&c.db)->value_name("FILE"), "SQLite database to check (read only)")(
      "period", po::value(&c.period)->value_name("SPEC"), "limit the coverage report to this period")(
      "as-of", po::value(&c.as_of)->value_name("DAY"), "today for relative periods (YYYY-MM-DD)")(
      "tz", po::value(&c.tz)->value_name("ZONE")->default_value(c.tz), "IANA time zone")(
      "timeout", po::value(&c.timeout_seconds)->value_name("SECONDS")->default_value(c.timeout_seconds),
      "stop reading the database after this long (exit 3); 0 = no limit");
  po::variables_map vm;
  if (!parse_args(args, desc,
                  "boardbrief check: checks a database against the data contract and reports coverage\n"
                  "(missing days per channel and metric). Exit 3 when the contract is broken.\n\n"
                  "Usage: boardbrief check --db FILE [--period SPEC]\n\n",
                  cmd, vm))
    return cmd;
  if (c.db.empty()) throw UsageError("--db is required: the SQLite database to check");
  check_timeout(c.timeout_seconds);
  return cmd;
}

Command parse_sample(const std::vector<std::string>& args, Command cmd) {
  SampleOptions& s = cmd.sample;
  po::options_description desc("Sample options");
  desc.add_options()("out", po::value(&s.out)->value_name("FILE"), "database file to create")(
      "seed", po::value(&s.seed)->value_name("N")->default_value(1), "random seed; same seed, same bytes")(
      "force", po::bool_switch(&s.force), "replace FILE if it exists")(
      "interactions", po::value(&s.interactions)->value_name("N")->default_value(100000),
      "number of inbound interactions to generate")(
      "channels", po::value(&s.channels)->value_name("N"),
      "channels instead of the default 6 own + 3 competitors (one in ten a competitor)")(
      "days", po::value(&s.days)->value_name("N"), "days of data ending 2026-10-31 instead of 25 months")(
      "noise", po::bool_switch(&s.noise),
      "stationary random data without the story (no growth, storm, gaps or targets): every finding is false");
  po::variables_map vm;
  if (!parse_args(args, desc,
                  "boardbrief sample: writes a deterministic, realistic demo database for the fictional\n"
                  "Danish company Nørre Ålbæk Energi A/S (6 own and 3 competitor channels, 25 months\n"
                  "ending 2026-10-31).\n\nUsage: boardbrief sample --out FILE [--seed N] [--force]\n"
                  "                         [--channels N] [--days N] [--interactions N] [--noise]\n\n",
                  cmd, vm))
    return cmd;
  if (s.out.empty()) throw UsageError("--out is required: the database file to create");
  if (s.interactions < 0) throw UsageError("--interactions must not be negative");
  if (vm.count("channels") && (s.channels < 2 || s.channels > 10000))
    throw UsageError("--channels " + std::to_string(s.channels) + ": use 2 to 10000");
  if (vm.count("days") && (s.days < 60 || s.days > 36500))
    throw UsageError("--days " + std::to_string(s.days) + ": use 60 to 36500");
  return cmd;
}

}  // namespace

Command parse_command_line(int argc, const char* const* argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Command cmd;
  if (!args.empty() && (args[0] == "--version" || args[0] == "-V")) {
    cmd.kind = CommandKind::Version;
    return cmd;
  }
  if (args.empty()) {
    cmd.kind = CommandKind::Help;
    std::string config;
    ReportOptions r;
    cmd.help_text = std::string(kUsageHead) + "\n" + describe(report_description(r, config));
    return cmd;
  }
  if (args[0] == "import") {  // its own options: options/import_options.cpp
    cmd.kind = CommandKind::Import;
    if (!parse_import_options({args.begin() + 1, args.end()}, cmd.import, cmd.help_text)) cmd.kind = CommandKind::Help;
    return cmd;
  }
  std::string sub = args[0];
  if (sub == "report" || sub == "check" || sub == "sample") {
    args.erase(args.begin());
  } else if (sub.rfind("-", 0) != 0) {
    throw UsageError("unknown command '" + sub + "' (use report, check, sample or import; see boardbrief --help)");
  } else {
    sub = "report";
  }
  if (sub == "check") {
    cmd.kind = CommandKind::Check;
    return parse_check(args, cmd);
  }
  if (sub == "sample") {
    cmd.kind = CommandKind::Sample;
    return parse_sample(args, cmd);
  }
  cmd.kind = CommandKind::Report;
  return parse_report(args, cmd);
}

}  // namespace boardbrief::options
