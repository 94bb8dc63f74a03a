#include "app/deliver.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "base/error.h"
#include "delivery/mime.h"
#include "findings/phrasing.h"
#include "layout/rich_text.h"

namespace boardbrief::app {

namespace {

// The findings are phrased with **bold** and *italic* markers for the PDF; mail gets the
// text without them, split exactly as the PDF's renderer splits it.
std::string plain(const std::string& marked) {
  std::string out;
  for (const auto& run : layout::parse_rich(marked)) out += run.text;
  return out;
}

std::string message_id(const std::string& from) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return "boardbrief." + std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) + "." +
         std::to_string(::getpid()) + from.substr(from.find('@'));
}

// "- Unanswered messages: 38% (provisional), +12 pp vs Sep, +5 pp vs Oct 2025; Target ≤ 15%: 23 pp above"
std::string figure_line(const KeyFigure& k) {
  std::string line = "- " + k.label + ": " + k.value;
  if (!k.provisional.empty()) line += " (" + k.provisional + ")";
  for (const auto& c : k.changes) line += ", " + c;
  if (!k.target.empty()) line += "; " + k.target;
  return line + "\n";
}

// The tiles' text uses no-break spaces so a figure never splits on the page; a mail reader
// wraps plain text itself, so they become ordinary spaces.
std::string plain_spaces(std::string s) {
  for (std::size_t at = s.find("\u00A0"); at != std::string::npos; at = s.find("\u00A0", at)) s.replace(at, 2, " ");
  return s;
}

}  // namespace

std::vector<KeyFigure> key_figures(const document::Document& doc) {
  std::vector<KeyFigure> out;
  for (const auto& block : doc.blocks) {
    const auto* grid = std::get_if<document::TileGrid>(&block);
    if (!grid) continue;
    for (const auto& t : grid->tiles) {
      KeyFigure k;
      k.label = plain_spaces(t.label);
      k.value = plain_spaces(t.value + t.unit);
      if (t.provisional) k.provisional = t.provisional_text;
      for (const auto* d : {&t.vs_prev, &t.vs_year}) {
        std::string c = d->value_text.empty() ? d->comparison_text : d->value_text + " " + d->comparison_text;
        if (!c.empty()) k.changes.push_back(plain_spaces(c));
      }
      if (t.target_label && t.target_status) k.target = plain_spaces(*t.target_label + " " + t.target_status->text);
      out.push_back(std::move(k));
    }
    break;  // page 1's grid: the key figures
  }
  return out;
}

std::optional<MailPlan> plan_mail(const options::ReportOptions& o) {
  if (o.mail_to.empty()) return std::nullopt;
  MailPlan plan;
  plan.from = o.mail_from;
  plan.to = o.mail_to;
  plan.server.url = o.smtp;
  delivery::check_url(o.smtp);
  if (!o.smtp_cacert.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.smtp_cacert, ec))
      throw UsageError("--smtp-cacert '" + o.smtp_cacert + "': no such file");
    plan.server.ca_file = o.smtp_cacert;
  }
  plan.server.credentials = delivery::load_credentials(o.smtp_credentials);
  return plan;
}

delivery::Message compose_mail(const MailPlan& plan, const BriefingMail& mail) {
  const auto& S = mail.strings;
  // "oktober 2026": lower case inside the subject line, with the year.
  std::string period = findings::period_since(mail.period, S.language());
  std::string file = std::filesystem::path(mail.pdf_path).filename().string();
  delivery::Message m;
  m.from = plan.from;
  m.to = plan.to;
  m.subject = S.format("mail.subject", {{"period", period}, {"org", mail.org}});
  std::string body =
      S.format_sentence("mail.attached", {{"period", period}, {"file", file}, {"org", mail.org}}) + "\n\n";
  if (!mail.figures.empty()) {
    body += S.get("mail.key_figures") + ":\n";
    for (const auto& k : mail.figures) body += figure_line(k);
    body += "\n";
  }
  if (mail.summary.empty()) {
    body += S.get("mail.no_findings") + "\n";
  } else {
    body += S.get("summary.title") + ":\n\n";
    int n = 0;
    for (const auto& f : mail.summary) body += std::to_string(++n) + ". " + plain(f.sentence) + "\n\n";
  }
  body += "-- \n" + S.format("mail.footer", {{"version", BOARDBRIEF_VERSION}, {"db", mail.db_name}}) + "\n";
  m.body = body;
  m.attachment = {file, "application/pdf", mail.pdf_bytes};
  return m;
}

void send_mail(const MailPlan& plan, const BriefingMail& mail, bool quiet) {
  delivery::Message m = compose_mail(plan, mail);
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  try {
    delivery::send(plan.server, m, delivery::to_mime(m, now, message_id(plan.from)));
  } catch (const DeliveryError& e) {
    throw DeliveryError(std::string("mail not sent: ") + e.what() + " (the briefing is at " + mail.pdf_path + ")");
  }
  if (!quiet) {
    std::string to;
    for (const auto& a : plan.to) to += (to.empty() ? "" : ", ") + a;
    std::cerr << "boardbrief: mailed " << mail.pdf_path << " to " << to << " via " << plan.server.url << "\n";
  }
}

}  // namespace boardbrief::app
