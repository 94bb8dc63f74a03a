// Replays one laid-out page into a libharu page. Internal to the pdf backend.
#pragma once

#include <hpdf.h>

#include <functional>
#include <string>

#include "layout/canvas.h"
#include "pdf/embedded_font.h"

namespace boardbrief::pdf {

using FontLookup = std::function<const EmbeddedFont&(layout::FontFace)>;
// Loads (once) the image a layout::Image names; throws DataError naming the file.
using ImageLookup = std::function<HPDF_Image(const std::string& file)>;

// Draws every primitive of `drawing` on `page`, flipping y (layout's origin is top-left, PDF's
// bottom-left) and rounding coordinates to 0.01 pt (smaller output, no visible change). Text
// goes through EmbeddedFont::drawable(), like measurement. Unbalanced clips are tolerated: a
// ClipEnd without ClipBegin is ignored and clips still open at the end are closed.
// libharu errors are recorded in the document's error slot; the caller checks it.
void paint_page(HPDF_Page page, const layout::PageDrawing& drawing, const FontLookup& fonts,
                const ImageLookup& images = {});

}  // namespace boardbrief::pdf
