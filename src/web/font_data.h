// Tend: the widget's one font, subset and embedded at build time (embed_font.py), so a
// reader's browser makes no extra request and every glyph an exercise uses is there.
#pragma once

#include "imgui.h"

namespace tend::web {

extern const unsigned char kFontData[];
extern const unsigned int kFontSize;
// (ascent - descent) / unitsPerEm: multiply a CSS em size by this to get ImGui's SizePixels.
extern const float kFontHeightPerEm;
extern const ImWchar kFontRanges[];  // the glyphs the subset keeps, for ImGui's atlas

}  // namespace tend::web
