// Mailing the written briefing (--mail-to): the subject and body in the report's language,
// the top findings as plain text, the PDF attached. Runs only after the PDF is on disk.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "delivery/smtp.h"
#include "findings/finding.h"
#include "model/period.h"
#include "options/config.h"
#include "text/strings.h"

namespace boardbrief::app {

struct MailPlan {
  std::string from;
  std::vector<std::string> to;
  delivery::SmtpServer server;
};

// nullopt without --mail-to. Reads the credentials now, so a bad credentials file stops the
// run before any work is done (UsageError, exit 2).
std::optional<MailPlan> plan_mail(const options::ReportOptions& o);

struct BriefingMail {
  const text::Strings& strings;
  model::Period period;
  std::string org;
  std::string db_name;
  std::string pdf_path;  // already written
  std::string pdf_bytes;
  const std::vector<findings::Finding>& summary;  // the briefing's summary findings, ranked
};

// The subject and plain-text body, exposed for tests.
delivery::Message compose_mail(const MailPlan& plan, const BriefingMail& mail);

// Sends the mail. Throws DeliveryError (exit 5) with the server's reply and the PDF's path.
void send_mail(const MailPlan& plan, const BriefingMail& mail, bool quiet);

}  // namespace boardbrief::app
