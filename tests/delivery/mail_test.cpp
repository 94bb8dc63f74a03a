// --mail-to end to end: the real binary sends to a real SMTP server on loopback
// (tests/support/smtp_sink.py on Debian's python3-aiosmtpd), and Python's email parser reads
// what arrived. Skips, saying so, only where no python3 has aiosmtpd.
#include <doctest/doctest.h>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

// The Debian package installs aiosmtpd for /usr/bin/python3; a python3 earlier on PATH
// (pyenv, venv) may lack it.
std::string python_with_aiosmtpd() {
  for (const char* py : {"/usr/bin/python3", "python3"})
    if (bt::run(std::string(py) + " -c 'import aiosmtpd'").exit_code == 0) return py;
  return "";
}

class SmtpSink {
 public:
  SmtpSink(const fs::path& dir, const std::string& python, const std::string& extra = "") : dir_(dir) {
    fs::create_directories(dir_ / "mail");
    auto r = bt::run(python + " " + bt::quote(bt::source_dir() / "tests/support/smtp_sink.py") + " --port-file " +
                     bt::quote(dir_ / "port") + " --out-dir " + bt::quote(dir_ / "mail") + " " + extra + " >" +
                     bt::quote(dir_ / "sink.log") + " 2>&1 & echo $!");
    pid_ = std::stoi(r.out);
    // Wait for the server to listen (it writes the port file then); give up after 20 s.
    for (int i = 0; i < 400 && !fs::exists(dir_ / "port"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::string log = "SMTP sink did not start: " + bt::read_file(dir_ / "sink.log");
    REQUIRE_MESSAGE(fs::exists(dir_ / "port"), log);
    port_ = bt::read_file(dir_ / "port");
  }
  ~SmtpSink() { ::kill(pid_, SIGTERM); }
  std::string url() const { return "smtp://127.0.0.1:" + port_; }
  fs::path message(int n) const { return dir_ / "mail" / ("msg-" + std::to_string(n)); }
  int received() const {
    int n = 0;
    while (fs::exists(message(n + 1))) ++n;
    return n;
  }

 private:
  fs::path dir_;
  int pid_ = 0;
  std::string port_;
};

const fs::path& sample_db() {
  static const fs::path path = [] {
    fs::path db = bt::scratch_dir("mail-sample") / "demo.db";
    auto r = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --interactions 20000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
  }();
  return path;
}

std::string report_command(const fs::path& out, const std::string& extra) {
  return bt::binary() + " report --db " + bt::quote(sample_db()) + " --period 2026-10 --as-of 2026-11-02" +
         " --org 'Nørre Ålbæk Energi A/S' --out " + bt::quote(out) + " --mail-from briefings@example.com " + extra;
}

// The decoded text part without the CRs of its canonical CRLF form (RFC 2045 §6.8).
std::string body_text(const fs::path& message) {
  std::string out;
  for (char c : bt::read_file(message / "body.txt"))
    if (c != '\r') out += c;
  return out;
}

// A loopback port where nothing listens: bound (so the kernel picks a free one), then closed.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

// The "sentence" values of --findings-json in rank order, with the PDF's emphasis markers removed.
std::vector<std::string> json_sentences(const fs::path& json) {
  std::string text = bt::read_file(json);
  std::vector<std::string> out;
  const std::string key = "\"sentence\" : \"";
  for (std::size_t at = 0; (at = text.find(key, at)) != std::string::npos;) {
    at += key.size();
    std::string s = text.substr(at, text.find('"', at) - at);
    std::string plain;
    for (char c : s)
      if (c != '*') plain += c;
    out.push_back(plain);
  }
  return out;
}

// A self-signed certificate for 127.0.0.1 (the test's own CA), made with openssl once per
// process; empty when openssl is missing.
fs::path test_certificate() {
  static const fs::path dir = [] {
    fs::path d = bt::scratch_dir("mail-cert");
    auto r = bt::run("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + bt::quote(d / "key.pem") + " -out " +
                     bt::quote(d / "cert.pem") + " -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1");
    return r.exit_code == 0 ? d : fs::path();
  }();
  return dir;
}

std::string tls_server(const std::string& mode) {
  fs::path d = test_certificate();
  return "--tls " + mode + " --cert " + bt::quote(d / "cert.pem") + " --key " + bt::quote(d / "key.pem");
}

#define SKIP_WITHOUT_OPENSSL()                                                            \
  if (test_certificate().empty()) {                                                       \
    MESSAGE("SKIPPED: openssl cannot make a test certificate (apt-get install openssl)"); \
    return;                                                                               \
  }

#define SKIP_WITHOUT_AIOSMTPD(python)                                                              \
  std::string python = python_with_aiosmtpd();                                                     \
  if (python.empty()) {                                                                            \
    MESSAGE("SKIPPED: no python3 with aiosmtpd (apt-get install python3-aiosmtpd, or make deps)"); \
    return;                                                                                        \
  }

}  // namespace

TEST_SUITE("delivery") {
  TEST_CASE("a Danish briefing reaches two recipients: headers, body findings and PDF bytes as sent") {
    SKIP_WITHOUT_AIOSMTPD(python);
    fs::path dir = bt::scratch_dir("mail-da");
    SmtpSink sink(dir / "sink", python);
    fs::path out = dir / "out";
    fs::create_directories(out);
    auto r = bt::run(report_command(out.string() + "/",
                                    "--lang da --mail-to board@example.com --mail-to "
                                    "'chair@example.com, cfo@example.com' --smtp " +
                                        sink.url()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("mailed " + (out / "briefing-2026-10.pdf").string()) != std::string::npos);
    REQUIRE(sink.received() == 1);
    fs::path m = sink.message(1);
    CHECK(bt::read_file(m / "defects.txt") == "");
    CHECK(bt::read_file(m / "envelope_from") == "briefings@example.com");
    CHECK(bt::read_file(m / "envelope_to") == "board@example.com\nchair@example.com\ncfo@example.com");
    CHECK(bt::read_file(m / "from") == "briefings@example.com");
    CHECK(bt::read_file(m / "to") == "board@example.com, chair@example.com, cfo@example.com");
    CHECK(bt::read_file(m / "subject") == "Bestyrelsesorientering – oktober 2026 – Nørre Ålbæk Energi A/S");
    std::string body = body_text(m);
    CHECK(body.rfind("Bestyrelsesorienteringen for oktober 2026 er vedhæftet (briefing-2026-10.pdf).", 0) == 0);
    CHECK(body.find("Det bør bestyrelsen vide:") != std::string::npos);
    CHECK(body.find("**") == std::string::npos);
    CHECK(bt::read_file(m / "attachment.name") == "briefing-2026-10.pdf");
    CHECK(bt::read_file(m / "attachment.type") == "application/pdf");
    std::string pdf = bt::read_file(out / "briefing-2026-10.pdf");
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(bt::read_file(m / "attachment.bin") == pdf);
  }

  TEST_CASE("the English body lists the summary findings of --findings-json, in rank order, without markers") {
    SKIP_WITHOUT_AIOSMTPD(python);
    fs::path dir = bt::scratch_dir("mail-en");
    SmtpSink sink(dir / "sink", python);
    auto r = bt::run(report_command(dir / "b.pdf", "--findings-json " + bt::quote(dir / "f.json") +
                                                       " --mail-to board@example.com --smtp " + sink.url()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    REQUIRE(sink.received() == 1);
    CHECK(bt::read_file(sink.message(1) / "subject") == "Board briefing – October 2026 – Nørre Ålbæk Energi A/S");
    // "wrote … (N pages, K findings in the summary, …)": the body lists exactly those K.
    auto at = r.err.find(" findings in the summary");
    REQUIRE(at != std::string::npos);
    int summary = std::stoi(r.err.substr(r.err.rfind(' ', at - 1) + 1));
    REQUIRE(summary > 0);
    auto sentences = json_sentences(dir / "f.json");
    REQUIRE(static_cast<int>(sentences.size()) >= summary);
    std::string body = body_text(sink.message(1));
    CHECK(body.find("What the board should know:") != std::string::npos);
    for (int i = 0; i < summary; ++i)
      CHECK_MESSAGE(body.find(std::to_string(i + 1) + ". " + sentences[i] + "\n") != std::string::npos, sentences[i]);
    CHECK(body.find(std::to_string(summary + 1) + ". ") == std::string::npos);
    CHECK(bt::read_file(sink.message(1) / "attachment.bin") == bt::read_file(dir / "b.pdf"));
  }

  TEST_CASE("the body lists page 1's key figures (value and changes) as the PDF shows them, before the findings") {
    SKIP_WITHOUT_AIOSMTPD(python);
    fs::path dir = bt::scratch_dir("mail-figures");
    SmtpSink sink(dir / "sink", python);
    auto r = bt::run(report_command(dir / "b.pdf", "--mail-to board@example.com --smtp " + sink.url()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    REQUIRE(sink.received() == 1);
    std::string body = body_text(sink.message(1));
    INFO(body);
    const auto heading = body.find("\nKey figures:\n");
    REQUIRE(heading != std::string::npos);
    CHECK(heading < body.find("What the board should know:"));
    // The PDF's text with no-break spaces as spaces, one line: every figure must be in it.
    std::string pdf = bt::run("pdftotext -enc UTF-8 " + bt::quote(dir / "b.pdf") + " -").out;
    for (std::size_t at = pdf.find("\u00A0"); at != std::string::npos; at = pdf.find("\u00A0", at))
      pdf.replace(at, 2, " ");
    std::istringstream lines(body.substr(heading + 14));
    std::string line;
    int figures = 0;
    while (std::getline(lines, line) && line.rfind("- ", 0) == 0) {
      ++figures;
      CAPTURE(line);
      const auto colon = line.find(": ");
      REQUIRE(colon != std::string::npos);
      CHECK(pdf.find(line.substr(2, colon - 2)) != std::string::npos);  // the tile's label
      const std::string rest = line.substr(colon + 2);
      std::string value = rest.substr(0, rest.find_first_of(",;("));
      while (!value.empty() && value.back() == ' ') value.pop_back();
      CHECK(pdf.find(value) != std::string::npos);    // its value
      CHECK(rest.find(" vs ") != std::string::npos);  // a change, or why there is none
    }
    CHECK(figures >= 4);
  }

  TEST_CASE("a refused recipient: exit 5 with the server's reply, the PDF stays on disk, nothing delivered") {
    SKIP_WITHOUT_AIOSMTPD(python);
    fs::path dir = bt::scratch_dir("mail-refused");
    SmtpSink sink(dir / "sink", python, "--refuse gone@example.com");
    auto r =
        bt::run(report_command(dir / "b.pdf", "--mail-to board@example.com,gone@example.com --smtp " + sink.url()));
    CHECK(r.exit_code == 5);
    CHECK_MESSAGE(r.err.find("550 5.1.1 <gone@example.com>: mailbox unavailable") != std::string::npos, r.err);
    CHECK(r.err.find((dir / "b.pdf").string()) != std::string::npos);
    CHECK(bt::read_file(dir / "b.pdf").rfind("%PDF-", 0) == 0);
    CHECK(bt::run("qpdf --check " + bt::quote(dir / "b.pdf")).exit_code == 0);
    CHECK(sink.received() == 0);
  }

  TEST_CASE("no server listening: exit 5 naming the server, the PDF stays on disk") {
    fs::path dir = bt::scratch_dir("mail-closed");
    std::string url = "smtp://127.0.0.1:" + std::to_string(closed_port());
    auto r = bt::run(report_command(dir / "b.pdf", "--mail-to board@example.com --smtp " + url));
    CHECK(r.exit_code == 5);
    CHECK_MESSAGE(r.err.find("boardbrief: error: mail not sent: " + url + ": ") != std::string::npos, r.err);
    CHECK(r.err.find("connect") != std::string::npos);
    CHECK(bt::read_file(dir / "b.pdf").rfind("%PDF-", 0) == 0);
  }

  TEST_CASE("credentials on a server without STARTTLS: no password in clear text, exit 5, nothing delivered") {
    SKIP_WITHOUT_AIOSMTPD(python);
    fs::path dir = bt::scratch_dir("mail-cleartext");
    SmtpSink sink(dir / "sink", python);
    auto r = bt::run("BOARDBRIEF_SMTP_USER=briefings BOARDBRIEF_SMTP_PASSWORD=secret " +
                     report_command(dir / "b.pdf", "--mail-to board@example.com --smtp " + sink.url()));
    CHECK(r.exit_code == 5);
    CHECK_MESSAGE(r.err.find("STARTTLS") != std::string::npos, r.err);
    CHECK(sink.received() == 0);
    CHECK(fs::exists(dir / "b.pdf"));
  }

  TEST_CASE("smtp:// uses STARTTLS when offered and checks the certificate: an untrusted one stops the send") {
    SKIP_WITHOUT_AIOSMTPD(python);
    SKIP_WITHOUT_OPENSSL();
    fs::path dir = bt::scratch_dir("mail-starttls-untrusted");
    SmtpSink sink(dir / "sink", python, tls_server("starttls"));
    auto r = bt::run(report_command(dir / "b.pdf", "--mail-to board@example.com --smtp " + sink.url()));
    CHECK(r.exit_code == 5);
    CHECK_MESSAGE(r.err.find("SSL certificate problem") != std::string::npos, r.err);
    CHECK(sink.received() == 0);
    CHECK(fs::exists(dir / "b.pdf"));
  }

  TEST_CASE("STARTTLS with the company CA (--smtp-cacert) and a login from the credentials file is delivered") {
    SKIP_WITHOUT_AIOSMTPD(python);
    SKIP_WITHOUT_OPENSSL();
    fs::path dir = bt::scratch_dir("mail-starttls-auth");
    SmtpSink sink(dir / "sink", python, tls_server("starttls") + " --login briefings:s3cret");
    fs::path cred = dir / "smtp-credentials";
    std::ofstream(cred) << "briefings\ns3cret\n";
    fs::permissions(cred, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    std::string args = "--mail-to board@example.com --smtp " + sink.url() + " --smtp-cacert " +
                       bt::quote(test_certificate() / "cert.pem");
    auto r = bt::run(report_command(dir / "b.pdf", args + " --smtp-credentials " + bt::quote(cred)));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    REQUIRE(sink.received() == 1);
    CHECK(bt::read_file(sink.message(1) / "auth_user") == "briefings");
    CHECK(bt::read_file(sink.message(1) / "attachment.bin") == bt::read_file(dir / "b.pdf"));

    // The same from the environment, with a wrong password: the server's 535 reply, exit 5.
    auto wrong =
        bt::run("BOARDBRIEF_SMTP_USER=briefings BOARDBRIEF_SMTP_PASSWORD=guess " + report_command(dir / "c.pdf", args));
    CHECK(wrong.exit_code == 5);
    CHECK_MESSAGE(wrong.err.find("server replied: '535") != std::string::npos, wrong.err);
    CHECK(sink.received() == 1);
    // No login at all on a server that wants one: its 530 reply.
    auto none = bt::run(report_command(dir / "d.pdf", args));
    CHECK(none.exit_code == 5);
    CHECK_MESSAGE(none.err.find("server replied: '530") != std::string::npos, none.err);
  }

  TEST_CASE("smtps:// speaks TLS from the start: delivered with the CA, refused without it") {
    SKIP_WITHOUT_AIOSMTPD(python);
    SKIP_WITHOUT_OPENSSL();
    fs::path dir = bt::scratch_dir("mail-smtps");
    SmtpSink sink(dir / "sink", python, tls_server("implicit"));
    std::string url = "smtps://127.0.0.1:" + sink.url().substr(sink.url().rfind(':') + 1);
    auto untrusted = bt::run(report_command(dir / "a.pdf", "--mail-to board@example.com --smtp " + url));
    CHECK(untrusted.exit_code == 5);
    CHECK(sink.received() == 0);
    auto r = bt::run(report_command(dir / "b.pdf", "--mail-to board@example.com --smtp " + url + " --smtp-cacert " +
                                                       bt::quote(test_certificate() / "cert.pem")));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    REQUIRE(sink.received() == 1);
    CHECK(bt::read_file(sink.message(1) / "attachment.bin") == bt::read_file(dir / "b.pdf"));
  }

  TEST_CASE("the mail is sent only after the PDF was written") {
    SKIP_WITHOUT_AIOSMTPD(python);
    fs::path dir = bt::scratch_dir("mail-no-pdf");
    SmtpSink sink(dir / "sink", python);
    auto r = bt::run(report_command(dir / "missing-dir" / "b.pdf", "--mail-to board@example.com --smtp " + sink.url()));
    CHECK(r.exit_code == 4);
    CHECK(sink.received() == 0);
  }

  TEST_CASE("a credentials file readable by others stops the run before any output (exit 2)") {
    fs::path dir = bt::scratch_dir("mail-credentials");
    fs::path cred = dir / "smtp-credentials";
    std::ofstream(cred) << "briefings\nsecret\n";
    fs::permissions(cred, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    std::string args = "--mail-to board@example.com --smtp smtp://127.0.0.1:1 --smtp-credentials " + bt::quote(cred);
    auto r = bt::run(report_command(dir / "b.pdf", args));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "boardbrief: error: --smtp-credentials '" + cred.string() +
                       "': other users may read it; chmod 600 (or 640) the file\n");
    CHECK_FALSE(fs::exists(dir / "b.pdf"));

    std::ofstream(cred, std::ios::trunc) << "briefings\n";
    fs::permissions(cred, fs::perms::owner_read | fs::perms::owner_write);
    r = bt::run(report_command(dir / "b.pdf", args));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("line 2 must hold the SMTP password") != std::string::npos);
  }

  TEST_CASE("mail options are checked before any work (exit 2)") {
    fs::path dir = bt::scratch_dir("mail-usage");
    struct Case {
      std::string args, message;
    };
    for (const Case& c : std::vector<Case>{
             {"--mail-to board@example.com", "--mail-to needs --smtp"},
             {"--mail-to 'board@example.com,' --smtp smtp://h:25", "empty address"},
             {"--mail-to 'Board <b@example.com>' --smtp smtp://h:25", "not a mail address"},
             {"--mail-to \"$(printf 'b@example.com\\r\\nBcc: x@example.com')\" --smtp smtp://h:25",
              "not a mail address"},
             {"--mail-to b@example.com --smtp http://h:25", "use smtp://host:port or smtps://host:port"},
             {"--mail-to b@example.com --smtp smtp://user:pw@h:25", "credentials do not belong on the command line"},
             {"--smtp smtp://h:25", "need --mail-to"},
             {"--mail-to b@example.com --smtp smtp://h:25x", "--smtp 'smtp://h:25x': Port number"},
         }) {
      auto r = bt::run(report_command(dir / "b.pdf", c.args));
      CHECK_MESSAGE(r.exit_code == 2, c.args);
      CHECK_MESSAGE(r.err.find(c.message) != std::string::npos, r.err);
      CHECK_FALSE(fs::exists(dir / "b.pdf"));
    }
  }
}
