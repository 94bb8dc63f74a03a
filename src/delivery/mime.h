// The MIME text of a Message (RFC 5322, 2045-2047, 2231), with CRLF line ends, ready for SMTP:
// multipart/mixed with a UTF-8 text/plain part (base64) and the attachment (base64). A
// non-ASCII subject becomes RFC 2047 encoded-words that never split a UTF-8 character.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "delivery/message.h"

namespace boardbrief::delivery {

// `date` is the Date header (UTC); `message_id` the Message-ID without angle brackets.
std::string to_mime(const Message& m, std::chrono::sys_seconds date, const std::string& message_id);

// Base64 (RFC 4648 alphabet, '=' padding), in lines of at most `line_length` characters
// joined by CRLF; 0 = one line.
std::string base64(std::string_view bytes, std::size_t line_length = 76);

// A header value as it goes on the wire: unchanged when printable ASCII, otherwise
// "=?UTF-8?B?...?=" words of at most 75 characters, folded with CRLF + space.
std::string encode_header_text(std::string_view utf8);

}  // namespace boardbrief::delivery
