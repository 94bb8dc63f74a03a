// Sends a Message through an SMTP server with libcurl (only smtp.cpp includes curl.h).
// smtp://host:port upgrades with STARTTLS when the server offers it, and requires it when
// credentials are given (a password never crosses the network in clear text);
// smtps://host:port speaks TLS from the start. Every recipient must be accepted.
#pragma once

#include <optional>
#include <string>

#include "delivery/credentials.h"
#include "delivery/message.h"

namespace boardbrief::delivery {

struct SmtpServer {
  std::string url;                         // smtp://host:port or smtps://host:port
  std::optional<Credentials> credentials;  // none = no AUTH
  std::string ca_file;                     // PEM CA bundle; empty = the system's store
};

// Parses `url` as libcurl will (host, port), so a typo fails before any work is done.
// Throws UsageError "--smtp '<url>': <libcurl's reason>".
void check_url(const std::string& url);

// Sends `mime` (from to_mime) as `m`'s envelope. Throws DeliveryError naming the server,
// with curl's reason and the server's last reply when there was one, e.g.
// "smtp://127.0.0.1:2525: RCPT failed: 550; server replied: 550 5.1.1 mailbox unavailable".
void send(const SmtpServer& server, const Message& m, const std::string& mime);

}  // namespace boardbrief::delivery
