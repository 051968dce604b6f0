#include "fonts.h"

#include "font_data.h"

namespace tend::web {

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
                                           em * kFontHeightPerEm, &cfg, kFontRanges);
    };
    ui::Fonts f;
    f.body = add(theme.body_px);
    f.small = add(theme.small_px);
    f.prompt = add(theme.prompt_px);
    atlas->Build();
    return f;
}

}  // namespace tend::web
