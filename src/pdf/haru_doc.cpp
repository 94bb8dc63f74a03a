#include "pdf/haru_doc.h"

#include <cstdio>

#include "base/error.h"

namespace boardbrief::pdf {

namespace {

// Called from inside libharu's C code: records the first error only, because one failure is
// followed by a cascade of HPDF_INVALID_DOCUMENT from every later call.
void HPDF_STDCALL record_haru_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) noexcept {
  auto* slot = static_cast<HaruErrorSlot*>(user);
  if (slot->code == HPDF_OK) {
    slot->code = code;
    slot->detail = detail;
  }
}

}  // namespace

HaruDoc::HaruDoc() : doc_(HPDF_New(record_haru_error, &error_)) {
  if (doc_ == nullptr) throw OutputError("cannot create a PDF document: out of memory");
  HPDF_SetCompressionMode(get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(get());
  // Also makes the document-info strings and outline titles UTF-16BE.
  HPDF_SetCurrentEncoder(get(), "UTF-8");
  check("setting up the PDF document");
}

std::string HaruDoc::describe_error(const std::string& what) const {
  char code[64];
  std::snprintf(code, sizeof code, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error_.code),
                static_cast<unsigned>(error_.detail));
  return what + ": " + code;
}

void HaruDoc::check(const std::string& what) const {
  if (failed()) throw OutputError(describe_error(what));
}

}  // namespace boardbrief::pdf
