// The MIME pieces written by hand: base64 against RFC 4648's test vectors, encoded-words that
// stay within 75 characters and never split a UTF-8 character, and the message's structure.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "delivery/mime.h"

namespace bd = boardbrief::delivery;

namespace {

std::string decode_base64(const std::string& text) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    auto v = alphabet.find(c);
    if (v == std::string::npos) continue;  // '=', CR, LF
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xff);
    }
  }
  return out;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    i += n;
  }
  return true;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> parts;
  std::size_t start = 0, at;
  while ((at = s.find(sep, start)) != std::string::npos) {
    parts.push_back(s.substr(start, at - start));
    start = at + sep.size();
  }
  parts.push_back(s.substr(start));
  return parts;
}

}  // namespace

TEST_SUITE("delivery") {
  TEST_CASE("base64 matches the RFC 4648 test vectors") {
    CHECK(bd::base64("") == "");
    CHECK(bd::base64("f") == "Zg==");
    CHECK(bd::base64("fo") == "Zm8=");
    CHECK(bd::base64("foo") == "Zm9v");
    CHECK(bd::base64("foob") == "Zm9vYg==");
    CHECK(bd::base64("fooba") == "Zm9vYmE=");
    CHECK(bd::base64("foobar") == "Zm9vYmFy");
  }

  TEST_CASE("base64 lines are at most 76 characters and decode to every byte value") {
    std::string bytes;
    for (int round = 0; round < 3; ++round)
      for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
    std::string text = bd::base64(bytes);
    auto lines = split(text, "\r\n");
    CHECK(lines.size() == (bytes.size() * 4 / 3 + 75) / 76);
    for (const auto& line : lines) CHECK(line.size() <= 76);
    CHECK(decode_base64(text) == bytes);
  }

  TEST_CASE("a printable ASCII header stays as it is") {
    CHECK(bd::encode_header_text("Board briefing - October 2026 - Example Ltd") ==
          "Board briefing - October 2026 - Example Ltd");
  }

  TEST_CASE("a Danish subject becomes encoded-words of at most 75 characters, split between characters") {
    // Long enough for several words; the letters øåæ and the dash are two- and three-byte UTF-8.
    std::string subject = "Bestyrelsesorientering – oktober 2026 – Nørre Ålbæk Energi A/S – ÆØÅ æøå – ÆØÅ æøå ÆØÅ";
    std::string header = bd::encode_header_text(subject);
    auto words = split(header, "\r\n ");
    CHECK(words.size() >= 3);
    std::string joined;
    for (const auto& w : words) {
      CHECK(w.size() <= 75);
      REQUIRE(w.rfind("=?UTF-8?B?", 0) == 0);
      REQUIRE(w.substr(w.size() - 2) == "?=");
      std::string decoded = decode_base64(w.substr(10, w.size() - 12));
      CHECK_MESSAGE(valid_utf8(decoded), w);
      joined += decoded;
    }
    CHECK(joined == subject);
  }

  TEST_CASE("text that looks like an encoded-word is encoded, not passed through") {
    CHECK(bd::encode_header_text("=?UTF-8?B?x?=").rfind("=?UTF-8?B?", 0) == 0);
    CHECK(bd::encode_header_text("=?UTF-8?B?x?=") != "=?UTF-8?B?x?=");
  }

  TEST_CASE("the message has CRLF lines, the headers, a text part and the attachment") {
    bd::Message m;
    m.from = "briefings@example.com";
    m.to = {"a@example.com", "b@example.com"};
    m.subject = "Board briefing";
    m.body = "Line one\nLine two æ\n";
    m.attachment = {"briefing-2026-10.pdf", "application/pdf", std::string("%PDF-1.4\0\xff", 10)};
    std::string mime = bd::to_mime(m, std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + std::chrono::hours{6},
                                   "id.1@example.com");
    for (std::size_t i = 0; (i = mime.find('\n', i)) != std::string::npos; ++i) {
      REQUIRE(i > 0);
      CHECK(mime[i - 1] == '\r');
    }
    CHECK(mime.find("From: briefings@example.com\r\n") != std::string::npos);
    CHECK(mime.find("To: a@example.com,\r\n b@example.com\r\n") != std::string::npos);
    CHECK(mime.find("Date: Mon, 02 Nov 2026 06:00:00 +0000\r\n") != std::string::npos);
    CHECK(mime.find("Message-ID: <id.1@example.com>\r\n") != std::string::npos);
    CHECK(mime.find("Content-Disposition: attachment; filename=\"briefing-2026-10.pdf\"") != std::string::npos);
    CHECK(mime.find(bd::base64(m.attachment.bytes)) != std::string::npos);
    CHECK(mime.find(bd::base64("Line one\r\nLine two æ\r\n")) != std::string::npos);
    CHECK(mime.substr(mime.size() - 23) == "--=_boardbrief_part--\r\n");
  }

  TEST_CASE("a non-ASCII attachment name is written as an RFC 2231 parameter") {
    bd::Message m;
    m.from = "a@example.com";
    m.to = {"b@example.com"};
    m.attachment = {"orientering-år.pdf", "application/pdf", "x"};
    std::string mime = bd::to_mime(m, std::chrono::sys_seconds{}, "x@example.com");
    CHECK(mime.find("filename*=UTF-8''orientering-%C3%A5r.pdf") != std::string::npos);
  }
}
