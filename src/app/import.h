// The `import metrics` and `import interactions` commands: CSV files -> importer -> store.
#pragma once

#include "base/error.h"
#include "options/import_options.h"

namespace boardbrief::app {

// Imports each file in its own transaction and prints a summary per file on stdout (errors with
// file:line:column on stderr, a progress bar on stderr when it is a terminal). Throws
// DataError("<n> of <m> files not imported: ...") after the other files were imported when a
// file had bad data, UsageError for a bad mapping, OutputError when the database cannot be
// written.
ExitCode run_import(const options::ImportOptions& o);

}  // namespace boardbrief::app
