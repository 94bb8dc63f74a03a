// The report template (templates/board.toml): which sections a briefing has and the settings
// of its findings. Read with toml++; every problem names the file, line and column.
#pragma once

#include <string>

namespace boardbrief::options {

struct TemplateSpec {
  int summary_findings = 5;        // 1..5
  int response_window_hours = 72;  // 1..720
  bool dialogue_section = true;
};

// Throws DataError "<path>:<line>:<column>: <what>" for a syntax error, an unknown table or key,
// a value of the wrong type or out of range; "<path>: cannot read the template" when unreadable.
TemplateSpec load_template(const std::string& path);

}  // namespace boardbrief::options
