#include "importer/csv_reader.h"

#include <csv.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/error.h"

namespace boardbrief::importer {

namespace {

constexpr std::size_t kBlockBytes = 1 << 16;

// Only LF ends a record: the twcs export has bare CRs inside unquoted text fields, which
// libcsv's default (CR or LF) would split into two records. The CR of a CRLF line end is then
// trimmed like a trailing space.
int is_terminator(unsigned char c) { return c == '\n'; }
int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }
int is_space_not_tab(unsigned char c) { return c == ' ' || c == '\r'; }

bool is_blank_line(const char* s, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (s[i] != '\n' && s[i] != '\r') return false;
  return true;
}

}  // namespace

struct CsvReader::Impl {
  std::string path;
  std::ifstream in;
  csv_parser parser{};
  std::uintmax_t size = 0;
  std::uintmax_t consumed = 0;
  std::size_t line = 1;         // line of the next byte fed to the parser
  bool in_record = false;       // bytes of the current record have been fed
  std::size_t record_line = 0;  // where the current record started
  // Records of the last block, filled from libcsv's callbacks and handed out by next(), which
  // swaps them with the caller's record: the slots and their strings are reused from block to
  // block, so a record costs no allocation once the strings have grown to the fields' sizes.
  std::vector<CsvRecord> ready;
  std::size_t ready_count = 0, taken = 0;
  std::size_t field_count = 0;  // fields of the record being read
  std::string block;
  bool first_block = true;
  bool finished = false;

  // libcsv calls these from C frames: they only append, never throw out (a failed allocation
  // terminates, as it would anywhere else).
  CsvRecord& building() {
    if (ready_count == ready.size()) ready.emplace_back();
    return ready[ready_count];
  }
  static void on_field(void* data, std::size_t len, void* self) noexcept {
    auto* impl = static_cast<Impl*>(self);
    auto& fields = impl->building().fields;
    const char* text = static_cast<const char*>(data ? data : "");
    if (impl->field_count < fields.size())
      fields[impl->field_count].assign(text, len);
    else
      fields.emplace_back(text, len);
    ++impl->field_count;
  }
  static void on_record(int, void* self) noexcept {
    auto* impl = static_cast<Impl*>(self);
    CsvRecord& r = impl->building();
    r.fields.resize(impl->field_count);
    r.line = impl->record_line;
    ++impl->ready_count;
    impl->field_count = 0;
    impl->in_record = false;
  }

  [[noreturn]] void malformed(std::size_t at_line, const std::string& what) {
    throw DataError(path + ":" + std::to_string(at_line) + ": malformed CSV: " + what);
  }

  // Feeds one segment that ends at a line break (or at the end of a block), so that a record
  // completes in the segment holding its final line break and line numbers stay exact.
  void feed(const char* s, std::size_t n) {
    if (!in_record && !is_blank_line(s, n)) {
      in_record = true;
      record_line = line;
    }
    if (csv_parse(&parser, s, n, &Impl::on_field, &Impl::on_record, this) != n) {
      if (csv_error(&parser) == CSV_EPARSE)
        malformed(line, "a quote inside an unquoted field, or text after a closing quote");
      malformed(line, csv_strerror(csv_error(&parser)));
    }
  }

  void read_block() {
    block.resize(kBlockBytes);
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    block.resize(static_cast<std::size_t>(in.gcount()));
    consumed += block.size();
    std::size_t start = 0;
    if (first_block) {
      first_block = false;
      if (block.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
    }
    while (start < block.size()) {
      const void* nl = std::memchr(block.data() + start, '\n', block.size() - start);
      std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - block.data()) + 1 : block.size();
      feed(block.data() + start, end - start);
      if (nl) ++line;
      start = end;
    }
    if (!in) {
      if (csv_fini(&parser, &Impl::on_field, &Impl::on_record, this) != 0)
        malformed(record_line, "a quoted field is not closed at the end of the file");
      finished = true;
    }
  }
};

CsvReader::CsvReader(const std::string& path, char delimiter) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw DataError("cannot open '" + path + "': it is a directory");
  impl_->in.open(path, std::ios::binary);
  if (!impl_->in) throw DataError("cannot open '" + path + "': " + std::strerror(errno));
  impl_->size = std::filesystem::file_size(path, ec);
  if (csv_init(&impl_->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
  csv_set_delim(&impl_->parser, static_cast<unsigned char>(delimiter));
  csv_set_term_func(&impl_->parser, &is_terminator);
  csv_set_space_func(&impl_->parser, delimiter == '\t' ? &is_space_not_tab : &is_space);
}

CsvReader::~CsvReader() { csv_free(&impl_->parser); }

bool CsvReader::next(CsvRecord& record) {
  auto& i = *impl_;
  while (i.taken == i.ready_count && !i.finished) {
    // A record still open at the end of the last block keeps its fields read so far.
    if (i.field_count > 0) std::swap(i.ready[0], i.ready[i.ready_count]);
    i.taken = i.ready_count = 0;
    i.read_block();
  }
  if (i.taken == i.ready_count) return false;
  std::swap(record, i.ready[i.taken++]);
  return true;
}

std::uintmax_t CsvReader::bytes_read() const { return impl_->consumed; }
std::uintmax_t CsvReader::file_size() const { return impl_->size; }
const std::string& CsvReader::path() const { return impl_->path; }

}  // namespace boardbrief::importer
