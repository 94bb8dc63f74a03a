#include "importer/conversation_log.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "import/import_support.h"
#include "model/standard_metrics.h"
#include "store/import_writer.h"
#include "store/log_stage.h"
#include "support/test_db.h"

using namespace boardbrief;

namespace {

struct Derived {
  std::vector<importer::InteractionRow> rows;
  std::map<std::string, std::size_t> skipped;
  std::vector<std::string> errors;
};

// Reads the log as the import does: its rows staged in a real database's temporary tables and
// matched there (store/log_stage), inside a transaction that is rolled back.
Derived derive(const std::string& csv, importer::Mapping m = {}) {
  m.kind = importer::ImportKind::Interactions;
  m.conversation_log = true;
  const auto dir = testing::scratch_dir("conversation-log");
  auto path = testing::write_file(dir, "log.csv", csv);
  std::filesystem::remove(dir / "log.db");
  store::ImportWriter db((dir / "log.db").string(), model::standard_metrics());
  db.begin();
  importer::CsvReader reader(path.string());
  importer::Header header = importer::read_header(reader);
  importer::ConversationLog log(m, header);
  store::LogStage stage(db);
  importer::Problems problems("log.csv");
  importer::CsvRecord r;
  while (reader.next(r))
    if (auto e = log.read(r, problems)) stage.add(*e);
  Derived d;
  importer::ConversationLog::count(stage.match([&](const model::LogMessage& msg) {
    if (auto row = log.interaction(msg, problems)) d.rows.push_back(std::move(*row));
  }),
                                   problems);
  d.skipped = problems.skipped();
  d.errors = problems.messages();
  return d;
}

std::string utc(date::sys_seconds t) { return date::format("%FT%TZ", t); }

// A hand-made log in the twcs layout (pandas index column first, float reply-to ids).
const char* kLog =
    ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
    // 1: a question answered twice by AcmeCare; the earlier reply (3) counts.
    "0,1,111,True,Tue Oct 31 10:00:00 +0000 2017,\"@AcmeCare my bill, again\",\"3,4\",\n"
    "1,4,AcmeCare,False,Tue Oct 31 12:00:00 +0000 2017,@111 second answer,,1.0\n"
    "2,3,AcmeCare,False,Tue Oct 31 10:45:30 +0000 2017,\"@111 first \"\"answer\"\"\",5,1.0\n"
    // 5: the customer answers AcmeCare's reply; nobody replies: channel from the message answered.
    "3,5,111,True,Tue Oct 31 11:00:00 +0000 2017,@AcmeCare thanks,,3.0\n"
    // 6: a fresh message nobody answered: channel from the first @mention that is a company.
    "4,6,222,True,Wed Nov 01 08:00:00 +0000 2017,\"hey @friend, @acmecare is down\nagain\",,\n"
    // 7: nobody answered and no company is mentioned: skipped.
    "5,7,333,True,Wed Nov 01 09:00:00 +0000 2017,@someone else,,\n"
    // 8: answered by OtherCo within the hour, across midnight.
    "6,8,444,True,Tue Oct 31 23:40:00 +0000 2017,@OtherCo help,9,\n"
    "7,9,OtherCo,False,Wed Nov 01 00:10:00 +0000 2017,@444 on it,,8.0\n"
    // A company reply to a message outside the file, and one stamped before its message.
    "8,10,OtherCo,False,Wed Nov 01 01:00:00 +0000 2017,@555 hi,,999.0\n"
    "9,11,444,True,Wed Nov 01 02:00:00 +0000 2017,@OtherCo still there?,,\n"
    "10,12,OtherCo,False,Wed Nov 01 01:59:00 +0000 2017,@444 clock skew,,11.0\n";

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("a conversation log gives each inbound message its earliest company reply and channel") {
    Derived d = derive(kLog);
    CHECK(d.errors.empty());
    std::map<std::int64_t, const importer::InteractionRow*> by_id;
    for (const auto& r : d.rows) by_id[r.id] = &r;
    REQUIRE(d.rows.size() == 5);
    auto row = [&](const char* handle, const char* tweet) {
      auto it = by_id.find(importer::stable_id(std::string("twitter\x1f") + tweet));
      REQUIRE(it != by_id.end());
      CHECK(it->second->handle == handle);
      return *it->second;
    };
    auto m1 = row("@AcmeCare", "1");
    CHECK(utc(m1.received_at) == "2017-10-31T10:00:00Z");
    REQUIRE(m1.first_reply_at);
    CHECK(utc(*m1.first_reply_at) == "2017-10-31T10:45:30Z");
    CHECK(m1.needs_reply);
    CHECK(m1.kind == "message");
    CHECK(m1.platform == "twitter");

    auto m5 = row("@AcmeCare", "5");
    CHECK_FALSE(m5.first_reply_at);

    auto m6 = row("@AcmeCare", "6");  // "@acmecare" in the text matches the company AcmeCare
    CHECK_FALSE(m6.first_reply_at);

    auto m8 = row("@OtherCo", "8");
    REQUIRE(m8.first_reply_at);
    CHECK(utc(*m8.first_reply_at) == "2017-11-01T00:10:00Z");

    auto m11 = row("@OtherCo", "11");  // its only reply is stamped a minute before it
    CHECK_FALSE(m11.first_reply_at);

    CHECK(d.skipped ==
          std::map<std::string, std::size_t>{{"company reply stamped before the message it answers (reply ignored)", 1},
                                             {"company reply to a message not in the file (not an interaction)", 1},
                                             {"inbound message not linked to any company in the file", 1}});
  }

  TEST_CASE("needs_reply = false and another platform apply to every derived message") {
    importer::Mapping m;
    m.needs_reply = false;
    m.platform = "x";
    Derived d = derive(kLog, m);
    REQUIRE_FALSE(d.rows.empty());
    for (const auto& r : d.rows) {
      CHECK_FALSE(r.needs_reply);
      CHECK(r.platform == "x");
    }
  }

  TEST_CASE("bad flags and times in a log are errors with line and column") {
    Derived d = derive(
        "tweet_id,author_id,inbound,created_at,text,in_response_to_tweet_id\n"
        "1,a,maybe,Tue Oct 31 10:00:00 +0000 2017,x,\n"
        "2,b,True,31/10/2017,x,\n");
    CHECK(d.errors == std::vector<std::string>{
                          "log.csv:2:3: inbound 'maybe' is not true or false (column inbound)",
                          "log.csv:3:4: '31/10/2017' is not a timestamp (use e.g. 2017-10-31T22:10:47+01:00, or give "
                          "--time-format) (column created_at)"});
  }
}
