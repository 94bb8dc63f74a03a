// One mail as plain values: who, the subject and body in UTF-8, and one attachment.
// Built by app/deliver from the report; turned into MIME by mime.h and sent by smtp.h.
#pragma once

#include <string>
#include <vector>

namespace boardbrief::delivery {

struct Attachment {
  std::string file_name;     // as the recipient sees it, e.g. "briefing-2026-10.pdf"
  std::string content_type;  // e.g. "application/pdf"
  std::string bytes;
};

struct Message {
  std::string from;             // bare address, checked by options
  std::vector<std::string> to;  // bare addresses, at least one
  std::string subject;          // UTF-8, may be non-ASCII
  std::string body;             // UTF-8 plain text, lines separated by '\n'
  Attachment attachment;
};

}  // namespace boardbrief::delivery
