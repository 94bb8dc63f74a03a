// Scheduled runs: the file-name rule of --out DIR for relative and custom periods, the
// systemd units checked by `systemd-analyze verify`, and the exact commands of the unit's
// ExecStart and of the crontab line run against a sample database and a loopback SMTP server.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "install/installed.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

const fs::path& sample_db() {
  static const fs::path path = [] {
    fs::path db = bt::scratch_dir("schedule-sample") / "social.db";
    auto r = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --interactions 20000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
  }();
  return path;
}

std::vector<std::string> briefings_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string line_starting(const fs::path& file, const std::regex& start) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (std::regex_search(line, start)) return line;
  FAIL("no matching line in " << file);
  return "";
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
}

std::string python_with_aiosmtpd() {
  for (const char* py : {"/usr/bin/python3", "python3"})
    if (bt::run(std::string(py) + " -c 'import aiosmtpd'").exit_code == 0) return py;
  return "";
}

// The loopback SMTP server of tests/support/smtp_sink.py; killed when the test ends.
struct Sink {
  fs::path dir;
  int pid = 0;
  std::string port;
  Sink(const fs::path& d, const std::string& python) : dir(d) {
    fs::create_directories(dir / "mail");
    auto r = bt::run(python + " " + bt::quote(bt::source_dir() / "tests/support/smtp_sink.py") + " --port-file " +
                     bt::quote(dir / "port") + " --out-dir " + bt::quote(dir / "mail") + " >" + bt::quote(dir / "log") +
                     " 2>&1 & echo $!");
    pid = std::stoi(r.out);
    for (int i = 0; i < 400 && !fs::exists(dir / "port"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(fs::exists(dir / "port"));
    port = bt::read_file(dir / "port");
  }
  ~Sink() { ::kill(pid, SIGTERM); }
};

// The scheduled command as written in the contrib file, moved into `root`: the binary under
// test for /usr/local/bin/boardbrief, `root`/var/lib/boardbrief/ for the state directory,
// the loopback server for the mail server, and --as-of so "last month" does not depend on
// the clock. systemd and sh must read the line alike: no '%' specifiers, '$' or backslashes.
std::string relocated(std::string command, const fs::path& root, const std::string& smtp) {
  CHECK(command.find_first_of("%$\\`") == std::string::npos);
  replace_all(command, "/usr/local/bin/boardbrief", bt::binary());
  replace_all(command, "/var/lib/boardbrief/", (root / "var/lib/boardbrief").string() + "/");
  replace_all(command, "smtp://mail.example.com:25", smtp);
  return command + " --as-of 2026-11-02";
}

void run_scheduled(const std::string& command, const fs::path& root) {
  std::string python = python_with_aiosmtpd();
  fs::create_directories(root / "var/lib/boardbrief/briefings");
  fs::copy_file(sample_db(), root / "var/lib/boardbrief/social.db");
  std::string url = "smtp://127.0.0.1:1";
  std::unique_ptr<Sink> sink;
  if (python.empty()) {
    MESSAGE("SKIPPED the mail part: no python3 with aiosmtpd (apt-get install python3-aiosmtpd)");
  } else {
    sink = std::make_unique<Sink>(root / "sink", python);
    url = "smtp://127.0.0.1:" + sink->port;
  }
  auto r = bt::run(relocated(command, root, url));
  fs::path pdf = root / "var/lib/boardbrief/briefings/briefing-2026-10.pdf";
  CHECK(bt::read_file(pdf).rfind("%PDF-", 0) == 0);
  if (!sink) return;
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  REQUIRE(fs::exists(sink->dir / "mail/msg-1"));
  CHECK(bt::read_file(sink->dir / "mail/msg-1/subject") ==
        "Bestyrelsesorientering – oktober 2026 – Nørre Ålbæk Energi A/S");
  CHECK(bt::read_file(sink->dir / "mail/msg-1/envelope_to") == "board@example.com");
  CHECK(bt::read_file(sink->dir / "mail/msg-1/attachment.bin") == bt::read_file(pdf));
}

}  // namespace

TEST_SUITE("scheduling") {
  TEST_CASE("--out DIR/ names the file by period: relative periods and a custom range") {
    fs::path dir = bt::scratch_dir("schedule-names");
    struct Case {
      std::string as_of, period, file;
    };
    // ISO week: 2026-01-05 is a Monday, so last week is 29 Dec 2025 to 4 Jan 2026, week 1 of 2026.
    for (const Case& c :
         std::vector<Case>{{"2026-11-02", "--period last-month", "briefing-2026-10.pdf"},
                           {"2026-11-02", "--period last-quarter", "briefing-2026-Q3.pdf"},
                           {"2026-11-02", "--period last-week", "briefing-2026-W44.pdf"},
                           {"2026-01-05", "--period last-month", "briefing-2025-12.pdf"},
                           {"2026-01-05", "--period last-quarter", "briefing-2025-Q4.pdf"},
                           {"2026-01-05", "--period last-week", "briefing-2026-W01.pdf"},
                           {"2026-11-02", "--period 2025", "briefing-2025.pdf"},
                           {"2026-11-02", "--from 2026-10-05 --to 2026-10-18", "briefing-2026-10-05_2026-10-18.pdf"}}) {
      fs::path out = dir / ("as-of-" + c.as_of + "-" + std::to_string(std::hash<std::string>{}(c.period)));
      fs::create_directories(out);
      auto r = bt::run(bt::binary() + " report --db " + bt::quote(sample_db()) + " " + c.period + " --as-of " +
                       c.as_of + " --out " + bt::quote(out) + "/ --quiet");
      CHECK_MESSAGE(r.exit_code == 0, r.err);
      CHECK_MESSAGE(briefings_in(out) == std::vector<std::string>{c.file}, c.period, " as of ", c.as_of);
    }
  }

  TEST_CASE("the systemd units pass systemd-analyze verify, against the installed man page") {
    if (bt::run("systemd-analyze --version").exit_code != 0 || !fs::is_directory("/usr/lib/systemd/system")) {
      MESSAGE(
          "SKIPPED systemd-analyze verify: systemd-analyze or /usr/lib/systemd/system is missing here; "
          "the units' commands are still run by the next test");
      return;
    }
    // A root holding the system's units, the units under test in /etc/systemd/system and the
    // binary where ExecStart expects it; MANPATH lets Documentation=man:boardbrief(1) resolve.
    fs::path root = bt::scratch_dir("schedule-verify") / "root";
    fs::create_directories(root / "usr/lib/systemd");
    fs::create_directories(root / "usr/local/bin");
    fs::create_directories(root / "etc/systemd/system");
    REQUIRE(bt::run("cp -a /usr/lib/systemd/system " + bt::quote(root / "usr/lib/systemd/")).exit_code == 0);
    fs::copy_file(bt::binary(), root / "usr/local/bin/boardbrief");
    for (const char* unit : {"boardbrief-monthly.service", "boardbrief-monthly.timer"})
      fs::copy_file(bt::source_dir() / "contrib/systemd" / unit, root / "etc/systemd/system" / unit);
    std::string verify = "MANPATH=" + bt::quote(bt::installed_prefix() / "share/man") +
                         " systemd-analyze verify --root=" + bt::quote(root) +
                         " /etc/systemd/system/boardbrief-monthly.service /etc/systemd/system/boardbrief-monthly.timer";
    auto r = bt::run(verify);
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK_MESSAGE(r.err.empty(), r.err);

    // The same check fails for a timer with an impossible day: it is not a check that cannot fail.
    std::string timer = bt::read_file(root / "etc/systemd/system/boardbrief-monthly.timer");
    replace_all(timer, "*-*-02 ", "*-*-32 ");
    std::ofstream(root / "etc/systemd/system/boardbrief-monthly.timer", std::ios::trunc) << timer;
    auto broken = bt::run(verify);
    CHECK(broken.exit_code != 0);
    CHECK_MESSAGE(broken.err.find("Failed to parse calendar specification") != std::string::npos, broken.err);
  }

  TEST_CASE("the systemd unit's ExecStart, run as written, writes last month's PDF and mails it") {
    fs::path unit = bt::source_dir() / "contrib/systemd/boardbrief-monthly.service";
    std::string exec = line_starting(unit, std::regex("^ExecStart="));
    run_scheduled(exec.substr(std::string("ExecStart=").size()), bt::scratch_dir("schedule-systemd") / "root");
  }

  TEST_CASE("the crontab line, run as cron runs it (sh -c), writes last month's PDF and mails it quietly") {
    fs::path cron = bt::source_dir() / "contrib/cron/boardbrief";
    std::string line = line_starting(cron, std::regex("^[0-9*]"));
    // /etc/cron.d format: five time fields, the user, then the command for /bin/sh.
    std::smatch m;
    REQUIRE(std::regex_match(line, m, std::regex(R"(^(\S+) (\S+) (\S+) (\S+) (\S+) (\S+) (.*)$)")));
    CHECK(m[1] == "0");
    CHECK(m[2] == "6");
    CHECK(m[3] == "2");
    CHECK(m[4] == "*");
    CHECK(m[5] == "*");
    CHECK(m[6] == "boardbrief");
    fs::path root = bt::scratch_dir("schedule-cron") / "root";
    run_scheduled(m[7].str(), root);
  }

  TEST_CASE("the crontab line prints nothing on success, so cron mails only failures") {
    fs::path cron = bt::source_dir() / "contrib/cron/boardbrief";
    std::string line = line_starting(cron, std::regex("^[0-9*]"));
    std::string command = line.substr(line.find("/usr/local/bin/boardbrief"));
    fs::path root = bt::scratch_dir("schedule-cron-quiet") / "root";
    fs::create_directories(root / "var/lib/boardbrief/briefings");
    fs::copy_file(sample_db(), root / "var/lib/boardbrief/social.db");
    // Without the mail part: the same command minus the --mail-* and --smtp options.
    std::string no_mail = relocated(command.substr(0, command.find(" --mail-to")) + " --quiet", root, "");
    auto r = bt::run(no_mail);
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
}
