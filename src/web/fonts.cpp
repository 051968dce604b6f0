#include "fonts.h"

#include "font_data.h"

namespace tend::web {

namespace {
// The glyphs the subset keeps (embed_font.py): must outlive the atlas build, hence static.
const ImWchar kRanges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2013, 0x2014, 0x2018, 0x2019,
                           0x201C, 0x201D, 0x2022, 0x2022, 0x2026, 0x2026, 0};
}  // namespace

ui::Fonts build_fonts(const ui::Theme& theme, float density) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;  // the browser draws the cursor
    auto add = [&](float em) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the bytes live in the wasm's data section
        cfg.RasterizerDensity = density;
        cfg.OversampleH = density >= 1.75f ? 1 : 2;  // dense screens don't need the extra samples
        cfg.OversampleV = 1;
        // ImGui sizes by ascent-to-descent; CSS (and our theme) by the em.
        return atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData), static_cast<int>(kFontSize),
                                           em * kFontHeightPerEm, &cfg, kRanges);
    };
    ui::Fonts f;
    f.body = add(theme.body_px);
    f.small = add(theme.small_px);
    f.prompt = add(theme.prompt_px);
    atlas->Build();
    return f;
}

}  // namespace tend::web
