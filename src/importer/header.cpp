#include "importer/header.h"

#include "base/error.h"
#include "importer/values.h"

namespace boardbrief::importer {

namespace {

std::string trimmed_lower(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  std::size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : lower(s.substr(b, e - b + 1));
}

}  // namespace

std::optional<std::size_t> Header::find(const std::string& name) const {
  if (name.empty()) return std::nullopt;
  const auto& f = record_.fields;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f[i] == name) return i;
  const std::string want = trimmed_lower(name);
  for (std::size_t i = 0; i < f.size(); ++i)
    if (trimmed_lower(f[i]) == want) return i;
  return std::nullopt;
}

std::size_t Header::require(const std::string& name, const std::string& hint) const {
  if (auto i = find(name)) return *i;
  std::string list;
  for (const auto& n : record_.fields) list += (list.empty() ? "" : ", ") + n;
  throw DataError(path_ + ":" + std::to_string(record_.line) + ": no column '" + name + "'" +
                  (hint.empty() ? "" : " " + hint) + " (columns: " + list + ")");
}

Header read_header(CsvReader& reader) {
  CsvRecord r;
  if (!reader.next(r)) throw DataError(reader.path() + ": the file is empty (no header row)");
  return Header(reader.path(), std::move(r));
}

}  // namespace boardbrief::importer
