#include "support/pdf_words.h"

#include <regex>
#include <sstream>

namespace boardbrief::testing {

std::vector<PdfWord> pdf_words(const std::string& bbox) {
  std::vector<PdfWord> out;
  int page = 0;
  static const std::regex word_re(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  std::istringstream in(bbox);
  for (std::string line; std::getline(in, line);) {
    if (line.find("<page ") != std::string::npos) ++page;
    std::smatch m;
    if (std::regex_search(line, m, word_re))
      out.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
  }
  return out;
}

}  // namespace boardbrief::testing
