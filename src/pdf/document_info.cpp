#include "pdf/document_info.h"

#include <hpdf.h>

#include "pdf/drawable_text.h"

namespace boardbrief::pdf {

namespace {

HPDF_Date utc_date(date::sys_seconds t) {
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd(day);
  const date::hh_mm_ss<std::chrono::seconds> time(t - day);
  HPDF_Date d{};
  d.year = static_cast<int>(ymd.year());
  d.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  d.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  d.hour = static_cast<int>(time.hours().count());
  d.minutes = static_cast<int>(time.minutes().count());
  d.seconds = static_cast<int>(time.seconds().count());
  d.ind = 'Z';
  return d;
}

void set_text(HaruDoc& doc, HPDF_InfoType type, const std::string& value) {
  if (value.empty()) return;
  HPDF_SetInfoAttr(doc.get(), type, metadata_text(value).c_str());
}

}  // namespace

void set_document_info(HaruDoc& doc, const DocumentInfo& info) {
  set_text(doc, HPDF_INFO_TITLE, info.title);
  set_text(doc, HPDF_INFO_AUTHOR, info.author);
  set_text(doc, HPDF_INFO_SUBJECT, info.subject);
  set_text(doc, HPDF_INFO_KEYWORDS, info.keywords);
  set_text(doc, HPDF_INFO_CREATOR, info.creator);
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_PRODUCER, "boardbrief");
  doc.check("setting the document info");
  const HPDF_Date created = utc_date(info.created);
  HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_CREATION_DATE, created);
  HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_MOD_DATE, created);
  doc.check("setting the document dates");
}

}  // namespace boardbrief::pdf
