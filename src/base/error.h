// The error vocabulary: one exception type per boundary, each carrying its exit code.
// main() is the only place that catches them and turns them into a process exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace boardbrief {

// Exit codes for schedulers (documented in docs/errors.md and the man page).
enum class ExitCode : int {
  Ok = 0,
  Internal = 1,  // a bug in boardbrief
  Usage = 2,     // bad command line, config file or template option
  Data = 3,      // the database or its contents break the data contract
  Output = 4,    // the PDF (or JSON) could not be written
  Delivery = 5,  // the mail was not sent; the PDF stays on disk
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode exit_code() const { return code_; }

 private:
  ExitCode code_;
};

// Bad command line, config file, period syntax, time zone name.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& m) : Error(ExitCode::Usage, m) {}
};

// The database, a template, a language file or a font is missing, malformed or breaks the contract.
class DataError : public Error {
 public:
  explicit DataError(const std::string& m) : Error(ExitCode::Data, m) {}
};

// The output file could not be written.
class OutputError : public Error {
 public:
  explicit OutputError(const std::string& m) : Error(ExitCode::Output, m) {}
};

// The mail could not be sent (SMTP refused, unreachable, TLS or authentication failure).
// The PDF is already on disk when this is thrown.
class DeliveryError : public Error {
 public:
  explicit DeliveryError(const std::string& m) : Error(ExitCode::Delivery, m) {}
};

}  // namespace boardbrief
