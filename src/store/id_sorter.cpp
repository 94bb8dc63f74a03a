#include "store/id_sorter.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <tuple>
#include <utility>

#include "base/error.h"

namespace boardbrief::store {

namespace {

// A packed row: id, channel, received, reply, sentiment (8 bytes each), flags, the lengths of
// kind, topic and identity (4 bytes each), then their bytes.
constexpr std::size_t kFixed = 5 * 8 + 1 + 3 * 4;
constexpr std::size_t kRunBuffer = 256 << 10;

template <class T>
void put(std::string& b, T v) {
  b.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <class T>
T get(const char*& p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  p += sizeof v;
  return v;
}

std::size_t packed_size(const char* p) {
  std::uint32_t len[3];
  std::memcpy(len, p + 41, sizeof len);
  return kFixed + len[0] + len[1] + len[2];
}

void unpack(const char* p, SortedInteraction& r) {
  r.id = get<std::int64_t>(p);
  r.channel_id = get<std::int64_t>(p);
  r.received_at = get<std::int64_t>(p);
  const auto reply = get<std::int64_t>(p);
  const auto sentiment = get<double>(p);
  const auto flags = get<std::uint8_t>(p);
  const auto kind = get<std::uint32_t>(p), topic = get<std::uint32_t>(p), identity = get<std::uint32_t>(p);
  r.needs_reply = flags & 1;
  r.first_reply_at = flags & 2 ? std::optional<std::int64_t>(reply) : std::nullopt;
  r.sentiment = flags & 4 ? std::optional<double>(sentiment) : std::nullopt;
  r.kind = std::string_view(p, kind);
  r.topic = std::string_view(p + kind, topic);
  r.identity = std::string_view(p + kind + topic, identity);
}

// Where the runs go: where SQLite puts its own temporary files (SQLITE_TMPDIR, TMPDIR, else /tmp).
std::string temporary_dir() {
  const char* dir = std::getenv("SQLITE_TMPDIR");
  if (!dir || !*dir) dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

}  // namespace

void IdSorter::fail(const std::string& what) const {
  throw OutputError(context_ + "sorting the rows in a temporary file in " + temporary_dir() + ": " + what + ": " +
                    std::strerror(errno));
}

// A temporary file, removed at once so that it goes when it is closed.
std::FILE* IdSorter::temporary_file() const {
  std::string path = temporary_dir() + "/boardbrief-sort-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) fail("creating a file");
  unlink(path.c_str());
  std::FILE* f = fdopen(fd, "w+b");
  if (!f) fail("opening a file");
  return f;
}

// One sorted run in the file, read back through a buffer of its own.
struct IdSorter::Run {
  const IdSorter* owner;
  std::FILE* file;
  std::uint64_t at, end;  // the run's unread bytes in the file
  std::string buf;
  std::size_t pos = 0;
  std::int64_t id = 0;  // of the current row, at buf[pos]

  // Makes the next row current; false at the run's end.
  bool advance(bool first) {
    if (!first) pos += packed_size(buf.data() + pos);
    if (buf.size() - pos < kFixed || buf.size() - pos < packed_size(buf.data() + pos)) {
      if (!fill()) return false;
    }
    std::memcpy(&id, buf.data() + pos, 8);
    return true;
  }
  bool fill() {
    buf.erase(0, pos);
    pos = 0;
    const std::size_t want = std::min<std::uint64_t>(kRunBuffer, end - at);
    if (want == 0) return !buf.empty();
    const std::size_t old = buf.size();
    buf.resize(old + want);
    const ssize_t n = pread(fileno(file), buf.data() + old, want, static_cast<off_t>(at));
    if (n != static_cast<ssize_t>(want)) owner->fail("reading");
    at += want;
    if (buf.size() < kFixed || buf.size() < packed_size(buf.data())) return fill();  // a row over the buffer
    return true;
  }
};

IdSorter::IdSorter(std::string context, std::size_t buffer_bytes)
    : context_(std::move(context)), buffer_bytes_(buffer_bytes) {
  buffer_.reserve(buffer_bytes_ + 4096);
}

IdSorter::~IdSorter() {
  if (file_) std::fclose(file_);
}

void IdSorter::add(const SortedInteraction& r) {
  // A run is written before the buffer would grow: appending past its capacity would copy it
  // into one twice the size.
  const std::size_t size = kFixed + r.kind.size() + r.topic.size() + r.identity.size();
  if (!keys_.empty() && (buffer_.size() >= buffer_bytes_ || buffer_.size() + size > buffer_.capacity())) write_run();
  keys_.emplace_back(r.id, static_cast<std::uint32_t>(buffer_.size()));
  put(buffer_, r.id);
  put(buffer_, r.channel_id);
  put(buffer_, r.received_at);
  put(buffer_, r.first_reply_at.value_or(0));
  put(buffer_, r.sentiment.value_or(0.0));
  put(buffer_, static_cast<std::uint8_t>((r.needs_reply ? 1 : 0) | (r.first_reply_at ? 2 : 0) | (r.sentiment ? 4 : 0)));
  put(buffer_, static_cast<std::uint32_t>(r.kind.size()));
  put(buffer_, static_cast<std::uint32_t>(r.topic.size()));
  put(buffer_, static_cast<std::uint32_t>(r.identity.size()));
  buffer_.append(r.kind);
  buffer_.append(r.topic);
  buffer_.append(r.identity);
  ++added_;
}

// By id, then by position: equal ids keep the order they were added in.
void IdSorter::sort_keys() { std::sort(keys_.begin(), keys_.end()); }

void IdSorter::write_run() {
  if (keys_.empty()) return;
  sort_keys();
  if (!file_) file_ = temporary_file();
  const long start = std::ftell(file_);
  for (const auto& [id, offset] : keys_) {
    const char* p = buffer_.data() + offset;
    if (std::fwrite(p, 1, packed_size(p), file_) != packed_size(p)) fail("writing");
  }
  if (std::fflush(file_) != 0) fail("writing");
  auto run = std::make_unique<Run>();
  run->owner = this;
  run->file = file_;
  run->at = static_cast<std::uint64_t>(start);
  run->end = static_cast<std::uint64_t>(std::ftell(file_));
  runs_.push_back(std::move(run));
  keys_.clear();
  buffer_.clear();
}

void IdSorter::finish() {
  if (runs_.empty()) {  // everything fits in memory: no file
    sort_keys();
    next_key_ = 0;
    return;
  }
  write_run();
  buffer_ = std::string();
  keys_ = {};
  merging_ = true;
  for (std::size_t i = 0; i < runs_.size(); ++i)
    if (runs_[i]->advance(true)) heap_.push_back(i);
  std::make_heap(heap_.begin(), heap_.end(), [&](std::size_t a, std::size_t b) { return later(a, b); });
}

// The heap's order: by id, then by run (an earlier run holds earlier rows).
bool IdSorter::later(std::size_t a, std::size_t b) const {
  return std::tie(runs_[a]->id, a) > std::tie(runs_[b]->id, b);
}

bool IdSorter::next(SortedInteraction& out) {
  if (!merging_) {
    if (next_key_ == keys_.size()) return false;
    unpack(buffer_.data() + keys_[next_key_++].second, out);
    return true;
  }
  const auto later = [&](std::size_t a, std::size_t b) { return this->later(a, b); };
  // The run handed out last moves on only now: the row's views pointed into its buffer.
  if (last_ != kNone) {
    if (runs_[last_]->advance(false)) {
      heap_.push_back(last_);
      std::push_heap(heap_.begin(), heap_.end(), later);
    }
    last_ = kNone;
  }
  if (heap_.empty()) return false;
  std::pop_heap(heap_.begin(), heap_.end(), later);
  last_ = heap_.back();
  heap_.pop_back();
  unpack(runs_[last_]->buf.data() + runs_[last_]->pos, out);
  return true;
}

}  // namespace boardbrief::store
