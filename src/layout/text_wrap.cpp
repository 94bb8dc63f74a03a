#include "layout/text_wrap.h"

#include <algorithm>
#include <vector>

namespace boardbrief::layout {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Bytes of the longest prefix of `word` that fits `max_width_pt`, but at least one code point
// so that callers always make progress.
std::size_t fitting_prefix(const TextMeasurer& m, FontFace face, double size_pt, std::string_view word,
                           double max_width_pt) {
  std::size_t end = next_code_point(word, 0);
  while (end < word.size()) {
    const std::size_t next = next_code_point(word, end);
    if (m.width(face, size_pt, word.substr(0, next)) > max_width_pt) break;
    end = next;
  }
  return end;
}

// Greedy fill of one paragraph (no '\n' inside).
void wrap_paragraph(const TextMeasurer& m, FontFace face, double size_pt, std::string_view para, double max_width_pt,
                    std::vector<WrappedLine>& out) {
  std::string line;
  auto flush = [&] {
    if (!line.empty()) out.push_back({line, m.width(face, size_pt, line)});
    line.clear();
  };
  std::size_t i = 0;
  while (i < para.size()) {
    if (para[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t end = para.find(' ', i);
    if (end == std::string_view::npos) end = para.size();
    std::string_view word = para.substr(i, end - i);
    i = end;

    if (!line.empty()) {
      std::string candidate = line + ' ';
      candidate += word;
      if (m.width(face, size_pt, candidate) <= max_width_pt) {
        line = std::move(candidate);
        continue;
      }
      flush();
    }
    // The word starts a line; break it while it is wider than the box.
    while (m.width(face, size_pt, word) > max_width_pt) {
      const std::size_t n = fitting_prefix(m, face, size_pt, word, max_width_pt);
      if (n == word.size()) break;  // a single code point wider than the box
      line.assign(word.substr(0, n));
      flush();
      word.remove_prefix(n);
    }
    line.assign(word);
  }
  flush();
}

}  // namespace

std::size_t next_code_point(std::string_view s, std::size_t i) {
  ++i;
  while (i < s.size() && is_continuation(s[i])) ++i;
  return i;
}

std::size_t previous_code_point(std::string_view s, std::size_t i) {
  --i;
  while (i > 0 && is_continuation(s[i])) --i;
  return i;
}

std::size_t code_point_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += is_continuation(c) ? 0 : 1;
  return n;
}

std::vector<WrappedLine> wrap_text(const TextMeasurer& measurer, FontFace face, double size_pt, std::string_view text,
                                   double max_width_pt) {
  std::vector<WrappedLine> lines;
  if (text.find_first_not_of(" \n") == std::string_view::npos) return lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    const std::string_view para = text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    const std::size_t before = lines.size();
    wrap_paragraph(measurer, face, size_pt, para, max_width_pt, lines);
    if (lines.size() == before) lines.push_back({});  // keep the empty paragraph's line
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string shorten_with_ellipsis(std::string_view text, const std::function<bool(const std::string&)>& fits) {
  // Where each candidate prefix ends, ascending: 0 (the ellipsis alone), ..., the start of the
  // last code point (the whole text is not a candidate).
  std::vector<std::size_t> ends;
  for (std::size_t end = text.size(); end > 0;) {
    end = previous_code_point(text, end);
    ends.push_back(end);
  }
  if (ends.empty()) ends.push_back(0);
  std::reverse(ends.begin(), ends.end());
  const auto candidate = [&](std::size_t end) {
    while (end > 0 && text[end - 1] == ' ') --end;
    std::string c(text.substr(0, end));
    c += kEllipsis;
    return c;
  };
  if (!fits(candidate(ends[0]))) return {};
  std::size_t lo = 0, hi = ends.size() - 1;  // candidate(ends[lo]) fits; the answer is in [lo, hi]
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo + 1) / 2;
    if (fits(candidate(ends[mid])))
      lo = mid;
    else
      hi = mid - 1;
  }
  return candidate(ends[lo]);
}

std::string ellipsize(const TextMeasurer& measurer, FontFace face, double size_pt, std::string_view text,
                      double max_width_pt) {
  if (measurer.width(face, size_pt, text) <= max_width_pt) return std::string(text);
  if (text.empty()) return {};
  return shorten_with_ellipsis(text,
                               [&](const std::string& c) { return measurer.width(face, size_pt, c) <= max_width_pt; });
}

std::string ellipsize_middle(const TextMeasurer& measurer, FontFace face, double size_pt, std::string_view text,
                             double max_width_pt, std::size_t keep_head) {
  if (measurer.width(face, size_pt, text) <= max_width_pt) return std::string(text);
  // The end is searched code point by code point: a name longer than any label is simply cut.
  if (text.size() > 256) return ellipsize(measurer, face, size_pt, text, max_width_pt);
  keep_head = std::min(keep_head, text.size());
  const std::string head = std::string(text.substr(0, keep_head)) + std::string(kEllipsis);
  const double room = max_width_pt - measurer.width(face, size_pt, head);
  // The longest end (whole code points, no leading space) that fits after the head.
  std::size_t from = text.size();
  while (from > keep_head) {
    const std::size_t p = previous_code_point(text, from);
    if (measurer.width(face, size_pt, text.substr(p)) > room) break;
    from = p;
  }
  while (from < text.size() && text[from] == ' ') ++from;
  if (text.size() - from < 3) return ellipsize(measurer, face, size_pt, text, max_width_pt);  // no end worth keeping
  return head + std::string(text.substr(from));
}

}  // namespace boardbrief::layout
