// The report's output paths: where --out puts the PDF, and the refusal of any output that would
// overwrite the database, one of its journal files or another output of the same run
// (docs/errors.md, "Output files").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/period.h"

namespace boardbrief::app {

// The PDF's path: a directory (existing, or named with a trailing slash) gets
// briefing-<period>.pdf. A name that exists nowhere and has no extension ("reports") is refused
// (UsageError) with a hint: it is more likely a directory not yet made than a file name.
std::string pdf_path(const std::string& out, const model::Period& p);

// Throws UsageError (exit 2) when the PDF or the JSON (empty: none) is, after resolving links
// and "..", the database, its -wal, -shm or -journal file, or the other output; OutputError
// (exit 4) when an output cannot be written at all (missing directory, socket, ...). Runs
// before any work, so a mistake costs nothing.
void check_outputs(const std::string& db, const std::string& pdf, const std::string& json);

// Throws UsageError when the PDF or the JSON is one of the run's input files (`inputs`: what
// it is, e.g. "the template", and its path; empty paths are skipped): writing the briefing
// over its own template or logo would lose the user's file.
void check_not_inputs(const std::string& pdf, const std::string& json,
                      const std::vector<std::pair<std::string, std::string>>& inputs);

}  // namespace boardbrief::app
