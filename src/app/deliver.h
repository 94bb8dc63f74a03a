// Mailing the written briefing (--mail-to): the subject and body in the report's language,
// the top findings as plain text, the PDF attached. Runs only after the PDF is on disk.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "delivery/smtp.h"
#include "document/document.h"
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

// One KPI tile of page 1 as plain text, for the mail body.
struct KeyFigure {
  std::string label;                 // "Unanswered messages"
  std::string value;                 // "38%"
  std::string provisional;           // "provisional", or empty
  std::vector<std::string> changes;  // "+12 pp vs Sep", "no data vs Oct 2025"
  std::string target;                // "Target ≤ 15%: 23 pp above", or empty
};

// The page-1 KPI tiles of the built briefing (the first tile grid), as the PDF shows them.
std::vector<KeyFigure> key_figures(const document::Document& doc);

struct BriefingMail {
  const text::Strings& strings;
  model::Period period;
  std::string org;
  std::string db_name;
  std::string pdf_path;  // already written
  std::string pdf_bytes;
  const std::vector<findings::Finding>& summary;  // the briefing's summary findings, ranked
  std::vector<KeyFigure> figures = {};            // page 1's KPI tiles, listed before the findings
};

// The subject and plain-text body, exposed for tests.
delivery::Message compose_mail(const MailPlan& plan, const BriefingMail& mail);

// Sends the mail. Throws DeliveryError (exit 5) with the server's reply and the PDF's path.
void send_mail(const MailPlan& plan, const BriefingMail& mail, bool quiet);

}  // namespace boardbrief::app
