// `boardbrief import interactions` end to end, plain and conversation-log mode.
#include <doctest/doctest.h>

#include <filesystem>

#include "import/import_support.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief::testing;

namespace {

const char* kRows =
    "SELECT c.platform, c.handle, i.received_at, i.kind, i.needs_reply, i.first_reply_at, i.sentiment, i.topic "
    "FROM interaction i JOIN channel c ON c.id = i.channel_id ORDER BY i.received_at, c.handle";

RunResult import_interactions(const fs::path& db, const std::string& args) {
  return run(binary() + " import interactions --db " + db.string() + " " + args);
}

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("interactions with offsets and with local times in --tz across both DST changes are stored in UTC") {
    fs::path dir = scratch_dir("import-interactions");
    fs::path csv = write_file(dir, "inbox.csv",
                              "received_at,first_reply_at,platform,handle,kind,needs_reply,sentiment,topic\n"
                              "2026-10-31T23:30:00Z,2026-11-01T01:05:00+01:00,facebook,acme,message,true,-0.5,billing\n"
                              "2026-10-25 02:30:00,2026-10-25 03:10:00,facebook,acme,comment,false,,\n"
                              "2026-03-29 01:30:00,2026-03-29 03:30:00,x,@acme,mention,yes,negative,outage\n"
                              "Tue Oct 31 22:10:47 +0000 2017,,x,@acme,mention,1,positive,\n");
    RunResult r = import_interactions(dir / "s.db", "--tz Europe/Copenhagen " + csv.string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(dump(dir / "s.db", kRows) ==
          "x|@acme|2017-10-31T22:10:47Z|mention|1|NULL|1.0|NULL\n"
          "x|@acme|2026-03-29T00:30:00Z|mention|1|2026-03-29T01:30:00Z|-1.0|outage\n"      // 23-hour day
          "facebook|acme|2026-10-25T00:30:00Z|comment|0|2026-10-25T02:10:00Z|NULL|NULL\n"  // 25-hour day
          "facebook|acme|2026-10-31T23:30:00Z|message|1|2026-11-01T00:05:00Z|-0.5|billing\n");
    CHECK(run(binary() + " check --db " + (dir / "s.db").string()).exit_code == 0);
  }

  TEST_CASE("re-importing interactions changes nothing, with and without an id column") {
    fs::path dir = scratch_dir("import-interactions-again");
    fs::path db = dir / "s.db";
    fs::path plain = write_file(dir, "plain.csv",
                                "received_at,platform,handle\n2026-10-01T10:00:00Z,x,@a\n2026-10-01T10:00:00Z,x,@a\n");
    fs::path with_id = write_file(dir, "ids.csv",
                                  "id,received_at,first_reply_at,platform,handle\n"
                                  "m1,2026-10-02T10:00:00Z,,x,@a\nm2,2026-10-02T11:00:00Z,2026-10-02T11:30:00Z,x,@a\n");
    REQUIRE(import_interactions(db, "--needs-reply true " + plain.string() + " " + with_id.string()).exit_code == 0);
    const std::string before = dump(db, "SELECT * FROM interaction ORDER BY id") + dump(db, "SELECT * FROM channel");
    CHECK(dump(db, "SELECT count(*) FROM interaction") == "4\n");  // two identical rows are two messages
    RunResult again = import_interactions(db, "--needs-reply true " + plain.string() + " " + with_id.string());
    CHECK(again.out.find("2 interactions (0 inserted, 0 updated, 2 unchanged)") != std::string::npos);
    CHECK(dump(db, "SELECT * FROM interaction ORDER BY id") + dump(db, "SELECT * FROM channel") == before);
    // A message answered since the last export: the same id, now with a reply.
    fs::path later = write_file(dir, "later.csv",
                                "id,received_at,first_reply_at,platform,handle\n"
                                "m1,2026-10-02T10:00:00Z,2026-10-03T09:00:00Z,x,@a\n");
    RunResult upd = import_interactions(db, later.string());
    CHECK(upd.out.find("1 interaction (0 inserted, 1 updated, 0 unchanged)") != std::string::npos);
    CHECK(dump(db, "SELECT count(*), count(first_reply_at) FROM interaction") == "4|2\n");
  }

  TEST_CASE("bad interaction cells name file:line:column") {
    fs::path dir = scratch_dir("import-interactions-bad");
    fs::path csv = write_file(dir, "bad.csv",
                              "received_at,first_reply_at,platform,handle,needs_reply,sentiment\n"
                              "2026-10-01 10:00,,x,@a,true,\n"
                              "2026-10-01T10:00:00Z,2026-10-01T09:00:00Z,x,@a,true,\n"
                              "2026-10-01T10:00:00Z,,x,@a,perhaps,1.5\n");
    RunResult r = import_interactions(dir / "s.db", csv.string());
    CHECK(r.exit_code == 3);
    const std::string f = csv.string();
    CHECK(r.err == "boardbrief: error: " + f +
                       ":2:1: '2026-10-01 10:00' has no UTC offset (give --tz ZONE) (column received_at)\n"
                       "boardbrief: error: " +
                       f +
                       ":3:2: first reply 2026-10-01T09:00:00Z is before the message was received "
                       "(2026-10-01T10:00:00Z) (column first_reply_at)\n"
                       "boardbrief: error: " +
                       f +
                       ":4:5: needs-reply 'perhaps' is not true or false (column needs_reply)\n"
                       "boardbrief: error: " +
                       f +
                       ":4:6: sentiment '1.5' is not a number in [-1, 1] or positive/neutral/negative "
                       "(column sentiment)\n"
                       "boardbrief: not imported " +
                       f +
                       ": nothing from this file was written\n"
                       "boardbrief: error: 1 of 1 file not imported: " +
                       f + "\n");
    RunResult tz = import_interactions(dir / "s.db", "--tz Europe/Kopenhagen " + csv.string());
    CHECK(tz.exit_code == 2);
    CHECK(tz.err ==
          "boardbrief: error: unknown time zone 'Europe/Kopenhagen' (use an IANA name such as Europe/Copenhagen)\n");
    CHECK_FALSE(fs::exists(dir / "s.db"));
  }

  TEST_CASE("a conversation log becomes one interaction per inbound message with its first reply time") {
    fs::path dir = scratch_dir("import-conversation-log");
    fs::path csv = write_file(dir, "log.csv",
                              "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                              "1,111,True,Tue Oct 31 10:00:00 +0000 2017,\"@AcmeCare help, please\",2,\n"
                              "2,AcmeCare,False,Tue Oct 31 10:20:00 +0000 2017,@111 sure,,1\n"
                              "3,222,True,Tue Oct 31 23:50:00 +0000 2017,@AcmeCare down?,,\n");
    RunResult r = import_interactions(dir / "s.db", "--conversation-log " + csv.string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(dump(dir / "s.db", kRows) ==
          "twitter|@AcmeCare|2017-10-31T10:00:00Z|message|1|2017-10-31T10:20:00Z|NULL|NULL\n"
          "twitter|@AcmeCare|2017-10-31T23:50:00Z|message|1|NULL|NULL|NULL\n");
    CHECK(r.out == "imported " + csv.string() +
                       ": 3 rows read, 2 interactions (2 inserted, 0 updated, 0 unchanged), "
                       "1 channel created\ncreated " +
                       (dir / "s.db").string() + ": 1 of 1 file imported\n");
  }

  TEST_CASE("a mapping file for a conversation log with its own column names") {
    fs::path dir = scratch_dir("import-log-mapping");
    fs::path map =
        write_file(dir, "log.toml",
                   "conversation_log = true\nplatform = \"x\"\nid_column = \"msg\"\nauthor_column = \"who\"\n"
                   "inbound_column = \"from_customer\"\nreceived_column = \"at\"\nreply_to_column = \"answers\"\n"
                   "tz = \"Europe/Copenhagen\"\n");
    fs::path csv = write_file(dir, "log.csv",
                              "msg,who,from_customer,at,answers\n"
                              "a,cust,yes,2026-10-25 02:30:00,\n"  // the repeated hour: the first (CEST) instant
                              "b,Acme,no,2026-10-25 02:45:00,a\n");
    RunResult r = import_interactions(dir / "s.db", "--mapping " + map.string() + " " + csv.string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(dump(dir / "s.db", kRows) == "x|@Acme|2026-10-25T00:30:00Z|message|1|2026-10-25T00:45:00Z|NULL|NULL\n");
  }
}
