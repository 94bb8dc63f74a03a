// boardbrief: parse options, run, map failures to exit codes. Nothing else lives here.
#include <exception>
#include <iostream>

#include "app/run.h"
#include "base/error.h"
#include "base/quote.h"
#include "options/config.h"

int main(int argc, char** argv) {
  try {
    return static_cast<int>(boardbrief::app::run(boardbrief::options::parse_command_line(argc, argv)));
  } catch (const boardbrief::Error& e) {
    // Messages embed database, CSV and server text: one_line() keeps each one line (base/quote.h).
    std::cerr << "boardbrief: error: " << boardbrief::one_line(e.what()) << '\n';
    return static_cast<int>(e.exit_code());
  } catch (const std::exception& e) {
    std::cerr << "boardbrief: internal error: " << boardbrief::one_line(e.what()) << '\n';
    return static_cast<int>(boardbrief::ExitCode::Internal);
  }
}
