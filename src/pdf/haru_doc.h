// Owns one libharu document and the slot its error callback writes into. libharu reports
// errors through a C callback; ours only records the first one (it must neither throw nor
// longjmp through C frames), and check() turns it into an exception on the C++ side.
// Internal to the pdf backend.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <type_traits>

namespace boardbrief::pdf {

struct HaruErrorSlot {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

class HaruDoc {
 public:
  // Creates the document with compression for everything that is created later (libharu fixes
  // the filter of each object when it is created, so this must come before any page or font)
  // and the UTF-8 encoder as the current encoder. Throws OutputError if libharu fails.
  HaruDoc();
  // Not movable: libharu keeps the address of error_ as its callback's user data.
  HaruDoc(const HaruDoc&) = delete;
  HaruDoc& operator=(const HaruDoc&) = delete;

  HPDF_Doc get() const { return doc_.get(); }

  bool failed() const { return error_.code != HPDF_OK; }
  // "<what>: libharu error 0x1017 (detail 2)" for the first recorded error.
  std::string describe_error(const std::string& what) const;
  // Throws OutputError(describe_error(what)) if any libharu call has failed so far.
  void check(const std::string& what) const;

 private:
  struct Free {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
  };
  HaruErrorSlot error_;
  // A member, so a throw from the constructor's body still frees the document.
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, Free> doc_;
};

}  // namespace boardbrief::pdf
