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

// One type per exit code, so a catch can tell them apart.
template <ExitCode Code>
class CodedError : public Error {
 public:
  explicit CodedError(const std::string& m) : Error(Code, m) {}
};

// Bad command line, config file, period syntax, time zone name.
using UsageError = CodedError<ExitCode::Usage>;
// The database, a template, a language file or a font is missing, malformed or breaks the contract.
using DataError = CodedError<ExitCode::Data>;
// The output file could not be written.
using OutputError = CodedError<ExitCode::Output>;
// The mail could not be sent (SMTP refused, unreachable, TLS or authentication failure).
// The PDF is already on disk when this is thrown.
using DeliveryError = CodedError<ExitCode::Delivery>;

}  // namespace boardbrief
