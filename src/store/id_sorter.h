// Sorts an import's interactions by id in bounded memory, so that they can be written into the
// interaction table in key order (docs/import.md, "Speed and memory"). Rows are packed into a
// buffer of a fixed size; a full buffer is sorted and written to a temporary file as a run, and
// the runs are merged when the rows are read back. Equal ids come back in the order they were
// added. Plain C++: sorting 16-byte keys costs a fraction of SQLite's sorter, which sorts whole
// records, and the rows are written once instead of into a staging table first.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boardbrief::store {

// One interaction as sorted; the views point into the sorter and stay valid until next().
struct SortedInteraction {
  std::int64_t id = 0, channel_id = 0, received_at = 0;  // Unix seconds
  std::optional<std::int64_t> first_reply_at;
  std::optional<double> sentiment;
  bool needs_reply = false;
  std::string_view kind, topic;  // topic empty = none
  std::string_view identity;     // rows without a source id: what their id is made from
};

class IdSorter {
 public:
  // `context` starts the message of an OutputError (e.g. "cannot write 'social.db': ");
  // `buffer_bytes`: the packed rows held in memory before a run is written (the keys add a
  // third to it).
  explicit IdSorter(std::string context, std::size_t buffer_bytes = 16u << 20);
  ~IdSorter();
  IdSorter(const IdSorter&) = delete;
  IdSorter& operator=(const IdSorter&) = delete;

  // Throws OutputError when a run cannot be written (the temporary directory is full); so do
  // finish() and next() when runs cannot be read back.
  void add(const SortedInteraction& r);
  std::size_t size() const { return added_; }
  // Ends adding; then next() hands the rows out in id order, false after the last.
  void finish();
  bool next(SortedInteraction& out);

 private:
  struct Run;
  void write_run();
  [[noreturn]] void fail(const std::string& what) const;
  std::FILE* temporary_file() const;
  void sort_keys();
  bool later(std::size_t a, std::size_t b) const;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::string context_;
  std::size_t buffer_bytes_;
  std::size_t added_ = 0;
  std::string buffer_;                                        // packed rows
  std::vector<std::pair<std::int64_t, std::uint32_t>> keys_;  // (id, offset in buffer_)
  std::size_t next_key_ = 0;
  std::FILE* file_ = nullptr;  // the runs, one after the other; removed when closed
  std::vector<std::unique_ptr<Run>> runs_;
  std::vector<std::size_t> heap_;  // indexes of runs_, smallest (id, run) first
  std::size_t last_ = kNone;       // the run whose row next() handed out last
  bool merging_ = false;
};

}  // namespace boardbrief::store
