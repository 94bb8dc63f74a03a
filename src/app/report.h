// The `report` and `check` commands.
#pragma once

#include "base/error.h"
#include "options/config.h"

namespace boardbrief::app {

// Reads the database, analyses the period and writes the PDF (and JSON) atomically.
ExitCode run_report(const options::ReportOptions& o);

// Checks the data contract and coverage; prints a report to stdout. Returns Data (3) when
// the contract is broken, Ok otherwise.
ExitCode run_check(const options::CheckOptions& o);

}  // namespace boardbrief::app
