#include "layout/rich_text.h"

#include <utility>

#include "layout/text_wrap.h"

namespace boardbrief::layout {

namespace {

// Position of the next '*' at or after `from` that is not part of "**", or npos.
std::size_t find_single_star(std::string_view s, std::size_t from) {
  for (std::size_t i = s.find('*', from); i != std::string_view::npos; i = s.find('*', i)) {
    if (i + 1 < s.size() && s[i + 1] == '*') {
      i += 2;
      continue;
    }
    return i;
  }
  return std::string_view::npos;
}

void append(std::vector<RichRun>& runs, std::string_view text, FontFace face) {
  if (text.empty()) return;
  if (!runs.empty() && runs.back().face == face) {
    runs.back().text += text;
  } else {
    runs.push_back({std::string(text), face});
  }
}

// A piece of a line before placement: text of one face and its measured width.
struct Piece {
  std::string text;
  FontFace face;
  double width_pt;
};

// A word is what lies between spaces; it may mix faces ("(**38%**)").
using Word = std::vector<Piece>;

double total_width(const std::vector<Piece>& pieces) {
  double w = 0;
  for (const Piece& p : pieces) w += p.width_pt;
  return w;
}

class LineBuilder {
 public:
  LineBuilder(const TextMeasurer& m, double size_pt, double max_width_pt)
      : m_(m), size_pt_(size_pt), max_width_pt_(max_width_pt) {}

  void add_word(const Word& word, FontFace space_face) {
    const double word_w = total_width(word);
    if (!pieces_.empty()) {
      const double space_w = m_.width(space_face, size_pt_, " ");
      if (width_pt_ + space_w + word_w <= max_width_pt_) {
        push({" ", space_face, space_w});
        for (const Piece& p : word) push(p);
        return;
      }
      flush(false);
    }
    if (word_w <= max_width_pt_) {
      for (const Piece& p : word) push(p);
      return;
    }
    add_broken_word(word);
  }

  // Ends the current line; `keep_empty` keeps an empty line (from "\n\n").
  void flush(bool keep_empty) {
    if (pieces_.empty() && !keep_empty) return;
    RichLine line;
    double x = 0;
    for (Piece& p : pieces_) {
      if (!line.runs.empty() && line.runs.back().face == p.face) {
        line.runs.back().text += p.text;
        line.runs.back().width_pt += p.width_pt;
      } else {
        line.runs.push_back({x, std::move(p.text), p.face, p.width_pt});
      }
      x += p.width_pt;
    }
    line.width_pt = x;
    lines_.push_back(std::move(line));
    pieces_.clear();
    width_pt_ = 0;
  }

  std::vector<RichLine> take() { return std::move(lines_); }

 private:
  void push(Piece p) {
    width_pt_ += p.width_pt;
    pieces_.push_back(std::move(p));
  }

  // The word starts an empty line and is wider than the box: fill lines code point by code
  // point (at least one per line); the last part stays open for the words that follow.
  void add_broken_word(const Word& word) {
    for (const Piece& p : word) {
      for (std::size_t i = 0; i < p.text.size();) {
        const std::size_t next = next_code_point(p.text, i);
        Piece unit{p.text.substr(i, next - i), p.face, 0};
        unit.width_pt = m_.width(unit.face, size_pt_, unit.text);
        if (!pieces_.empty() && width_pt_ + unit.width_pt > max_width_pt_) flush(false);
        if (!pieces_.empty() && pieces_.back().face == unit.face) {
          pieces_.back().text += unit.text;
          pieces_.back().width_pt += unit.width_pt;
          width_pt_ += unit.width_pt;
        } else {
          push(std::move(unit));
        }
        i = next;
      }
    }
  }

