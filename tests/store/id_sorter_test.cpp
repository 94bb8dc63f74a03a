#include "store/id_sorter.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "base/error.h"

using boardbrief::store::IdSorter;
using boardbrief::store::SortedInteraction;

namespace {

struct Plain {  // a SortedInteraction that owns its texts
  std::int64_t id, channel, received;
  std::optional<std::int64_t> reply;
  std::optional<double> sentiment;
  bool needs_reply;
  std::string kind, topic;
  std::size_t added;  // position in the input
  bool operator==(const Plain& o) const {
    return std::tie(id, channel, received, reply, sentiment, needs_reply, kind, topic) ==
           std::tie(o.id, o.channel, o.received, o.reply, o.sentiment, o.needs_reply, o.kind, o.topic);
  }
};

std::vector<Plain> make_rows(std::size_t n) {
  std::mt19937_64 rng(7);
  std::vector<Plain> rows;
  for (std::size_t i = 0; i < n; ++i) {
    Plain p;
    p.id = static_cast<std::int64_t>(rng() % (n / 2 + 1));  // many repeated ids
    p.channel = static_cast<std::int64_t>(i % 5);
    p.received = static_cast<std::int64_t>(i);
    if (i % 3) p.reply = static_cast<std::int64_t>(i + 60);
    if (i % 4) p.sentiment = (i % 4 == 1) ? -1.0 : 0.5;
    p.needs_reply = i % 2;
    p.kind = i % 7 ? "message" : "comment";
    p.topic = i % 11 ? std::string() : std::string(i % 1300, 't');  // some rows longer than others
    p.added = i;
    rows.push_back(p);
  }
  return rows;
}

std::vector<Plain> sorted_by(IdSorter& sorter, const std::vector<Plain>& rows) {
  for (const auto& p : rows) {
    SortedInteraction r;
    r.id = p.id;
    r.channel_id = p.channel;
    r.received_at = p.received;
    r.first_reply_at = p.reply;
    r.sentiment = p.sentiment;
    r.needs_reply = p.needs_reply;
    r.kind = p.kind;
    r.topic = p.topic;
    sorter.add(r);
  }
  sorter.finish();
  std::vector<Plain> out;
  SortedInteraction r;
  while (sorter.next(r))
    out.push_back(Plain{r.id, r.channel_id, r.received_at, r.first_reply_at, r.sentiment, r.needs_reply,
                        std::string(r.kind), std::string(r.topic), 0});
  return out;
}

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("the id sorter hands rows back by id, equal ids in the order they came, in memory and merged from runs") {
    const std::vector<Plain> rows = make_rows(20000);
    std::vector<Plain> want = rows;
    std::stable_sort(want.begin(), want.end(), [](const Plain& a, const Plain& b) { return a.id < b.id; });
    for (std::size_t buffer : {std::size_t{64} << 20, std::size_t{4096}, std::size_t{100}}) {
      CAPTURE(buffer);  // one run in memory; about 300 runs; one run per row or two
      IdSorter sorter("", buffer);
      const std::vector<Plain> got = sorted_by(sorter, rows);
      REQUIRE(got.size() == want.size());
      CHECK(sorter.size() == rows.size());
      bool same = true;
      for (std::size_t i = 0; i < got.size() && same; ++i) {
        CAPTURE(i);
        same = got[i] == want[i];
        CHECK(same);
      }
    }
  }

  TEST_CASE("an empty id sorter hands out nothing") {
    IdSorter sorter("", 100);
    sorter.finish();
    SortedInteraction r;
    CHECK_FALSE(sorter.next(r));
  }

  TEST_CASE("a run that cannot be written is an output error naming the database and the directory") {
    const char* old = std::getenv("SQLITE_TMPDIR");
    const std::string saved = old ? old : "";
    setenv("SQLITE_TMPDIR", "/nonexistent/boardbrief-tmp", 1);
    std::string message;
    try {
      IdSorter sorter("cannot write 'x.db': ", 100);
      for (const auto& p : make_rows(10)) {
        SortedInteraction r;
        r.id = p.id;
        r.kind = p.kind;
        sorter.add(r);
      }
    } catch (const boardbrief::OutputError& e) {
      message = e.what();
    }
    if (old)
      setenv("SQLITE_TMPDIR", saved.c_str(), 1);
    else
      unsetenv("SQLITE_TMPDIR");
    CHECK(message ==
          "cannot write 'x.db': sorting the rows in a temporary file in /nonexistent/boardbrief-tmp: creating a file: "
          "No such file or directory");
  }
}
