#include "pdf/pdf_writer.h"

#include <hpdf.h>

#include <map>
#include <stdexcept>

#include "base/error.h"
#include "pdf/document_info.h"
#include "pdf/drawable_text.h"
#include "pdf/embedded_font.h"
#include "pdf/haru_doc.h"
#include "pdf/image_loader.h"
#include "pdf/page_painter.h"
#include "pdf/to_unicode_fix.h"

namespace boardbrief::pdf {

struct PdfWriter::Impl {
  explicit Impl(const FontFiles& files)
      // Load order fixes the subset tags (HPDFAA+, HPDFAB+, ...), so keep it constant.
      : regular(doc, files.regular), bold(doc, files.bold), italic(doc, files.italic) {}

  const EmbeddedFont& font(layout::FontFace face) const {
    switch (face) {
      case layout::FontFace::Bold: return bold;
      case layout::FontFace::Italic: return italic;
      case layout::FontFace::Regular: break;
    }
    return regular;
  }

  HaruDoc doc;  // first: the fonts live in it
  EmbeddedFont regular;
  EmbeddedFont bold;
  EmbeddedFont italic;
  bool rendered = false;
};

PdfWriter::PdfWriter(const FontFiles& fonts) : impl_(std::make_unique<Impl>(fonts)) {}

PdfWriter::~PdfWriter() = default;

double PdfWriter::width(layout::FontFace face, double size_pt, std::string_view text) const {
  const EmbeddedFont& font = impl_->font(face);
  return font.width_pt(font.drawable(text), size_pt);
}

double PdfWriter::ascent(layout::FontFace face, double size_pt) const { return impl_->font(face).ascent_pt(size_pt); }

namespace {

std::vector<HPDF_Page> add_pages(HaruDoc& doc, const std::vector<layout::PageDrawing>& pages, const FontLookup& fonts) {
  // Each image is loaded once and drawn as often as needed (docs/architecture.md, pdf).
  std::map<std::string, HPDF_Image> loaded;
  const ImageLookup images = [&](const std::string& file) {
    auto it = loaded.find(file);
    if (it == loaded.end()) {
      HPDF_Image image = load_image(doc.get(), file);
      // A corrupt JPEG is bad input (exit 3), not a failed write: libharu only parses it here.
      if (!image || doc.failed()) throw DataError(file + ": cannot read the logo (a corrupt or unsupported JPEG)");
      it = loaded.emplace(file, image).first;
    }
    return it->second;
  };
  std::vector<HPDF_Page> added;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::string what = "drawing page " + std::to_string(i + 1);
    HPDF_Page page = HPDF_AddPage(doc.get());
    doc.check(what);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    // Layout decides the size; A4 is its default, and these calls keep whatever it chose.
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(pages[i].width_pt));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(pages[i].height_pt));
    paint_page(page, pages[i], fonts, images);
    doc.check(what);
    added.push_back(page);
  }
  return added;
}

void add_bookmarks(HaruDoc& doc, const std::vector<HPDF_Page>& pages, const std::vector<Bookmark>& bookmarks) {
  if (bookmarks.empty()) return;
  HPDF_Encoder utf8 = HPDF_GetEncoder(doc.get(), "UTF-8");
  HPDF_SetPageMode(doc.get(), HPDF_PAGE_MODE_USE_OUTLINE);  // /PageMode /UseOutlines
  for (const Bookmark& mark : bookmarks) {
    if (mark.page_index < 0 || static_cast<std::size_t>(mark.page_index) >= pages.size()) {
      throw std::out_of_range("bookmark '" + mark.title + "' points to page index " + std::to_string(mark.page_index) +
                              " of " + std::to_string(pages.size()));
    }
    HPDF_Page page = pages[static_cast<std::size_t>(mark.page_index)];
    const std::string title = metadata_text(mark.title);
    HPDF_Outline outline = HPDF_CreateOutline(doc.get(), nullptr, title.c_str(), utf8);
    HPDF_Destination dest = HPDF_Page_CreateDestination(page);
    // Zoom 0 ("keep the viewer's zoom") is rejected by libharu and poisons the document.
    HPDF_Destination_SetXYZ(dest, 0, HPDF_Page_GetHeight(page), 1);
    HPDF_Outline_SetDestination(outline, dest);
    doc.check("adding bookmark '" + mark.title + "'");
  }
}

std::vector<unsigned char> save(HaruDoc& doc) {
  HPDF_SaveToStream(doc.get());
  doc.check("saving the PDF");
  std::vector<unsigned char> bytes(HPDF_GetStreamSize(doc.get()));
  HPDF_ResetStream(doc.get());
  auto size = static_cast<HPDF_UINT32>(bytes.size());
  if (size > 0) HPDF_ReadFromStream(doc.get(), bytes.data(), &size);
  doc.check("reading the saved PDF");
  if (size != bytes.size()) throw std::logic_error("libharu returned a short PDF stream");
  return bytes;
}

}  // namespace

std::vector<unsigned char> PdfWriter::render(const std::vector<layout::PageDrawing>& pages, const DocumentInfo& info,
                                             const std::vector<Bookmark>& bookmarks) {
  if (impl_->rendered) throw std::logic_error("PdfWriter::render() called twice");
  impl_->rendered = true;
  HaruDoc& doc = impl_->doc;
  const FontLookup fonts = [this](layout::FontFace face) -> const EmbeddedFont& { return impl_->font(face); };

  const std::vector<HPDF_Page> added = add_pages(doc, pages, fonts);
  // Page labels as in the footers ("Page 1 of N"), so a viewer's page box agrees with print.
  if (!added.empty()) HPDF_AddPageLabel(doc.get(), 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, nullptr);
  doc.check("adding page labels");
  add_bookmarks(doc, added, bookmarks);
  set_document_info(doc, info);
  for (const EmbeddedFont* font : {&impl_->regular, &impl_->bold, &impl_->italic}) {
    fix_to_unicode_cmap(font->handle());
  }
  doc.check("writing the fonts' ToUnicode maps");
  return save(doc);
}

}  // namespace boardbrief::pdf
