#include "importer/csv_reader.h"

#include <doctest/doctest.h>

#include "base/error.h"
#include "import/import_support.h"
#include "support/test_db.h"

using namespace boardbrief;
using importer::CsvReader;
using importer::CsvRecord;

namespace {

std::vector<CsvRecord> read_all(const std::string& text, char delimiter = ',') {
  auto path = testing::write_file(testing::scratch_dir("csv-reader"), "in.csv", text);
  CsvReader reader(path.string(), delimiter);
  std::vector<CsvRecord> out;
  CsvRecord r;
  while (reader.next(r)) out.push_back(r);
  return out;
}

std::string error_of(const std::string& text) {
  auto path = testing::write_file(testing::scratch_dir("csv-reader-bad"), "bad.csv", text);
  try {
    CsvReader reader(path.string());
    CsvRecord r;
    while (reader.next(r)) {}
  } catch (const DataError& e) {
    std::string m = e.what();
    return m.substr(m.find("bad.csv"));
  }
  return "no error";
}

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("quoted fields keep commas, doubled quotes and line breaks; records know their first line") {
    auto recs = read_all("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n");
    REQUIRE(recs.size() == 4);
    CHECK(recs[1].fields == std::vector<std::string>{"1", "x, y", "say \"hi\""});
    CHECK(recs[2].fields == std::vector<std::string>{"2", "two\nlines", "z"});
    CHECK(recs[3].fields == std::vector<std::string>{"3", "", ""});
    CHECK(recs[0].line == 1);
    CHECK(recs[1].line == 2);
    CHECK(recs[2].line == 3);
    CHECK(recs[3].line == 5);  // the record before spans lines 3 and 4
  }

  TEST_CASE("CRLF line ends, a byte order mark, blank lines and a missing final line break") {
    auto recs = read_all(
        "\xEF\xBB\xBF"
        "day,value\r\n2026-10-01,5\r\n\r\n2026-10-02,6");
    REQUIRE(recs.size() == 3);
    CHECK(recs[0].fields == std::vector<std::string>{"day", "value"});
    CHECK(recs[2].fields == std::vector<std::string>{"2026-10-02", "6"});
    CHECK(recs[2].line == 4);
  }

  TEST_CASE(
      "a bare CR inside an unquoted field stays in the field (twcs tweet 3399); CRLF after quotes ends the record") {
    auto recs = read_all("id,text\r\n3399,love\r\rthe start\r\n3400,\"quoted\"\r\n");
    REQUIRE(recs.size() == 3);
    CHECK(recs[1].fields == std::vector<std::string>{"3399", "love\r\rthe start"});
    CHECK(recs[2].fields == std::vector<std::string>{"3400", "quoted"});
    CHECK(recs[2].line == 3);
  }

  TEST_CASE("tab-separated files keep empty fields") {
    auto recs = read_all("a\tb\tc\n1\t\t3\n", '\t');
    REQUIRE(recs.size() == 2);
    CHECK(recs[1].fields == std::vector<std::string>{"1", "", "3"});
  }

  TEST_CASE("another delimiter splits there and leaves commas alone") {
    auto recs = read_all("day;value\n2026-10-01;1,5\n", ';');
    REQUIRE(recs.size() == 2);
    CHECK(recs[1].fields == std::vector<std::string>{"2026-10-01", "1,5"});
  }

  TEST_CASE("line numbers stay exact across the reader's 64 KiB blocks") {
    std::string text = "n,text\n";
    for (int i = 1; i <= 3000; ++i)
      text += std::to_string(i) + ",\"" + std::string(40, 'x') + (i % 7 == 0 ? "\nmore\"\n" : "\"\n");
    auto recs = read_all(text);
    REQUIRE(recs.size() == 3001);
    std::size_t line = 2;
    for (int i = 1; i <= 3000; ++i) {
      CHECK(recs[static_cast<std::size_t>(i)].line == line);
      line += i % 7 == 0 ? 2 : 1;
    }
    CHECK(recs[2999].fields[1] == std::string(40, 'x'));
  }

  TEST_CASE("records split over blocks, a field longer than a block and ragged rows keep every field") {
    // The reader reuses its records' strings from block to block: a record still open at a
    // block's end must keep the fields read so far, and a shorter row must not keep old fields.
    std::vector<std::vector<std::string>> want;
    std::string text;
    for (int i = 0; i < 4000; ++i) {
      std::vector<std::string> row = {std::to_string(i), std::string(static_cast<std::size_t>(i % 53), 'a' + i % 26)};
      if (i % 3 == 0) row.push_back("third" + std::to_string(i));
      if (i == 1500) row[1] = std::string(200000, 'L');  // one field over three blocks
      for (std::size_t k = 0; k < row.size(); ++k) text += (k ? "," : "") + ("\"" + row[k] + "\"");
      text += "\n";
      want.push_back(row);
    }
    const auto recs = read_all(text);
    REQUIRE(recs.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      CHECK(recs[i].fields == want[i]);
    }
  }
  TEST_CASE("a stray quote or an unclosed quoted field is a malformed-CSV error with its line") {
    CHECK(error_of("a,b\n1,2\n3,x\"y\n") ==
          "bad.csv:3: malformed CSV: a quote inside an unquoted field, or text after a closing quote");
    CHECK(error_of("a,b\n1,\"open\n2,3\n") ==
          "bad.csv:2: malformed CSV: a quoted field is not closed at the end of the file");
  }

  TEST_CASE("a missing file names the file") {
    CHECK_THROWS_WITH_AS(CsvReader("/nonexistent/x.csv"), "cannot open '/nonexistent/x.csv': No such file or directory",
                         DataError);
  }
}
