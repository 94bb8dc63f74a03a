// SMTP credentials, never from the command line: a file (--smtp-credentials) or the
// environment (BOARDBRIEF_SMTP_USER, BOARDBRIEF_SMTP_PASSWORD).
#pragma once

#include <optional>
#include <string>

namespace boardbrief::delivery {

struct Credentials {
  std::string user;
  std::string password;
};

// The file holds the user name on line 1 and the password on line 2 (a trailing CR is
// dropped; nothing is trimmed otherwise). It must not grant any permission to others
// (chmod 600 or 640), like ssh's private keys. Without a file, the environment variables;
// neither set = no authentication (nullopt).
// Throws UsageError naming the file or variable: unreadable, readable by others, no user
// name, no password line, a password variable without a user variable.
std::optional<Credentials> load_credentials(const std::string& file);

}  // namespace boardbrief::delivery
