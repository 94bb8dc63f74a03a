#include "delivery/credentials.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/error.h"
#include "base/input_file.h"

namespace boardbrief::delivery {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> line(std::istream& in) {
  std::string s;
  if (!std::getline(in, s)) return std::nullopt;
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

}  // namespace

std::optional<Credentials> load_credentials(const std::string& file) {
  if (file.empty()) {
    const char* user = std::getenv("BOARDBRIEF_SMTP_USER");
    const char* password = std::getenv("BOARDBRIEF_SMTP_PASSWORD");
    if (user && *user) return Credentials{user, password ? password : ""};
    if (password && *password) throw UsageError("BOARDBRIEF_SMTP_PASSWORD is set but BOARDBRIEF_SMTP_USER is not");
    return std::nullopt;
  }
  const std::string name = "--smtp-credentials '" + file + "'";
  std::error_code ec;
  auto status = fs::status(file, ec);
  if (ec || !fs::exists(status)) throw UsageError(name + ": no such file");
  check_input_file(file, {"--smtp-credentials", 64 * 1024, ExitCode::Usage});  // a FIFO would block
  auto others = fs::perms::others_read | fs::perms::others_write | fs::perms::others_exec;
  if ((status.permissions() & others) != fs::perms::none)
    throw UsageError(name + ": other users may read it; chmod 600 (or 640) the file");
  std::ifstream in(file);
  if (!in) throw UsageError(name + ": cannot open the file for reading");
  Credentials c;
  auto user = line(in);
  if (!user || user->empty()) throw UsageError(name + ": line 1 must hold the SMTP user name");
  auto password = line(in);
  if (!password) throw UsageError(name + ": line 2 must hold the SMTP password");
  c.user = *user;
  c.password = *password;
  return c;
}

}  // namespace boardbrief::delivery
