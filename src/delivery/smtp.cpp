#include "delivery/smtp.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <string_view>

#include "base/error.h"
#include "base/quote.h"

namespace boardbrief::delivery {

namespace {

struct Upload {
  std::string_view data;
  std::size_t pos = 0;
};

std::size_t read_chunk(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  std::size_t n = std::min(size * count, up->data.size() - up->pos);
  std::memcpy(buffer, up->data.data() + up->pos, n);
  up->pos += n;
  return n;
}

// The server's replies arrive as CURLINFO_HEADER_IN lines; a reply ends with a line whose
// fourth character is a space ("550 ..."), while "250-..." continues it. The last 4xx/5xx
// reply is kept: curl still sends QUIT after a refusal, and "221 Bye" explains nothing.
struct Replies {
  std::string current;
  std::string last_failure;
  bool complete = true;
};

int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto* r = static_cast<Replies*>(user);
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (r->complete) r->current.clear();
  r->current += (r->current.empty() ? "" : " / ") + line;
  r->complete = line.size() < 4 || line[3] != '-';
  if (r->complete && (r->current[0] == '4' || r->current[0] == '5')) r->last_failure = r->current;
  return 0;
}

std::string bracketed(const std::string& address) { return "<" + address + ">"; }

void init_curl_once() {
  static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) throw DeliveryError(std::string("cannot start libcurl: ") + curl_easy_strerror(code));
}

}  // namespace

void check_url(const std::string& url) {
  init_curl_once();
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), &curl_url_cleanup);
  if (!u) throw DeliveryError("cannot start libcurl");
  CURLUcode code = curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0);
  if (code != CURLUE_OK) throw UsageError("--smtp '" + url + "': " + curl_url_strerror(code));
}

void send(const SmtpServer& server, const Message& m, const std::string& mime) {
  init_curl_once();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) throw DeliveryError("cannot start libcurl");
  CURL* h = curl.get();

  struct curl_slist* rcpt = nullptr;
  for (const auto& a : m.to) rcpt = curl_slist_append(rcpt, bracketed(a).c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt_guard(rcpt, &curl_slist_free_all);

  Upload upload{mime};
  Replies replies;
  char error[CURL_ERROR_SIZE] = {};
  std::string from = bracketed(m.from);
  bool implicit_tls = server.url.rfind("smtps://", 0) == 0;

  curl_easy_setopt(h, CURLOPT_URL, server.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_chunk);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
  curl_easy_setopt(
      h, CURLOPT_USE_SSL,
      implicit_tls || server.credentials ? static_cast<long>(CURLUSESSL_ALL) : static_cast<long>(CURLUSESSL_TRY));
  if (server.credentials) {
    curl_easy_setopt(h, CURLOPT_USERNAME, server.credentials->user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, server.credentials->password.c_str());
  }
  if (!server.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, server.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 300L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, on_debug);
  curl_easy_setopt(h, CURLOPT_DEBUGDATA, &replies);
  curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);  // feeds on_debug; it prints nothing

  CURLcode code = curl_easy_perform(h);
  if (code == CURLE_OK) return;
  std::string reason = error[0] ? error : curl_easy_strerror(code);
  std::string message = server.url + ": " + reason;
  if (!replies.last_failure.empty()) message += "; server replied: " + quote(replies.last_failure, 200);
  throw DeliveryError(message);
}

}  // namespace boardbrief::delivery
