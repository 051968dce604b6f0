// Tend: the font atlas, built for the display it is shown on.
//
// Text is rasterised at CSS size × devicePixelRatio (ImFontConfig::RasterizerDensity, new in
// ImGui 1.90) so it is crisp on every screen, while layout stays in CSS px. Rebuilt when the
// ratio changes (zoom, moving to another monitor).
#pragma once

#include <string>

#include "ui/controls.h"
#include "ui/theme.h"

namespace tend::web {

// The characters the atlas holds: only those on screen so far, not the font's whole range.
// Rasterising three sizes of every glyph of Latin-1 and Latin Extended-A took most of the
// first frame; an English exercise uses about a hundred. Text reaches the canvas only
// through the view and screen JSON (the same the DOM mirror gets), so the widget passes
// that JSON here and rebuilds the atlas when something new turns up (an "ő" in a reply
// shown among the words at the end, a date in the journal).
class GlyphSet {
public:
    GlyphSet();
    // Adds the characters of `utf8` that the embedded font has; true if any were new.
    bool add(const std::string& utf8);
    const ImWchar* ranges();  // for the atlas; valid until the next add()

private:
    ImFontGlyphRangesBuilder used_;
    ImVector<ImWchar> ranges_;
    bool stale_ = true;
};

// Does the embedded font have every character of `utf8` (controls and spaces aside)? When it
// doesn't, the canvas would draw "?": another script, an emoji, a combining accent.
bool font_covers(const std::string& utf8);

// Clears io.Fonts and adds the theme's sizes at `density`, with the glyphs in `glyphs`.
// Call between frames; the renderer's font texture must be updated afterwards.
ui::Fonts build_fonts(const ui::Theme& theme, float density, GlyphSet& glyphs);

// How many characters of `text` these fonts would draw as the fallback glyph ("?"); -1
// before any font is built. For tests (handle._debug.missingGlyphs).
int count_missing_glyphs(const ui::Fonts& fonts, const std::string& text);

}  // namespace tend::web
