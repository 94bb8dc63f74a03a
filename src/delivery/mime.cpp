#include "delivery/mime.h"

#include <date/date.h>

#include <algorithm>
#include <cctype>

namespace boardbrief::delivery {

namespace {

constexpr const char* kCrlf = "\r\n";
// "=_" never occurs in base64 text, so this boundary cannot collide with a part's content.
constexpr const char* kBoundary = "=_boardbrief_part";

bool plain_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7e) return false;
  return s.find("=?") == std::string_view::npos;  // would read as an encoded-word
}

// Length of the UTF-8 sequence starting with lead byte `c` (1 for stray bytes).
std::size_t utf8_length(unsigned char c) {
  if (c >= 0xf0) return 4;
  if (c >= 0xe0) return 3;
  if (c >= 0xc0) return 2;
  return 1;
}

// RFC 2231 parameter value: UTF-8 bytes percent-encoded where not attribute-chars.
std::string file_name_parameter(const std::string& name) {
  bool safe = !name.empty();
  for (unsigned char c : name)
    if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) safe = false;
  if (safe) return "filename=\"" + name + "\"";
  static const char* hex = "0123456789ABCDEF";
  std::string out = "filename*=UTF-8''";
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string crlf_lines(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n')
      out += kCrlf;
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string base64(std::string_view bytes, std::size_t line_length) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve(bytes.size() * 4 / 3 + bytes.size() / 38 + 8);
  std::size_t on_line = 0;
  auto put = [&](char c) {
    if (line_length && on_line == line_length) {
      out += kCrlf;
      on_line = 0;
    }
    out += c;
    ++on_line;
  };
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    put(alphabet[(v >> 18) & 63]);
    put(alphabet[(v >> 12) & 63]);
    put(alphabet[(v >> 6) & 63]);
    put(alphabet[v & 63]);
  }
  if (std::size_t rest = bytes.size() - i) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    put(alphabet[(v >> 18) & 63]);
    put(alphabet[(v >> 12) & 63]);
    put(rest == 2 ? alphabet[(v >> 6) & 63] : '=');
    put('=');
  }
  return out;
}

std::string encode_header_text(std::string_view utf8) {
  if (plain_ascii(utf8)) return std::string(utf8);
  // "=?UTF-8?B?" + "?=" leave 63 of 75 characters: 45 bytes give 60 base64 characters.
  constexpr std::size_t kMaxBytes = 45;
  std::string out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::size_t end = i;
    while (end < utf8.size()) {
      std::size_t n = utf8_length(static_cast<unsigned char>(utf8[end]));
      if (end + n - i > kMaxBytes) break;
      end += n;
    }
    if (end == i) end = std::min(utf8.size(), i + utf8_length(static_cast<unsigned char>(utf8[i])));
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(utf8.substr(i, end - i), 0) + "?=";
    i = end;
  }
  return out;
}

std::string to_mime(const Message& m, std::chrono::sys_seconds date, const std::string& message_id) {
  std::string to;
  for (const auto& a : m.to) to += (to.empty() ? "" : ",\r\n ") + a;
  std::string s;
  s += "From: " + m.from + kCrlf;
  s += "To: " + to + kCrlf;
  s += "Subject: " + encode_header_text(m.subject) + kCrlf;
  s += "Date: " + date::format("%a, %d %b %Y %H:%M:%S +0000", date) + kCrlf;
  s += "Message-ID: <" + message_id + ">" + kCrlf;
  s += std::string("MIME-Version: 1.0") + kCrlf;
  s += std::string("Content-Type: multipart/mixed; boundary=\"") + kBoundary + "\"" + kCrlf;
  s += kCrlf;
  s += std::string("This is a MIME message: a text part and the briefing as a PDF attachment.") + kCrlf;
  s += std::string("--") + kBoundary + kCrlf;
  s += std::string("Content-Type: text/plain; charset=UTF-8") + kCrlf;
  s += std::string("Content-Transfer-Encoding: base64") + kCrlf + kCrlf;
  s += base64(crlf_lines(m.body)) + kCrlf;
  s += std::string("--") + kBoundary + kCrlf;
  s += "Content-Type: " + m.attachment.content_type + kCrlf;
  s += std::string("Content-Transfer-Encoding: base64") + kCrlf;
  s += "Content-Disposition: attachment; " + file_name_parameter(m.attachment.file_name) + kCrlf + kCrlf;
  s += base64(m.attachment.bytes) + kCrlf;
  s += std::string("--") + kBoundary + "--" + kCrlf;
  return s;
}

}  // namespace boardbrief::delivery
