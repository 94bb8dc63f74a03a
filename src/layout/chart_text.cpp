#include "layout/chart_text.h"

namespace boardbrief::layout {

Box text_box(const TextMeasurer& m, const TextRun& run) {
  const double w = m.width(run.face, run.size_pt, run.text);
  return Box{run.at.x, run.at.y - m.ascent(run.face, run.size_pt), run.at.x + w, run.at.y + 0.25 * run.size_pt};
}

std::vector<std::string> wrap_words(const TextMeasurer& m, FontFace face, double size_pt, std::string_view text,
                                    double width_pt, int max_lines) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t pos = 0;
  while (true) {
    const std::size_t end = text.find_first_of(" \n", pos);
    const std::string_view word = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    if (!word.empty()) {
      std::string joined = line.empty() ? std::string(word) : line + " " + std::string(word);
      if (!line.empty() && m.width(face, size_pt, joined) > width_pt) {
        lines.push_back(std::move(line));
        joined = std::string(word);
      }
      line = std::move(joined);
    }
    if (end == std::string_view::npos) break;
    if (text[end] == '\n' && !line.empty()) lines.push_back(std::move(line)), line.clear();
    pos = end + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  if (max_lines < 1) return {};
  if (static_cast<int>(lines.size()) > max_lines) {
    // What does not fit is joined onto the last line, so that the ellipsis below marks it.
    std::string rest = lines[max_lines - 1];
    for (std::size_t i = max_lines; i < lines.size(); ++i) rest += " " + lines[i];
    lines.resize(max_lines);
    lines.back() = std::move(rest);
  }
  for (auto& l : lines) l = ellipsize(m, face, size_pt, l, width_pt);
  return lines;
}

bool LabelPlacer::is_free(const Box& b) const {
  for (const Box& p : placed_) {
    if (p.overlaps(b)) return false;
  }
  return true;
}

std::size_t LabelPlacer::place(const std::vector<std::vector<TextRun>>& candidates) {
  std::size_t chosen = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    bool free = true;
    for (const TextRun& r : candidates[i]) free = free && is_free(text_box(measurer_, r));
    if (free) {
      chosen = i;
      break;
    }
  }
  for (const TextRun& r : candidates[chosen]) placed_.push_back(text_box(measurer_, r));
  return chosen;
}

}  // namespace boardbrief::layout
