// Reads CSV files (RFC 4180: quoted fields with commas, doubled quotes and line breaks) record
// by record, with the physical line each record starts on, for error messages. libcsv does
// the parsing; it stays in this folder.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace boardbrief::importer {

struct CsvRecord {
  std::size_t line = 0;  // 1-based physical line of the record's first character
  std::vector<std::string> fields;
};

// Pulls records from one file. Only LF ends a record (the CR of CRLF is trimmed; a bare CR
// inside an unquoted field is kept, so CR-only files are one record). Blank lines are skipped;
// a UTF-8 byte order mark at the start is dropped; spaces and tabs around unquoted fields are
// trimmed (libcsv's default). Memory does not grow with the file (it is read in blocks).
class CsvReader {
 public:
  // Throws DataError("cannot open '<path>': <reason>").
  explicit CsvReader(const std::string& path, char delimiter = ',');
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Fills `record` with the next record; false at the end of the file. Throws
  // DataError("<path>:<line>: malformed CSV: ...") for a stray quote (strict RFC 4180) or a
  // quoted field still open at the end of the file.
  bool next(CsvRecord& record);

  std::uintmax_t bytes_read() const;
  std::uintmax_t file_size() const;
  const std::string& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace boardbrief::importer
