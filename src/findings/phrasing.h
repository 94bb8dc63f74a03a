// How periods are named in findings and headings, shared by the findings engine and the
// document builder.
#pragma once

#include <string>

#include "model/period.h"
#include "text/language.h"

namespace boardbrief::findings {

// "October" / "oktober" for a month, "Q3 2026", "week 44, 2026", "1–31 Oct 2026" otherwise:
// how a period is named inside a sentence.
std::string period_in_sentence(const model::Period& p, text::Language lang);
// The same, as a heading or title ("October 2026" / "oktober 2026").
std::string period_title(const model::Period& p, text::Language lang);
// Short form for tiles ("Sep", "Oct 2025" / "sep.", "okt. 2025"); `with_year` adds the year.
std::string period_short(const model::Period& p, text::Language lang, bool with_year);
// "September 2024" / "september 2024" for a month; period_in_sentence() otherwise, with the
// year where the period kind needs it (records: "the highest since …").
std::string period_since(const model::Period& p, text::Language lang);

}  // namespace boardbrief::findings