  const TextMeasurer& m_;
  double size_pt_;
  double max_width_pt_;
  std::vector<Piece> pieces_;
  double width_pt_ = 0;
  std::vector<RichLine> lines_;
};

}  // namespace

std::vector<RichRun> parse_rich(std::string_view s) {
  std::vector<RichRun> runs;
  bool bold = false, italic = false;
  std::string text;
  auto face = [&] { return bold ? FontFace::Bold : italic ? FontFace::Italic : FontFace::Regular; };
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "**") == 0 && (bold || s.find("**", i + 2) != std::string_view::npos)) {
      append(runs, text, face());
      text.clear();
      bold = !bold;
      i += 2;
    } else if (s.compare(i, 2, "**") == 0) {
      text += "**";  // an unmatched bold marker stays literal, both stars together
      i += 2;
    } else if (s[i] == '*' && (italic || find_single_star(s, i + 1) != std::string_view::npos)) {
      append(runs, text, face());
      text.clear();
      italic = !italic;
      i += 1;
    } else {
      text += s[i++];
    }
  }
  append(runs, text, face());
  return runs;
}

std::vector<RichLine> wrap_rich(const TextMeasurer& measurer, double size_pt, const std::vector<RichRun>& runs,
                                double max_width_pt) {
  LineBuilder builder(measurer, size_pt, max_width_pt);
  Word word;
  FontFace space_face = FontFace::Regular;  // face of the space before `word`
  FontFace pending_space_face = FontFace::Regular;
  auto end_word = [&] {
    if (word.empty()) return;
    for (Piece& p : word) p.width_pt = measurer.width(p.face, size_pt, p.text);
    builder.add_word(word, space_face);
    word.clear();
  };
  for (const RichRun& run : runs) {
    for (char c : run.text) {
      if (c == ' ' || c == '\n') {
        end_word();
        if (c == '\n') builder.flush(true);
        pending_space_face = run.face;
        continue;
      }
      if (word.empty()) space_face = pending_space_face;
      if (!word.empty() && word.back().face == run.face) {
        word.back().text += c;
      } else {
        word.push_back({std::string(1, c), run.face, 0});
      }
    }
  }
  end_word();
  builder.flush(false);
  return builder.take();
}

void limit_lines(const TextMeasurer& measurer, double size_pt, std::vector<RichLine>& lines, std::size_t max_lines,
                 double max_width_pt) {
  if (lines.size() <= max_lines) return;
  lines.resize(max_lines);
  RichLine& line = lines.back();
  auto ellipsis_w = [&] {
    const FontFace f = line.runs.empty() ? FontFace::Regular : line.runs.back().face;
    return measurer.width(f, size_pt, kEllipsis);
  };
  // Drop code points (and the spaces they leave) until "…" fits after the rest.
  auto trim_spaces = [&] {
    while (!line.runs.empty()) {
      std::string& t = line.runs.back().text;
      while (!t.empty() && t.back() == ' ') t.pop_back();
      if (!t.empty()) break;
      line.runs.pop_back();
    }
  };
  auto remeasure = [&] {
    if (line.runs.empty()) {
      line.width_pt = 0;
      return;
    }
    PlacedRun& last = line.runs.back();
    last.width_pt = measurer.width(last.face, size_pt, last.text);
    line.width_pt = last.x_pt + last.width_pt;
  };
  trim_spaces();
  remeasure();
  while (!line.runs.empty() && line.width_pt + ellipsis_w() > max_width_pt) {
    std::string& t = line.runs.back().text;
    t.erase(previous_code_point(t, t.size()));
    trim_spaces();
    remeasure();
  }
  if (line.runs.empty()) line.runs.push_back({0, "", FontFace::Regular, 0});
  line.runs.back().text += kEllipsis;
  remeasure();
}

void draw_rich_lines(Canvas& canvas, const std::vector<RichLine>& lines, double left_x, double first_baseline_y,
                     double size_pt, double leading_pt, Color color) {
  double y = first_baseline_y;
  for (const RichLine& line : lines) {
    for (const PlacedRun& run : line.runs) {
      TextRun t;
      t.at = {left_x + run.x_pt, y};
      t.text = run.text;
      t.face = run.face;
      t.size_pt = size_pt;
      t.color = color;
      canvas.draw(t);
    }
    y += leading_pt;
  }
}

}  // namespace boardbrief::layout
