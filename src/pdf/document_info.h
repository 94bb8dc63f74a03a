// The PDF Info dictionary. Internal to the pdf backend.
#pragma once

#include "pdf/haru_doc.h"
#include "pdf/pdf_writer.h"

namespace boardbrief::pdf {

// Sets Title, Author, Subject, Keywords and Creator from `info` (UTF-8; empty ones are left
// out), Producer to "boardbrief" (libharu's default names its version, which would make the
// bytes depend on the installed library) and CreationDate = ModDate = info.created in UTC.
// REQUIRES: the document's current encoder is UTF-8 (strings are encoded at the call).
// Throws OutputError if libharu rejects a value (e.g. a year it cannot represent).
void set_document_info(HaruDoc& doc, const DocumentInfo& info);

}  // namespace boardbrief::pdf
